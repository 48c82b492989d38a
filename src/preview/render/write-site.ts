import { packageFile } from '../../files/package-files.ts';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OwnedFolder } from '../../files/owned-folder.ts';
import type { PagePayload } from '../shipped.ts';
import { bundlePageScript } from './bundle-app.ts';
import { dashboardPage } from './dashboard-page.ts';
import { fileNameFor } from './html-text.ts';
import { type IndexEntry, indexPage } from './index-page.ts';
import type { FolderEntry } from '../read/folder-reader.ts';

/**
 * Writes the static site: `index.html`, one page per dashboard, and `assets/` (ECharts from
 * node_modules, the page script, the stylesheet). Each file is replaced whole (written beside it,
 * then renamed), and a link in the site's folder — which may come with a repository — is refused,
 * never written through.
 */
export async function writeSite(
  out: string,
  payloads: readonly PagePayload[],
  generatedFrom: string,
  folders: readonly FolderEntry[] = [],
): Promise<{ indexPath: string; pages: string[] }> {
  const site = await OwnedFolder.open(out);
  const require = createRequire(import.meta.url);
  await site.copyFile(join(dirname(require.resolve('echarts/package.json')), 'dist', 'echarts.min.js'), join('assets', 'echarts.min.js'));
  await site.writeFile(join('assets', 'app.js'), await bundlePageScript());
  await site.writeFile(join('assets', 'preview.css'), await readFile(packageFile('src', 'preview', 'assets', 'preview.css'), 'utf8'));
  const pages: string[] = [];
  const entries: IndexEntry[] = [];
  for (const payload of payloads) {
    const { dashboard } = payload;
    const href = `${fileNameFor(dashboard.id)}.html`;
    pages.push(await site.writeFile(href, dashboardPage(payload)));
    entries.push({
      id: dashboard.id,
      name: dashboard.name,
      href,
      sheets: dashboard.sheets.length,
      visuals: dashboard.sheets.reduce((n, s) => n + s.visuals.length, 0),
      problems: payload.problems.length,
      ...(payload.version.published.status.endsWith('_SUCCESSFUL') ? {} : { failed: payload.version.published.status }),
    });
  }
  const indexPath = await site.writeFile('index.html', indexPage(entries, generatedFrom, folders));
  return { indexPath, pages };
}
