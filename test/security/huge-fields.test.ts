/**
 * Huge log fields (log files come from anywhere): a 48 MB userName, userAgent and
 * requestParameters in one event. publish succeeds; every value a page holds is cut in the
 * preview's SQL to 2,000 characters and a `…`, with a note in the visuals that hold one; the
 * endpoint's Athena keeps no row over Athena's 32 MB, no result over its own 64 MiB, no failure
 * message over 4,096 characters. The 200 MB record is measured in `npm run bench -- huge`.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateWorkGroupCommand, type AthenaClient } from '@aws-sdk/client-athena';
import { CreateDatabaseCommand, CreateTableCommand } from '@aws-sdk/client-glue';
import { applyCalculated } from '../../src/preview/calculated/calculated.ts';
import { CloudTrailEngine } from '../../src/engine/index.ts';
import { generateSample } from '../../src/engine/sample/generate.ts';
import type { FilterModel, VisualModel } from '../../src/preview/dashboard-model.ts';
import { cellsQuery } from '../../src/preview/query/cell-queries.ts';
import { choicesQuery } from '../../src/preview/query/choices-query.ts';
import type { ColumnKind } from '../../src/preview/query/dataset-source.ts';
import { quoteString } from '../../src/preview/query/sql-text.ts';
import { buildVisualQuery } from '../../src/preview/query/visual-query.ts';
import type { PagePayload } from '../../src/preview/shipped.ts';
import { runCli } from '../cli/run-cli.ts';
import { cloudTrailTableInput, runQuery } from '../endpoint/athena-helpers.ts';
import { clients, startTestEndpoint, stopTestEndpoint } from '../endpoint/helpers.ts';
import { HUGE_PATTERN, writeHugeLog } from './huge-log.ts';

const DASHBOARDS = fileURLToPath(new URL('../../dashboards', import.meta.url));
const MiB = 1024 * 1024;
/** The most characters of one value a page shows; a cut value is that many and a `…`. */
const SHOWN = 2000;
/**
 * The bound every page keeps here: 1 MiB. Without the record the largest page (the principal's
 * calls) is about 0.5 MB; the record adds at most 2,001 characters (12 KB escaped) each place it shows.
 */
const PAGE_BOUND = MiB;

const codePoints = (text: string) => [...text].length;
const cutForm = (whole: string) => `${[...whole].slice(0, SHOWN).join('')}…`;

