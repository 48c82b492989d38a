import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { renderPreview, type RenderPreviewResult } from '../../src/preview/index.ts';
import { HOW_TO_ENABLE, launchChromium, watchedPage, type WatchedPage } from './browser.ts';
import { writeHostileLog } from './hostile-log.ts';
import { type LocalAccount, publishLocally } from './local-site.ts';
import {
  barByEventName,
  calculatedDefinition,
  controlsDefinition,
  createDashboard,
  datasetOnFailedSource,
  datesDefinition,
  definition,
  EMPTY_VALUES,
  eventsDatasetArn,
  PARTLY_DRAWN,
  sheet,
  UNDRAWN,
  updateDashboard,
} from './real-definitions.ts';

/**
 * "The preview never lies" (issue 14): real definitions' shapes on the CloudTrail dataset, created
 * with the SDK on the local endpoint and rendered through the QuickSight and Athena APIs; the
 * drawing checked in Chromium where it matters.
 */
describe('the preview never lies (real definitions on the local endpoint)', function () {
  this.timeout(300_000);
  let local: LocalAccount | undefined;
  let browser: Browser | undefined;
  let out = '';
  let result: RenderPreviewResult;
  const ids: string[] = [];
  const problemsOf = (id: string) => result.problems.filter((p) => p.startsWith(`${id}: `)).map((p) => p.slice(id.length + 2));
  const html = (id: string) => readFile(join(out, `${id}.html`), 'utf8');

  before(async function () {
    const published = await publishLocally({ hostile: writeHostileLog });
    if (typeof published === 'string') {
      console.log(`      skipped: ${published}`);
      return this.skip();
    }
    local = published;
    const { quicksight, account } = local;
    const arn = await eventsDatasetArn(quicksight, account);
    const add = async (id: string, body: Parameters<typeof createDashboard>[3]) => {
      await createDashboard(quicksight, account, id, body);
      ids.push(id);
    };
    await add('truth-failed', definition(arn, [sheet('s1', [barByEventName('bar'), barByEventName('broken', 'no_such_column')])]));
    await add('truth-update-failed', definition(arn, [sheet('s1', [barByEventName('bar')])]));
    await updateDashboard(quicksight, account, 'truth-update-failed', definition(arn, [sheet('s1', [barByEventName('bar', 'not_a_column')])]));
    await add('truth-failed-source', definition(await datasetOnFailedSource(quicksight, account, arn), [sheet('s1', [barByEventName('bar')])]));
    await add('truth-types', definition(arn, [sheet('s1', [...UNDRAWN, ...PARTLY_DRAWN, barByEventName('bar')])]));
    await add('truth-counts', definition(arn, [sheet('s1', EMPTY_VALUES)]));
    await add('truth-dates', datesDefinition(arn));
    await add('truth-controls', controlsDefinition(arn));
    await add('truth-calculated', calculatedDefinition(arn));
    out = await mkdtemp(join(tmpdir(), 'trailsight-truth-'));
    result = await renderPreview({ quicksight, athena: local.athena, awsAccountId: account, dashboardIds: ids, out });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await local?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  async function open(id: string, context: Mocha.Context): Promise<WatchedPage> {
    if (!browser) {
      console.log(`      skipped: ${HOW_TO_ENABLE}`);
      context.skip();
    }
    const watched = await watchedPage(browser!);
    await watched.page.goto(pathToFileURL(join(out, `${id}.html`)).href);
    await watched.page.waitForSelector('body[data-ready="true"]');
    return watched;
  }

  async function closeClean(watched: WatchedPage): Promise<void> {
    assert.deepEqual(watched.errors, [], 'no console errors, page errors or failed requests');
    await watched.page.close();
  }

  describe('(1) failed dashboards', () => {
    it("a dashboard whose creation failed is shown failed, with QuickSight's errors (type, message, entities), and nothing drawn", async function () {
      const problems = problemsOf('truth-failed');
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.match(
        problems[0]!,
        /^the published version \(1\) is CREATION_FAILED: COLUMN_REPLACEMENT_MISSING at sheet\/s1\/visual\/broken: Required column 'no_such_column' is missing in data set 'arn:aws:quicksight:[^']+'$/,
      );
      const page = await html('truth-failed');
      assert.match(page, /<section class="version-state" data-which="published" data-status="CREATION_FAILED" role="alert">/);
      assert.ok(!page.includes('<figure'), 'no visual of a failed dashboard is drawn');
      assert.match(
        await readFile(join(out, 'index.html'), 'utf8'),
        /<li class="failed"><a href="truth-failed.html">truth-failed<\/a> <span class="status">CREATION_FAILED<\/span>/,
      );
      const watched = await open('truth-failed', this);
      const shown = await watched.page.$eval('.version-state', (el) => el.textContent ?? '');
      assert.match(shown, /published version 1 is CREATION_FAILED/);
      assert.match(shown, /COLUMN_REPLACEMENT_MISSING Required column 'no_such_column' is missing .* at sheet\/s1\/visual\/broken/);
      assert.equal(await watched.page.$$eval('canvas', (c) => c.length), 0);
      await closeClean(watched);
    });

    it('a newer version that failed to update is named with its errors above the published version, which is drawn', async function () {
      const problems = problemsOf('truth-update-failed');
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.match(
        problems[0]!,
        /^a newer version, not published, \(2\) is UPDATE_FAILED: COLUMN_REPLACEMENT_MISSING at sheet\/s1\/visual\/bar: Required column 'not_a_column'/,
      );
      const watched = await open('truth-update-failed', this);
      assert.match(
        await watched.page.$eval('.version-state[data-which="newer"]', (el) => el.textContent ?? ''),
        /Version 2 of this dashboard is UPDATE_FAILED/,
      );
      assert.equal(await watched.page.$eval('figure[data-visual-id="bar"]', (el) => (el as HTMLElement).dataset.state), 'drawn');
      await closeClean(watched);
    });

    it("a visual over a data source whose creation failed says so, with the data source's error", async function () {
      const expected = /its data source truth-broken-source is CREATION_FAILED: GENERIC_SQL_FAILURE: WorkGroup no-such-workgroup is not found\./;
      assert.ok(
        problemsOf('truth-failed-source').some((p) => expected.test(p)),
        JSON.stringify(problemsOf('truth-failed-source')),
      );
      const watched = await open('truth-failed-source', this);
      const figure = await watched.page.$eval('figure[data-visual-id="bar"]', (el) => ({
        state: (el as HTMLElement).dataset.state,
        text: el.textContent ?? '',
      }));
      assert.equal(figure.state, 'error');
      assert.match(figure.text, expected);
      await closeClean(watched);
    });
  });

  describe('(2) visuals it cannot draw', () => {
    it('a visual of a type it cannot draw is a box naming the type, in its place, and the problems say so', async function () {
      const expected = {
        combo: 'Combo chart (ComboChartVisual): the preview cannot draw this type of visual',
        insight: 'Insight (InsightVisual): the preview cannot draw this type of visual',
        sankey: 'Sankey diagram (SankeyDiagramVisual): the preview cannot draw this type of visual',
        gauge: 'Gauge chart (GaugeChartVisual): the preview cannot draw this type of visual',
        'small-multiples': 'Bar chart (BarChartVisual): the preview cannot draw small multiples (one panel per value)',
      };
      const problems = problemsOf('truth-types');
      for (const [id, text] of Object.entries(expected))
        assert.ok(problems.includes(`sheet s1, visual ${id}, ${text}`), `${id} in ${JSON.stringify(problems)}`);
      const watched = await open('truth-types', this);
      const boxes = await watched.page.$$eval('figure.visual', (fs) =>
        fs.map((f) => {
          const el = f as HTMLElement;
          return {
            id: el.dataset.visualId,
            type: el.dataset.visualType,
            state: el.dataset.state,
            text: el.querySelector('.visual-body')?.textContent ?? '',
            canvas: !!el.querySelector('canvas'),
            height: el.getBoundingClientRect().height,
          };
        }),
      );
      assert.deepEqual(
        boxes.map((b) => b.id),
        ['combo', 'insight', 'sankey', 'gauge', 'small-multiples', 'kpi-trend', 'percent', 'bar'],
        'every visual has its place, in order',
      );
      for (const [id, text] of Object.entries(expected)) {
        const box = boxes.find((b) => b.id === id)!;
        const [typeName, reason] = text.split(': ');
        assert.equal(box.state, 'unsupported');
        assert.equal(box.text, `${typeName}${reason}`, `${id} names its type and why`);
        assert.equal(box.canvas, false, `${id}: no chart is drawn in its place`);
        assert.ok(box.height > 100, `${id} is a box of its layout's size`);
      }
      assert.equal(boxes.find((b) => b.id === 'bar')!.state, 'drawn');
      await closeClean(watched);
    });

    it("what a drawn visual leaves out is said on it (a KPI's trend), and a bar chart stacked to 100% draws shares", async function () {
      assert.ok(problemsOf('truth-types').includes('sheet s1, visual kpi-trend: its comparison with the target or the trend is not drawn (the value is)'));
      const watched = await open('truth-types', this);
      const { page } = watched;
      assert.equal(
        await page.$eval('figure[data-visual-id="kpi-trend"] .visual-caveat', (el) => el.textContent),
        'Not drawn: its comparison with the target or the trend is not drawn (the value is).',
      );
      assert.equal(await page.$eval('figure[data-visual-id="kpi-trend"]', (el) => (el as HTMLElement).dataset.state), 'drawn');
      const stacks = await page.$eval('figure[data-visual-id="percent"] .visual-body', (body) => {
        const chart = (window as unknown as { echarts: typeof import('echarts') }).echarts.getInstanceByDom(body as HTMLElement)!;
        const option = chart.getOption() as { series: { stack?: string; data: (number | null)[] }[]; yAxis: { max?: number }[] };
        const totals = option.series[0]!.data.map((_, i) => option.series.reduce((sum, s) => sum + (s.data[i] ?? 0), 0));
        return { stacked: option.series.every((s) => s.stack === 'total'), totals, max: option.yAxis[0]!.max };
      });
      assert.ok(stacks.stacked);
      assert.equal(stacks.max, 1);
      assert.ok(stacks.totals.length > 0 && stacks.totals.every((t) => Math.abs(t - 1) < 1e-9), `each region's bar adds up to 100%: ${stacks.totals}`);
      await closeClean(watched);
    });
  });

  describe('(3) empty Values', () => {
    it('a chart with empty Values draws the Count of Records, as QuickSight does; a table grouped alone lists its groups', async function () {
      assert.deepEqual(problemsOf('truth-counts'), []);
      const watched = await open('truth-counts', this);
      const { page } = watched;
      const series = (id: string) =>
        page.$eval(`figure[data-visual-id="${id}"] .visual-body`, (body) => {
          const option = (window as unknown as { echarts: typeof import('echarts') }).echarts.getInstanceByDom(body as HTMLElement)!.getOption() as {
            series: { name: string; data: (number | { name: string; value: number })[] }[];
            xAxis?: { data: string[] }[];
          };
          return { names: option.series.map((s) => s.name), data: option.series[0]!.data, categories: option.xAxis?.[0]?.data ?? [] };
        });
      const records = await series('bar-records');
      const counted = await series('bar-counted');
      assert.deepEqual(records.names, ['Count of Records']);
      assert.ok(records.data.length > 3);
      assert.deepEqual(
        { categories: records.categories, data: records.data },
        { categories: counted.categories, data: counted.data },
        'the count of records of each event name is its count of event ids',
      );
      const pie = await series('pie-records');
      const slices = pie.data as { name: string; value: number }[];
      assert.deepEqual(slices.map((d) => d.name).sort(), ['Read', 'Write']);
      const total = (counted.data as number[]).reduce((a, b) => a + b, 0);
      assert.equal(
        slices.reduce((n, d) => n + d.value, 0),
        total,
        'the slices add up to every event',
      );
      const table = await page.$$eval('figure[data-visual-id="table-groups"] tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
      assert.deepEqual(table, [['access'], ['Read'], ['Write']]);
      await closeClean(watched);
    });
  });

  describe('(4) rolling dates, line types, axis scales', () => {
    interface Drawn {
      categories: string[];
      series: { name: string; type: string; stack?: string; area: boolean; data: (number | null)[] }[];
      valueAxis: { type: string; logBase?: number };
    }
    const drawn = (page: WatchedPage['page'], id: string): Promise<Drawn> =>
      page.$eval(`figure[data-visual-id="${id}"] .visual-body`, (body) => {
        const option = (window as unknown as { echarts: typeof import('echarts') }).echarts.getInstanceByDom(body as HTMLElement)!.getOption() as {
          series: { name: string; type: string; stack?: string; areaStyle?: object; data: (number | null)[] }[];
          xAxis: { data?: string[]; type: string; logBase?: number }[];
          yAxis: { data?: string[]; type: string; logBase?: number }[];
        };
        const y = option.yAxis[0]!;
        return {
          categories: option.xAxis[0]!.data ?? [],
          series: option.series.map((s) => ({
            name: s.name,
            type: s.type,
            ...(s.stack ? { stack: s.stack } : {}),
            area: s.areaStyle !== undefined,
            data: s.data,
          })),
          valueAxis: { type: y.type, ...(y.logBase === undefined ? {} : { logBase: y.logBase }) },
        };
      });

    it('a rolling-date time range shows its one day, as a stacked area on a logarithmic axis; a relative THIS DAY filter shows today', async function () {
      assert.deepEqual(problemsOf('truth-dates'), []);
      const watched = await open('truth-dates', this);
      const { page } = watched;
      const perDay = await drawn(page, 'per-day');
      assert.equal(perDay.categories.length, 3, `the sample logs span three days: ${perDay.categories}`);
      const daily = perDay.series[0]!.data as number[];

      const area = await drawn(page, 'yesterday-area');
      assert.deepEqual(area.categories, [perDay.categories[1]], 'the rolling dates keep yesterday alone');
      assert.deepEqual(area.valueAxis, { type: 'log', logBase: 10 });
      assert.deepEqual(area.series.map((s) => [s.name, s.type, s.stack, s.area]).sort(), [
        ['Read', 'line', 'total', true],
        ['Write', 'line', 'total', true],
      ]);
      assert.equal(
        area.series.reduce((n, s) => n + (s.data[0] ?? 0), 0),
        daily[1],
        "the stacked areas add up to yesterday's events",
      );

      const plain = await drawn(page, 'plain-line');
      assert.deepEqual(
        plain.series.map((s) => [s.type, s.stack, s.area]),
        [['line', undefined, true]],
        'an AREA line is an area, not stacked',
      );
      assert.deepEqual(plain.valueAxis, { type: 'value' });

      const today = await drawn(page, 'today-bar');
      const todays = (today.series[0]!.data as number[]).reduce((a, b) => a + b, 0);
      assert.equal(todays, daily[2], "THIS DAY keeps today's events");
      await closeClean(watched);
    });
  });

  describe('(5) controls', () => {
    it("a CrossSheet control is drawn as its filter's control and filters its sheet; a RelativeDateTime control re-works its range", async function () {
      assert.deepEqual(problemsOf('truth-controls'), []);
      const watched = await open('truth-controls', this);
      const { page } = watched;
      assert.equal(await page.$eval('.controls[data-sheet-id="s1"] [data-control-id="access-dropdown"] span', (el) => el.textContent), 'Access');
      await page.click('[role="tab"][data-sheet-id="s2"]');
      const controls = await page.$$eval('.controls[data-sheet-id="s2"] label.control', (ls) =>
        ls.map((l) => [(l as HTMLElement).dataset.controlId, l.querySelector('span')?.textContent]),
      );
      assert.deepEqual(
        controls,
        [
          ['access-cross', 'Access'],
          ['period', 'Period'],
        ],
        "the cross-sheet control carries its filter's title (DefaultFilterControlConfiguration)",
      );
      const options = await page.$$eval('[data-control-id="access-cross"] select option', (os) => os.map((o) => o.textContent));
      assert.deepEqual(options, ['Read', 'Write'], "a multi-select dropdown of the filter's column, as the filter's DefaultFilterControlConfiguration says");
      const sum = (id: string) =>
        page.$eval(`figure[data-visual-id="${id}"] .visual-body`, (body) => {
          const option = (window as unknown as { echarts: typeof import('echarts') }).echarts.getInstanceByDom(body as HTMLElement)!.getOption() as {
            series: { data: (number | { name: string; value: number })[] }[];
          };
          return option.series[0]!.data.map((d) => (typeof d === 'number' ? d : d.value));
        });
      const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
      const allRead = (await sum('pie-access'))[0]!;
      const everything = total(await sum('by-name'));
      assert.ok(everything > allRead, 'LAST 3 DAY keeps the three days of the sample: more than the Read events');

      await page.selectOption('[data-control-id="access-cross"] select', ['Read']);
      assert.deepEqual(await sum('pie-access'), [allRead], 'the cross-sheet control filters its sheet');
      assert.equal(total(await sum('by-name')), allRead);

      await page.selectOption('[data-control-id="period"] select.relative-type', 'THIS');
      assert.equal(await page.$eval('[data-control-id="period"] input.relative-amount', (el) => (el as HTMLElement).hidden), true);
      const perDay = await sum('per-day');
      assert.equal(perDay.length, 3);
      assert.equal(total(await sum('by-name')), perDay[2], "This day: today's Read events");
      await page.selectOption('[data-control-id="period"] select.relative-type', 'PREVIOUS');
      assert.equal(
        await page.$eval('[data-control-id="period"] input.relative-amount', (el) => (el as HTMLInputElement).value),
        '3',
        'the amount the filter set',
      );
      assert.equal(total(await sum('by-name')), perDay[0]! + perDay[1]!, 'Previous 3 days: the days before today (the sample has two)');
      await page.fill('[data-control-id="period"] input.relative-amount', '1');
      await page.dispatchEvent('[data-control-id="period"] input.relative-amount', 'change');
      assert.equal(total(await sum('by-name')), perDay[1], "Previous 1 day: yesterday's");
      await closeClean(watched);
    });
  });

  describe('(6) calculated fields', () => {
    it('fields named bare and double-quoted texts are evaluated; a function the preview cannot evaluate is said on the visual that uses it', async function () {
      assert.deepEqual(problemsOf('truth-calculated'), [
        "dataset events: calculated field reads: the preview cannot evaluate QuickSight's function countIf",
        "visual reads: the preview cannot draw this visual: the calculated field reads: the preview cannot evaluate QuickSight's function countIf",
      ]);
      const watched = await open('truth-calculated', this);
      const { page } = watched;
      const names = await page.$eval('figure[data-visual-id="upper"] .visual-body', (body) => {
        const option = (window as unknown as { echarts: typeof import('echarts') }).echarts.getInstanceByDom(body as HTMLElement)!.getOption() as {
          xAxis: { data: string[] }[];
        };
        return option.xAxis[0]!.data;
      });
      assert.ok(names.length > 3 && names.every((n) => n === n.toUpperCase()) && names.includes('STOPINSTANCES'), `upper-cased event names: ${names}`);
      const greetings = await page.$$eval('figure[data-visual-id="greetings"] tbody tr td:first-child', (tds) => tds.map((td) => td.textContent ?? ''));
      assert.ok(greetings.includes('user nicholas'), `greetings: ${greetings.slice(0, 5)}`);
      const reads = await page.$eval('figure[data-visual-id="reads"]', (el) => ({
        state: (el as HTMLElement).dataset.state,
        text: el.querySelector('.visual-message')?.textContent,
        canvas: !!el.querySelector('canvas'),
      }));
      assert.deepEqual(reads, {
        state: 'error',
        text: "the preview cannot draw this visual: the calculated field reads: the preview cannot evaluate QuickSight's function countIf",
        canvas: false,
      });
      await closeClean(watched);
    });
  });
});
