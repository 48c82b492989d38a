import type { FolderEntry } from '../read/folder-reader.ts';
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
  /** The published version's status when it did not succeed (CREATION_FAILED …). */
  readonly failed?: string;
}

/** The site's index: one link per dashboard, then the folders that hold them (QuickSight's shared folders), each with links to its own. */
export function indexPage(entries: readonly IndexEntry[], generatedFrom: string, folders: readonly FolderEntry[] = []): string {
  const items = entries.map(
    (entry) =>
      `<li${entry.failed ? ' class="failed"' : ''}><a href="${e(entry.href)}">${e(entry.name)}</a>${entry.failed ? ` <span class="status">${e(entry.failed)}</span>` : ''} <span class="meta">${e(entry.id)} · ${entry.sheets} sheet${entry.sheets === 1 ? '' : 's'} · ${entry.visuals} visual${entry.visuals === 1 ? '' : 's'}${entry.problems ? ` · ${entry.problems} not shown` : ''}</span></li>`,
  );
  const body = [
    '<header class="page-header"><h1>Dashboards</h1></header>',
    `<p class="source">Rendered by trailsight from ${e(generatedFrom)}.</p>`,
    entries.length ? `<ul class="dashboards">\n${items.join('\n')}\n</ul>` : '<p>No dashboards found.</p>',
    folderList(entries, folders),
  ].join('\n');
  return pageShell({ title: 'Dashboards · trailsight preview', body });
}

function folderList(entries: readonly IndexEntry[], folders: readonly FolderEntry[]): string {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const shown = folders.map((folder) => ({ folder, held: folder.dashboardIds.flatMap((id) => byId.get(id) ?? []) })).filter(({ held }) => held.length > 0);
  if (shown.length === 0) return '';
  const items = shown.map(
    ({ folder, held }) =>
      `<li data-folder-id="${e(folder.id)}"><span class="folder">${e(folder.name)}</span> ${held.map((entry) => `<a href="${e(entry.href)}">${e(entry.name)}</a>`).join(' · ')}</li>`,
  );
  return `<h2 class="folders-title">Folders</h2>\n<ul class="folders">\n${items.join('\n')}\n</ul>`;
}
