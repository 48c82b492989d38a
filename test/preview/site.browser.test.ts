import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { renderPreview } from '../../src/preview/index.ts';
import { HOW_TO_ENABLE, launchChromium, watchedPage, type WatchedPage } from './browser.ts';
import { HOSTILE_USER, PAYLOADS, writeHostileLog } from './hostile-log.ts';
import { type LocalAccount, publishLocally } from './local-site.ts';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const SITE = join(ARTIFACTS, 'preview-site');
const SCREENSHOTS = join(ARTIFACTS, 'screenshots');

describe('preview site in headless Chromium (dashboards/ on the local endpoint over sample logs)', function () {
  this.timeout(300_000);
  let browser: Browser | undefined;
  let local: LocalAccount | undefined;
  let pages: string[] = [];
  let indexPath = '';

  before(async function () {
    browser = await launchChromium();
    if (!browser) {
      console.log(`      skipped: ${HOW_TO_ENABLE}`);
      return this.skip();
    }
    const published = await publishLocally({ hostile: writeHostileLog });
    if (typeof published === 'string') {
      console.log(`      skipped: ${published}`);
      return this.skip();
    }
    local = published;
    await rm(SITE, { recursive: true, force: true });
    await mkdir(SCREENSHOTS, { recursive: true });
    // Opened at the end of the logs' last day (today), as a dashboard is opened after its logs were
    // written: the sample fills whole days, and the dashboards' rolling windows (the last N days, up
    // to now) leave out what would be after now.
    const now = new Date(`${new Date().toISOString().slice(0, 10)}T23:59:59.999Z`);
    const result = await renderPreview({ quicksight: local.quicksight, athena: local.athena, awsAccountId: local.account, out: SITE, now });
    assert.deepEqual(result.problems, [], 'every visual, filter and control of dashboards/ is shown');
    pages = result.pages;
    indexPath = result.indexPath;
  });

  after(async () => {
    await browser?.close();
    await local?.close();
  });

  async function open(path: string): Promise<WatchedPage> {
    const watched = await watchedPage(browser!);
    await watched.page.goto(pathToFileURL(path).href);
    await watched.page.waitForSelector('body[data-ready="true"]');
    return watched;
  }

  async function assertClean(watched: WatchedPage): Promise<void> {
    assert.deepEqual(watched.errors, [], 'no console errors, page errors or failed requests');
    assert.deepEqual(watched.dialogs, [], 'no dialogs opened');
    assert.deepEqual(await watched.page.evaluate(() => (window as unknown as { __pwnedBy: unknown[] }).__pwnedBy), [], 'no injected code ran');
  }

  it('the index links every dashboard', async () => {
    const watched = await watchedPage(browser!);
    await watched.page.goto(pathToFileURL(indexPath).href);
    const links = await watched.page.$$eval('ul.dashboards a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(
      links,
      local!.dashboardIds.map((id) => `${id}.html`),
    );
    // dashboards/folder.yaml: the shared folder holding them all, read with ListFolders and ListFolderMembers.
    const folders = await watched.page.$$eval('ul.folders li', (lis) =>
      lis.map((li) => [li.querySelector('.folder')?.textContent, [...li.querySelectorAll('a')].map((a) => a.getAttribute('href'))]),
    );
    assert.deepEqual(folders, [['CloudTrail security', local!.dashboardIds.map((id) => `${id}.html`)]]);
    assert.deepEqual(watched.errors, []);
    await watched.page.close();
  });

  it('every page loads cleanly and draws every visual of every sheet with its data; a screenshot per dashboard', async () => {
    assert.equal(pages.length, local!.dashboardIds.length);
    for (const path of pages) {
      const watched = await open(path);
      const { page } = watched;
      const name = path
        .split('/')
        .pop()!
        .replace(/\.html$/, '');
      const tabs = await page.$$('[role="tab"]');
      for (const [i, tab] of tabs.entries()) {
        await tab.click();
        const sheetId = await tab.getAttribute('data-sheet-id');
        const figures = await page.$$eval(`section.sheet[data-sheet-id="${sheetId}"] figure.visual`, (fs) =>
          fs.map((f) => {
            const el = f as HTMLElement;
            const kind = el.dataset.kind;
            const drawn =
              kind === 'kpi'
                ? (el.querySelector('.kpi-value')?.textContent ?? '') !== ''
                : kind === 'table' || kind === 'pivot'
                  ? el.querySelectorAll('tbody tr').length > 0
                  : el.querySelector('canvas') !== null;
            return { id: el.dataset.visualId, kind, state: el.dataset.state, rows: Number(el.dataset.rows), drawn };
          }),
        );
        assert.ok(figures.length > 0, `${name}/${sheetId} has visuals`);
        for (const figure of figures) {
          assert.equal(figure.state, 'drawn', `${name}/${sheetId}/${figure.id} (${figure.kind}) is drawn`);
          assert.ok(figure.rows > 0 && figure.drawn, `${name}/${sheetId}/${figure.id} shows its data`);
        }
        await page.screenshot({ path: join(SCREENSHOTS, i === 0 ? `${name}.png` : `${name}--${sheetId}.png`), fullPage: true });
      }
      await assertClean(watched);
      await page.close();
    }
  });

  it('the EC2 page shows nicholas stopping the web server (by its Name tag), with the time and the IP', async () => {
    const watched = await open(join(SITE, 'ec2-state-changes.html'));
    const rows = await watched.page.$$eval('figure[data-visual-id="changes-table"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
    const stop = rows.find((cells) => cells.includes('nicholas') && cells.includes('i-0abc123def4567890'));
    assert.ok(stop, `a row for nicholas and the web server in ${JSON.stringify(rows)}`);
    assert.ok(stop.includes('Stop'));
    assert.ok(stop.includes('198.51.100.77'));
    assert.ok(stop.includes('web-server'), 'the instance is named by the Name tag the administrator set');
    assert.match(stop[0]!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await assertClean(watched);
    await watched.page.close();
  });

  it("the principal page lists nicholas's other calls, the denied ones included", async () => {
    const watched = await open(join(SITE, 'investigate-principal.html'));
    const { page } = watched;
    assert.equal(await page.$eval('.control select', (s) => (s as HTMLSelectElement).value), 'nicholas');
    const rows = async () =>
      page.$$eval('figure[data-visual-id="calls-timeline"] tbody tr', (trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    const calls = await rows();
    for (const event of ['ConsoleLogin', 'DescribeInstances', 'ListBuckets', 'GetObject', 'StopInstances']) {
      assert.ok(
        calls.some((cells) => cells[1] === event),
        `${event} is listed`,
      );
    }
    const denied = calls.find((cells) => cells[1] === 'ListUsers');
    assert.ok(denied?.includes('AccessDenied'), 'the denied ListUsers call shows AccessDenied');
    assert.ok(
      calls.every((cells) => !cells.includes(PAYLOADS.userAgent)),
      "another user's calls are filtered out",
    );

    await page.selectOption('.control select', HOSTILE_USER);
    const hostile = await rows();
    assert.ok(
      hostile.some((cells) => cells.includes(PAYLOADS.userAgent) && cells.includes(PAYLOADS.errorCode)),
      'the payloads show as text',
    );
    assert.notEqual(await page.$eval('figure[data-visual-id="calls"] .kpi-value', (el) => el.textContent), '0');
    await assertClean(watched);
    await page.close();
  });

  it('the principal page shows which objects nicholas read after stopping the server, and the delete he was denied', async () => {
    const watched = await open(join(SITE, 'investigate-principal.html'));
    const { page } = watched;
    const rows = await page.$$eval('figure[data-visual-id="data-touched"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    for (const key of ['reports/2026/q3-revenue.csv', 'reports/2026/q4-forecast.xlsx', 'reports/payroll/2026-11.csv', 'reports/customers/top-accounts.csv']) {
      assert.ok(
        rows.some((cells) => cells.includes('GetObject') && cells.includes(key) && cells.includes('customer-data-prod')),
        `${key} read`,
      );
    }
    assert.ok(
      rows.some((cells) => cells.includes('DeleteObject') && cells.includes('Delete') && cells.includes('AccessDenied')),
      'the denied delete',
    );
    assert.ok(
      rows.every((cells) => cells.includes('198.51.100.77')),
      "only nicholas's data events, all from his address",
    );
    await assertClean(watched);
    await page.close();
  });

  it('the Data access page: who read, wrote or deleted which object, and Lambda invocations', async () => {
    const watched = await open(join(SITE, 'data-access.html'));
    const { page } = watched;
    const rows = await page.$$eval('figure[data-visual-id="object-access"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    const access = new Set(rows.map((cells) => cells[2]));
    assert.deepEqual([...access].sort(), ['Delete', 'Read', 'Write']);
    await page.click('[role="tab"][data-sheet-id="functions"]');
    await page.waitForSelector('figure[data-visual-id="invocations"] .kpi-value');
    assert.match((await page.$eval('figure[data-visual-id="invocations"] .kpi-value', (el) => el.textContent)) ?? '', /^[1-9][\d,]*$/);
    await assertClean(watched);
    await page.close();
  });

  it("the Unusual activity page: the burst's two Insights events against their baselines, and nicholas's calls around them", async () => {
    const watched = await open(join(SITE, 'unusual-activity.html'));
    const { page } = watched;
    const insights = await page.$$eval('figure[data-visual-id="insight-list"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    for (const insight of ['CreateAccessKey calls', 'CreateAccessKey AccessDenied errors']) {
      const row = insights.find((cells) => cells.includes(insight));
      assert.ok(row, `${insight} in ${JSON.stringify(insights)}`);
      assert.ok(
        row.some((cell) => cell.endsWith(':user/nicholas')),
        'nicholas is behind it',
      );
    }
    assert.ok(await page.$('figure[data-visual-id="baseline-vs-insight"] canvas'), 'baseline against insight is drawn');
    await page.click('[role="tab"][data-sheet-id="calls"]');
    await page.waitForSelector('figure[data-visual-id="call-list"] tbody tr');
    const calls = await page.$$eval('figure[data-visual-id="call-list"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    const burst = calls.filter((cells) => cells.includes('nicholas'));
    assert.equal(burst.length, 2 * 36, 'each of his 36 calls, around each of the two Insights events');
    assert.ok(
      burst.every((cells) => cells.includes('CreateAccessKey') && cells.includes('AccessDenied') && cells.includes('192.0.2.130')),
      JSON.stringify(burst.slice(0, 3)),
    );
    assert.ok(
      calls.every((cells) => cells.includes('nicholas') || cells.includes(HOSTILE_USER)),
      'and the hostile call around the hostile Insights event',
    );
    await assertClean(watched);
    await page.close();
  });

  it('pages are drawn with dashboards/theme.yaml: its interface colours and font on the page, its data colours in the charts', async () => {
    const watched = await open(join(SITE, 'account-activity.html'));
    const { page } = watched;
    const look = await page.evaluate(() => {
      const visual = document.querySelector('figure.visual') as HTMLElement;
      const chart = document.querySelector('figure.visual[data-kind="bar"] .visual-body') as HTMLElement;
      const option = (window as unknown as { echarts: typeof import('echarts') }).echarts.getInstanceByDom(chart)?.getOption() as
        | { color?: string[] }
        | undefined;
      return {
        // Set by the theme alone (the stylesheet's defaults are on :root's rule, not its style).
        set: Object.fromEntries(['--bg', '--tile-bg', '--accent', '--danger'].map((name) => [name, document.documentElement.style.getPropertyValue(name)])),
        sheet: getComputedStyle(document.body).backgroundColor,
        visual: getComputedStyle(visual).backgroundColor,
        font: getComputedStyle(document.body).fontFamily,
        colors: option?.color?.slice(0, 3),
      };
    });
    assert.deepEqual(look.set, { '--bg': '#F2F3F3', '--tile-bg': '#FFFFFF', '--accent': '#0972D3', '--danger': '#D91515' });
    assert.equal(look.sheet, 'rgb(242, 243, 243)', 'secondaryBackground #F2F3F3');
    assert.equal(look.visual, 'rgb(255, 255, 255)', 'primaryBackground #FFFFFF');
    assert.match(look.font, /^"Amazon Ember", Arial, /);
    assert.deepEqual(look.colors, ['#0072B2', '#E69F00', '#009E73'], 'the data colours, in order');
    await assertClean(watched);
    await page.close();
  });

  it('hostile Insights events (error code, principal and user agent) render as text and run nothing, chart labels included', async () => {
    const watched = await open(join(SITE, 'unusual-activity.html'));
    const { page } = watched;
    const text = await page.$eval('section.sheet', (s) => s.textContent ?? '');
    for (const payload of [PAYLOADS.errorCode, PAYLOADS.instanceId, PAYLOADS.userAgent]) assert.ok(text.includes(payload), `${payload} is shown as text`);
    assert.equal(await page.$$eval('section.sheet img, section.sheet svg[onload], section.sheet script', (els) => els.length), 0);
    for (const id of ['baseline-vs-insight', 'by-principal']) {
      const b = (await (await page.$(`figure[data-visual-id="${id}"] canvas`))!.boundingBox())!;
      for (let y = b.y + 10; y < b.y + b.height; y += b.height / 10) await page.mouse.move(b.x + b.width * 0.4, y);
    }
    await page.waitForTimeout(200);
    await assertClean(watched);
    await page.close();
  });

  it('hostile user agents, parameters and error fields render as text and run nothing, tooltips included', async () => {
    const watched = await open(join(SITE, 'ec2-state-changes.html'));
    const { page } = watched;
    const text = await page.$eval('section.sheet', (s) => s.textContent ?? '');
    assert.ok(text.includes(PAYLOADS.instanceId), 'the instance id payload is shown as text');
    assert.ok(text.includes(PAYLOADS.errorCode), 'the error code payload is shown as text');
    assert.equal(await page.$$eval('section.sheet img, section.sheet svg[onload], section.sheet script', (els) => els.length), 0);
    for (const id of ['changes-by-actor', 'changes-over-time']) {
      const box = (await page.$(`figure[data-visual-id="${id}"] canvas`))!.boundingBox();
      const b = (await box)!;
      for (let x = b.x + 10; x < b.x + b.width; x += b.width / 12) await page.mouse.move(x, b.y + b.height * 0.7);
    }
    await page.waitForTimeout(200);
    await assertClean(watched);
    await page.close();
  });
});
