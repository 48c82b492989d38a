import { mkdir, readFile, writeFile, rename, copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PagePayload } from '../shipped.ts';
import { bundlePageScript } from './bundle-app.ts';
import { dashboardPage } from './dashboard-page.ts';
import { fileNameFor } from './html-text.ts';
import { type IndexEntry, indexPage } from './index-page.ts';

/** Writes the static site: `index.html`, one page per dashboard, and `assets/` (ECharts from node_modules, the page script, the stylesheet). */
export async function writeSite(out: string, payloads: readonly PagePayload[], generatedFrom: string): Promise<{ indexPath: string; pages: string[] }> {
  const root = resolve(out);
  await mkdir(join(root, 'assets'), { recursive: true });
  const require = createRequire(import.meta.url);
  await copyFile(join(dirname(require.resolve('echarts/package.json')), 'dist', 'echarts.min.js'), join(root, 'assets', 'echarts.min.js'));
  await writeAtomically(join(root, 'assets', 'app.js'), await bundlePageScript());
  await writeAtomically(join(root, 'assets', 'preview.css'), await readFile(fileURLToPath(new URL('../assets/preview.css', import.meta.url)), 'utf8'));
  const pages: string[] = [];
  const entries: IndexEntry[] = [];
  for (const payload of payloads) {
    const { dashboard } = payload;
    const href = `${fileNameFor(dashboard.id)}.html`;
    const path = join(root, href);
    await writeAtomically(path, dashboardPage(payload));
    pages.push(path);
    entries.push({
      id: dashboard.id,
      name: dashboard.name,
      href,
      sheets: dashboard.sheets.length,
      visuals: dashboard.sheets.reduce((n, s) => n + s.visuals.length, 0),
      problems: payload.problems.length,
    });
  }
  const indexPath = join(root, 'index.html');
  await writeAtomically(indexPath, indexPage(entries, generatedFrom));
  return { indexPath, pages };
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}