describe('huge log fields', function () {
  this.timeout(300_000);

  describe('the preview cuts the text it ships in its SQL', () => {
    const long = (c: string, n: number) => c.repeat(n);
    const A = `${long('p', SHOWN)}${long('a', 1000)}`;
    const B = `${long('p', SHOWN)}${long('b', 1000)}`;
    const HUGE = `${long('<&"', 4000)}`;
    const DATASET_SQL = `SELECT * FROM (VALUES
      (${quoteString(A)}, 'ConsoleLogin', 1, true),
      (${quoteString(B)}, 'ConsoleLogin', 1, true),
      (${quoteString(HUGE)}, 'ListUsers', 1, false),
      ('nicholas', 'StopInstances', 12345678901, false),
      (${quoteString(long('n', SHOWN))}, 'GetObject', 2, false),
      (NULL, 'Decrypt', 0, false)
    ) AS t("user_name", "event_name", "bytes", "is_error")`;
    const COLUMNS = new Map<string, ColumnKind>([
      ['user_name', 'category'],
      ['event_name', 'category'],
      ['bytes', 'number'],
      ['is_error', 'category'],
    ]);
    // The queries run as Athena's SQL on the engine: parsed, analyzed and translated as every preview query is.
    let engine: CloudTrailEngine;
    const run = async (sql: string): Promise<Record<string, unknown>[]> => {
      const result = await engine.query(sql);
      return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c.name, row[i]])));
    };
    before(async () => {
      engine = await CloudTrailEngine.open({ cacheDir: ':memory:' });
    });
    after(() => engine.close());

    const visual = (overrides: Partial<VisualModel>): VisualModel => ({
      id: 'v',
      sheetId: 's',
      kind: 'bar',
      dataset: 'events',
      dimensions: [],
      measures: [],
      roles: { category: [], color: [], values: [] },
      sort: [],
      unaggregated: false,
      options: {},
      ...overrides,
    });
    const byUser: FilterModel = {
      id: 'by-user',
      dataset: 'events',
      column: 'user_name',
      columnType: 'category',
      condition: { kind: 'category', match: 'EQUALS', parameter: 'user' },
      nullOption: 'NON_NULLS_ONLY',
      scope: { all: true },
      crossDataset: false,
      interactive: true,
    };

    it('groups by the cut value: text over 2,000 characters is its first 2,000 and "…", values sharing them are counted together, distinct counts stay exact', async () => {
      const query = buildVisualQuery({
        visual: visual({
          dimensions: [{ fieldId: 'who', dataset: 'events', column: 'user_name', type: 'category', label: 'User' }],
          measures: [
            { fieldId: 'n', dataset: 'events', column: 'event_name', aggregation: 'COUNT', label: 'Calls' },
            { fieldId: 'names', dataset: 'events', column: 'event_name', aggregation: 'DISTINCT_COUNT', label: 'Events' },
            { fieldId: 'bytes', dataset: 'events', column: 'bytes', aggregation: 'MAX', label: 'Bytes' },
          ],
          roles: { category: ['who'], color: [], values: ['n', 'names', 'bytes'] },
        }),
        datasetSql: DATASET_SQL,
        datasetColumns: COLUMNS,
        filters: [],
        rowCap: 100,
      });
      const rows = (await run(query.sql)).map((r) => Object.values(r));
      const byUserName = new Map(rows.map((r) => [r[0] as string | null, r.slice(1)]));
      assert.deepEqual(byUserName.get(cutForm(A)), [2, 1, 1], 'two values with one 2,000-character beginning: one group, both rows counted');
      assert.equal(cutForm(A), cutForm(B));
      assert.deepEqual(byUserName.get(cutForm(HUGE)), [1, 1, 1]);
      assert.deepEqual(byUserName.get('nicholas'), [1, 1, 12345678901], 'short text and numbers as they are');
      assert.deepEqual(byUserName.get(long('n', SHOWN)), [1, 1, 2], 'a value of exactly 2,000 characters is whole, with no mark');
      assert.deepEqual(byUserName.get(null), [1, 1, 0]);
      assert.equal(rows.length, 5);
      for (const row of rows)
        for (const value of row) if (typeof value === 'string') assert.ok(codePoints(value) <= SHOWN + 1, `${value.length} characters shipped`);
      const users = buildVisualQuery({
        visual: visual({
          kind: 'kpi',
          measures: [{ fieldId: 'u', dataset: 'events', column: 'user_name', aggregation: 'DISTINCT_COUNT', label: 'Users' }],
          roles: { category: [], color: [], values: ['u'] },
        }),
        datasetSql: DATASET_SQL,
        datasetColumns: COLUMNS,
        filters: [],
        rowCap: 100,
      });
      assert.deepEqual(
        (await run(users.sql)).map((r) => Object.values(r)),
        [[5]],
        'the two values with one beginning are two users',
      );
      const underFilter = buildVisualQuery({
        visual: visual({
          kind: 'kpi',
          measures: [{ fieldId: 'u', dataset: 'events', column: 'user_name', aggregation: 'DISTINCT_COUNT', label: 'Users' }],
          roles: { category: [], color: [], values: ['u'] },
        }),
        datasetSql: DATASET_SQL,
        datasetColumns: COLUMNS,
        filters: [{ ...byUser, column: 'event_name' }],
        rowCap: 100,
      });
      const signatures = (await run(underFilter.distinct[0]!.sql)).map((r) => Object.values(r));
      assert.equal(
        signatures.reduce((n, row) => n + Number(row[row.length - 1]), 0),
        5,
        'under a page filter too: values told apart whole',
      );
    });

    it("cuts the min and max of text, a table of rows, the page filters' columns, their cells and a dropdown's choices the same way", async () => {
      const extreme = async (aggregation: 'MIN' | 'MAX') => {
        const query = buildVisualQuery({
          visual: visual({
            kind: 'kpi',
            measures: [{ fieldId: 'm', dataset: 'events', column: 'user_name', aggregation, label: aggregation }],
            roles: { category: [], color: [], values: ['m'] },
          }),
          datasetSql: DATASET_SQL,
          datasetColumns: COLUMNS,
          filters: [],
          rowCap: 100,
        });
        return (await run(query.sql)).map((r) => Object.values(r));
      };
      assert.deepEqual(await extreme('MAX'), [[cutForm(B)]], 'the largest whole value, cut');
      assert.deepEqual(await extreme('MIN'), [[cutForm(HUGE)]]);

      const table = buildVisualQuery({
        visual: visual({
          kind: 'table',
          unaggregated: true,
          dimensions: [
            { fieldId: 'who', dataset: 'events', column: 'user_name', type: 'category', label: 'User' },
            { fieldId: 'err', dataset: 'events', column: 'is_error', type: 'category', label: 'Error' },
          ],
        }),
        datasetSql: DATASET_SQL,
        datasetColumns: COLUMNS,
        filters: [byUser],
        rowCap: 100,
      });
      const shipped = (await run(table.sql)).map((r) => Object.values(r));
      assert.equal(shipped.length, 6, 'every row of a table, cut or not');
      assert.deepEqual(
        shipped.filter((r) => r[0] === cutForm(A)).map((r) => r[1]),
        ['true', 'true'],
        'booleans shipped as the page shows them',
      );
      assert.ok(shipped.some((r) => r[0] === cutForm(HUGE)));
      for (const row of shipped) for (const value of row) if (typeof value === 'string') assert.ok(codePoints(value) <= SHOWN + 1);
      assert.ok(table.cells, 'a table under a page filter ships its cells');
      const cells = (await run(table.cells!.sql)).map((r) => Object.values(r));
      assert.deepEqual(cells.find((r) => r[0] === cutForm(A))?.[1], 2, 'the page filter sees the values as the visual ships them');
      const direct = (await run(cellsQuery({ datasetSql: DATASET_SQL, datasetColumns: COLUMNS, filters: [byUser], where: [], rowCap: 100 }))).map((r) =>
        Object.values(r),
      );
      assert.deepEqual(direct, cells);

      const choices = (await run(choicesQuery(DATASET_SQL, 'user_name', 'category'))).map((r) => r.value);
      assert.deepEqual(choices.sort(), [long('n', SHOWN), 'nicholas', cutForm(HUGE), cutForm(A)].sort());
      assert.doesNotMatch(choicesQuery(DATASET_SQL, 'bytes', 'number'), /CAST|substr/, 'numbers are not text: never cut or cast');
      assert.ok((await run(choicesQuery(DATASET_SQL, 'bytes', 'number'))).some((r) => r.value === 12345678901));
    });

    it("cuts the text of calculated fields as it cuts the dataset's", async () => {
      const { source, problems } = applyCalculated({ arn: '', name: 'events', sql: DATASET_SQL, columns: COLUMNS, calculated: [], problems: [] }, [
        { name: 'who', expression: "concat({user_name}, '!')" },
        { name: 'who_or_nobody', expression: "ifelse(isnull({user_name}), 'nobody', {user_name})" },
        { name: 'double_bytes', expression: '{bytes} * 2' },
      ]);
      assert.deepEqual(problems, []);
      assert.deepEqual(
        ['who', 'who_or_nobody', 'double_bytes'].map((c) => source.columns.get(c)),
        ['category', 'category', 'number'],
      );
      const query = buildVisualQuery({
        visual: visual({
          kind: 'table',
          unaggregated: true,
          dimensions: [
            { fieldId: 'who', dataset: 'events', column: 'who', type: 'category', label: 'Who' },
            { fieldId: 'or', dataset: 'events', column: 'who_or_nobody', type: 'category', label: 'Or' },
            { fieldId: 'b', dataset: 'events', column: 'double_bytes', type: 'number', label: 'Bytes' },
          ],
        }),
        datasetSql: source.sql,
        datasetColumns: source.columns,
        filters: [],
        rowCap: 100,
      });
      const rows = (await run(query.sql)).map((r) => Object.values(r));
      assert.ok(rows.some((r) => r[0] === cutForm(`${HUGE}!`) && r[1] === cutForm(HUGE)));
      assert.ok(rows.some((r) => r[1] === 'nobody' && r[2] === 0));
      for (const row of rows) for (const value of row) if (typeof value === 'string') assert.ok(codePoints(value) <= SHOWN + 1);
    });
  });

  describe("the endpoint's Athena keeps what Athena keeps", () => {
    const BUCKET = 'huge-trail';
    let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;
    let athena: AthenaClient;
    before(async () => {
      endpoint = await startTestEndpoint();
      const root = join(endpoint.settings.s3Root, BUCKET);
      await generateSample({ out: root, events: 200, days: 1, endDay: '2026-11-20', seed: 5, accounts: ['111122223333'], regions: ['us-east-1'] });
      // 33 MiB of ASCII: a row over Athena's 32 MB.
      await writeHugeLog(root, {
        account: '111122223333',
        region: 'us-east-1',
        time: new Date('2026-11-20T12:00:00Z'),
        chars: 33 * MiB,
        fields: ['userAgent'],
        eventId: 'huge',
      });
      const { glue, athena: client } = clients(endpoint.url);
      athena = client;
      await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'security' } }));
      await glue.send(new CreateTableCommand(cloudTrailTableInput('security', BUCKET)));
      await athena.send(
        new CreateWorkGroupCommand({ Name: 'trailsight', Configuration: { ResultConfiguration: { OutputLocation: 's3://athena-results/huge/' } } }),
      );
    });
    after(() => stopTestEndpoint(endpoint));

    it('fails a query returning a row over 32 MB, naming the limit and the column; a part of the value comes back', async () => {
      const whole = await runQuery(athena, "SELECT eventname, useragent FROM cloudtrail_logs WHERE eventid = 'huge'");
      assert.equal(whole.execution.Status?.State, 'FAILED');
      assert.match(
        whole.execution.Status?.StateChangeReason ?? '',
        /^Row 1 of the result is 33\.0 MB \(its column useragent alone 33\.0 MB\): the size of a single row or its columns cannot exceed 32 MB in Athena\./,
      );
      assert.equal(whole.execution.Status?.AthenaError?.ErrorCategory, 2, "the query is the user's to change");
      const part = await runQuery(athena, "SELECT substr(useragent, 1, 2000) AS agent FROM cloudtrail_logs WHERE eventid = 'huge'");
      assert.equal(part.execution.Status?.State, 'SUCCEEDED', part.execution.Status?.StateChangeReason);
      assert.equal(part.rows[0]![0], HUGE_PATTERN.repeat(SHOWN).slice(0, SHOWN));
      const counted = await runQuery(athena, 'SELECT count(*), max(length(useragent)) FROM cloudtrail_logs');
      assert.deepEqual(counted.rows[0], ['201', String(33 * MiB)], 'the record is there for every query that does not return it whole');
    });

    it('fails a result over 64 MiB, and cuts a failure message quoting the value to 4,096 characters', async () => {
      const big = await runQuery(
        athena,
        "SELECT substr(useragent, 1, 30000000) AS agent FROM cloudtrail_logs CROSS JOIN UNNEST(sequence(1, 3)) AS t(i) WHERE eventid = 'huge'",
      );
      assert.equal(big.execution.Status?.State, 'FAILED');
      assert.match(
        big.execution.Status?.StateChangeReason ?? '',
        /^The result is over 64\.0 MB of text by row 3: the local endpoint keeps at most 64\.0 MB of results per query\./,
      );
      const cast = await runQuery(athena, "SELECT CAST(useragent AS bigint) FROM cloudtrail_logs WHERE eventid = 'huge'");
      assert.equal(cast.execution.Status?.State, 'FAILED');
      const reason = cast.execution.Status?.StateChangeReason ?? '';
      assert.match(reason, /^INVALID_CAST_ARGUMENT: .*Ab3<&"'x/);
      assert.match(reason, /… \(cut: the message is [\d,]+ characters\)$/);
      assert.ok(reason.length < 4200, `${reason.length} characters`);
      assert.equal(cast.execution.Status?.AthenaError?.ErrorMessage, reason);
    });
  });

  describe('publish over logs with a 48 MB userName, userAgent and requestParameters', () => {
    let dir: string;
    let events: number;
    let result: Awaited<ReturnType<typeof runCli>>;
    const pages = new Map<string, { html: string; bytes: number; payload: PagePayload }>();
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'trailsight-huge-'));
      const logs = join(dir, 'logs');
      const yesterday = new Date(Date.now() - 86_400_000);
      ({ events } = await generateSample({ out: logs, events: 2000, days: 2, seed: 3, endDay: yesterday.toISOString().slice(0, 10) }));
      const account = (await readdir(join(logs, 'AWSLogs'))).sort()[0]!;
      await writeHugeLog(logs, {
        account,
        region: 'us-east-1',
        time: new Date(`${yesterday.toISOString().slice(0, 10)}T12:00:00Z`),
        chars: 48 * MiB,
        fields: ['userName', 'userAgent', 'requestParameters'],
      });
      result = await runCli(['publish', DASHBOARDS, '--logs', logs, '--out', join(dir, 'out')], dir);
      for (const name of await readdir(join(dir, 'out')).catch(() => [])) {
        if (!name.endsWith('.html') || name === 'index.html') continue;
        const html = await readFile(join(dir, 'out', name), 'utf8');
        const data = /<script type="application\/json" id="preview-data">([^<]*)<\/script>/.exec(html);
        pages.set(name, { html, bytes: (await stat(join(dir, 'out', name))).size, payload: JSON.parse(data?.[1] ?? 'null') as PagePayload });
      }
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it('succeeds and writes the site', async () => {
      assert.equal(result.code, 0, result.stderr.slice(-2000));
      assert.match(result.stdout, /preview: .*index\.html/);
      assert.doesNotMatch(result.stderr, /\n\s+at |internal error|RangeError/);
      assert.ok((await stat(join(dir, 'out', 'index.html'))).isFile());
      assert.equal(pages.size, 6);
    });

    it(`keeps every page under ${PAGE_BOUND / MiB} MiB: each value a page holds is at most 2,000 characters and "…"`, () => {
      assert.equal(pages.size, 6);
      let cut = 0;
      for (const [name, page] of pages) {
        assert.ok(page.bytes < PAGE_BOUND, `${name}: ${page.bytes} bytes`);
        const walk = (value: unknown): void => {
          if (typeof value === 'string') {
            assert.ok(codePoints(value) <= SHOWN + 1, `${name}: a value of ${value.length} characters`);
            if (value.startsWith(HUGE_PATTERN) && codePoints(value) === SHOWN + 1) {
              assert.equal(value, cutForm(HUGE_PATTERN.repeat(SHOWN)));
              cut++;
            }
          } else if (Array.isArray(value)) value.forEach(walk);
          else if (value && typeof value === 'object') Object.values(value).forEach(walk);
        };
        walk(page.payload);
        assert.doesNotMatch(page.html, /<&"'x/, `${name}: the value's markup characters only ever escaped`);
      }
      assert.ok(cut > 0, 'the huge values are shown, cut');
    });

    it('notes the cut in each visual that holds a cut value, and only there', () => {
      const noted = (html: string) =>
        [...html.matchAll(/<figure class="visual" data-visual-id="([^"]+)"(?:(?!<\/figure>)[\s\S])*<\/figure>/g)]
          .filter((m) => m[0].includes('Values longer than 2,000 characters are shown cut'))
          .map((m) => m[1]!);
      const expected: Record<string, string[]> = {
        'identity-security-changes.html': ['failed-login-table', 'logins-by-user', 'change-log', 'changes-by-user'],
        'investigate-principal.html': ['calls-timeline', 'calls-by-event'],
        'account-activity.html': ['top-principals'],
      };
      for (const [name, page] of pages) {
        const holding = Object.entries(page.payload.data)
          .filter(([, data]) => data.cut)
          .map(([id]) => id);
        assert.deepEqual(noted(page.html).sort(), holding.sort(), `${name}: the note is in the visuals holding a cut value`);
        for (const id of expected[name] ?? []) assert.ok(holding.includes(id), `${name} ${id} holds a cut value and says so`);
      }
      const ec2 = pages.get('ec2-state-changes.html')!;
      assert.doesNotMatch(ec2.html, /shown cut/, 'the EC2 page shows none of the record');
      assert.match(pages.get('identity-security-changes.html')!.html, /values that share their first 2,000 characters are counted together/);
    });

    it("shows the normal events' data in every visual: every event counted, nicholas's investigation intact, nothing failed", () => {
      assert.doesNotMatch(result.stderr, /preview: /, 'no visual, control or dataset failed');
      for (const [name, page] of pages) {
        for (const [id, data] of Object.entries(page.payload.data)) assert.equal(data.error, undefined, `${name} ${id}`);
        assert.deepEqual(page.payload.problems, [], name);
      }
      const total = pages.get('account-activity.html')!.payload.data['total-events']!;
      const sum = total.columns.findIndex((c) => c.role === 'part' && c.part === 'sum');
      assert.equal(
        total.rows.reduce((n, row) => n + Number(row[sum]), 0),
        events + 1,
        'the sample events and the huge one',
      );
      const principal = pages.get('investigate-principal.html')!.payload;
      const users = Object.values(principal.choices)[0] ?? [];
      assert.ok(users.includes('nicholas'), 'the principal dropdown offers nicholas');
      assert.ok(
        users.some((u) => typeof u === 'string' && u.startsWith(HUGE_PATTERN) && codePoints(u) === SHOWN + 1),
        'and the huge user, cut',
      );
      const ec2 = pages.get('ec2-state-changes.html')!.payload.data['changes-table']!;
      assert.ok(
        ec2.rows.some((row) => row.includes('Stop') && row.some((v) => typeof v === 'string' && v.startsWith('nicholas'))),
        'nicholas stopping the web server',
      );
    });
  });
});
