import type { AnyVisual, GridPlacement, SheetModel } from '../dashboard-model.ts';
import { cutNote } from '../query/shown-text.ts';
import type { PagePayload, VersionState, VisualData } from '../shipped.ts';
import { escapeHtml as e, jsonForScript } from './html-text.ts';
import { pageShell } from './page-shell.ts';

/** A dashboard's page: tabs, sheets with their controls bar and visual grid, the data as JSON. */
export function dashboardPage(payload: PagePayload): string {
  const { dashboard } = payload;
  const tabs = dashboard.sheets
    .map((sheet, i) => `<button type="button" role="tab" data-sheet-id="${e(sheet.id)}" aria-selected="${i === 0}">${e(sheet.title)}</button>`)
    .join('\n');
  const body = [
    '<header class="page-header">',
    '<a class="back" href="index.html">All dashboards</a>',
    `<h1>${e(dashboard.name)}</h1>`,
    '</header>',
    versionNotice(payload.version.published, 'published'),
    payload.version.newerFailed ? versionNotice(payload.version.newerFailed, 'newer') : '',
    `<nav class="tabs" role="tablist">\n${tabs}\n</nav>`,
    ...dashboard.sheets.map((sheet, i) => sheetSection(sheet, i === 0, payload.data)),
    problemsList(payload.problems),
    `<script type="application/json" id="preview-data">${jsonForScript(payload)}</script>`,
  ].join('\n');
  return pageShell({ title: `${dashboard.name} · trailsight preview`, body, scripts: ['assets/echarts.min.js', 'assets/app.js'] });
}

function sheetSection(sheet: SheetModel, first: boolean, data: PagePayload['data']): string {
  const placed = flowLayout(sheet);
  return [
    `<section class="sheet" data-sheet-id="${e(sheet.id)}"${first ? '' : ' hidden'}>`,
    sheet.description ? `<p class="sheet-description">${e(sheet.description)}</p>` : '',
    `<div class="controls" data-sheet-id="${e(sheet.id)}"></div>`,
    '<div class="grid">',
    ...sheet.visuals.map((visual) => visualFigure(visual, placed.get(visual.id)!, data[visual.id])),
    '</div>',
    '</section>',
  ].join('\n');
}

function visualFigure(visual: AnyVisual, at: GridPlacement, data: VisualData | undefined): string {
  const placement = `data-col="${at.col}" data-row="${at.row}" data-width="${at.width}" data-height="${at.height}"`;
  const title = visual.title ? `<h2>${e(visual.title)}</h2>` : '';
  const subtitle = visual.kind !== 'unsupported' && visual.subtitle ? `<p class="subtitle">${e(visual.subtitle)}</p>` : '';
  if (visual.kind === 'unsupported') {
    const body = `<div class="visual-body"><p class="visual-type">${e(visual.typeName)}</p><p class="visual-message">${e(visual.reason)}</p></div>`;
    return `<figure class="visual" data-visual-id="${e(visual.id)}" data-kind="unsupported" data-visual-type="${e(visual.visualType)}" data-state="unsupported" ${placement}>\n<figcaption>${title}</figcaption>\n${body}\n</figure>`;
  }
  const caveats = (visual.caveats ?? []).map((caveat) => `<p class="visual-caveat">Not drawn: ${e(caveat)}.</p>`).join('');
  const body = `<div class="visual-body"></div><p class="visual-note" hidden></p>${caveats}${data?.cut ? `<p class="visual-cut">${e(cutNote(!visual.unaggregated))}</p>` : ''}`;
  return `<figure class="visual" data-visual-id="${e(visual.id)}" data-kind="${e(visual.kind)}" data-state="pending" ${placement}>\n<figcaption>${title}${subtitle}</figcaption>\n${body}\n</figure>`;
}

/** The grid layout's placements; visuals without one go below, two per row. */
function flowLayout(sheet: SheetModel): Map<string, GridPlacement> {
  const placed = new Map<string, GridPlacement>();
  let nextRow = 0;
  for (const visual of sheet.visuals) {
    const at = sheet.layout[visual.id];
    if (at) {
      placed.set(visual.id, at);
      nextRow = Math.max(nextRow, at.row + at.height);
    }
  }
  let slot = 0;
  for (const visual of sheet.visuals) {
    if (placed.has(visual.id)) continue;
    placed.set(visual.id, { col: (slot % 2) * 18, row: nextRow + Math.floor(slot / 2) * 8, width: 18, height: 8 });
    slot++;
  }
  return placed;
}

/**
 * A version that did not succeed, as QuickSight reports it: its status and each error's type,
 * message and violated entities. The published version's notice stands in for the sheets.
 */
function versionNotice(version: VersionState, which: 'published' | 'newer'): string {
  if (version.status.endsWith('_SUCCESSFUL')) return '';
  const number = version.versionNumber === undefined ? '' : ` ${version.versionNumber}`;
  const heading =
    which === 'published'
      ? `This dashboard's published version${number} is ${version.status} in QuickSight: nothing of it can be shown.`
      : `Version${number} of this dashboard is ${version.status} in QuickSight and was not published: this page shows the published version.`;
  const errors = version.errors.map(
    (error) =>
      `<li><code class="error-type">${e(error.type)}</code> ${e(error.message)}${error.entities.length ? ` <span class="entities">at ${error.entities.map((path) => `<code>${e(path)}</code>`).join(', ')}</span>` : ''}</li>`,
  );
  return `<section class="version-state" data-which="${which}" data-status="${e(version.status)}" role="alert"><h2>${e(heading)}</h2>${errors.length ? `<ul class="version-errors">${errors.join('')}</ul>` : ''}</section>`;
}

function problemsList(problems: readonly string[]): string {
  if (problems.length === 0) return '';
  return `<aside class="problems"><h2>Not shown in this preview</h2><ul>${problems.map((p) => `<li>${e(p)}</li>`).join('')}</ul></aside>`;
}
