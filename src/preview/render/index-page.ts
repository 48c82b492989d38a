import { escapeHtml as e } from './html-text.ts';
import { pageShell } from './page-shell.ts';

export interface IndexEntry {
  readonly id: string;
  readonly name: string;
  /** The page's file name, relative to the index. */
  readonly href: string;
  readonly sheets: number;
  readonly visuals: number;
  readonly problems: number;
}

/** The site's index: one link per dashboard. */
export function indexPage(entries: readonly IndexEntry[], generatedFrom: string): string {
  const items = entries.map(
    (entry) =>
      `<li><a href="${e(entry.href)}">${e(entry.name)}</a> <span class="meta">${e(entry.id)} · ${entry.sheets} sheet${entry.sheets === 1 ? '' : 's'} · ${entry.visuals} visual${entry.visuals === 1 ? '' : 's'}${entry.problems ? ` · ${entry.problems} not shown` : ''}</span></li>`,
  );
  const body = [
    '<header class="page-header"><h1>Dashboards</h1></header>',
    `<p class="source">Rendered by trailsight from ${e(generatedFrom)}.</p>`,
    entries.length ? `<ul class="dashboards">\n${items.join('\n')}\n</ul>` : '<p>No dashboards found.</p>',
  ].join('\n');
  return pageShell({ title: 'Dashboards · trailsight preview', body });
}
