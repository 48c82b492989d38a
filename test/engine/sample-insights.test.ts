import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CloudTrailEngine } from '../../src/engine/index.ts';
import { SCENARIO } from '../../src/engine/sample/world.ts';
import { DOCS_RECORDS } from '../fixtures/insights/docs-records.ts';
import { column, sampleLogs, scalar } from './helpers.ts';

/** Every path of a JSON value with the type found there (`insightDetails.insightContext.attributions[].insight[].average: number`). */
function paths(value: unknown, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (v: unknown, at: string) => {
    if (Array.isArray(v)) for (const item of v) visit(item, `${at}[]`);
    else if (v !== null && typeof v === 'object') for (const [key, child] of Object.entries(v)) visit(child, at ? `${at}.${key}` : key);
    else found.set(at, v === null ? 'null' : typeof v);
  };
  visit(value, prefix);
  return found;
}

const union = (records: readonly unknown[]) => new Map(records.flatMap((r) => [...paths(r)]));
/** Whether `keys` come in the order `order` has them (those it has). */
const inOrder = (keys: string[], order: string[]) => keys.every((k, i) => i === 0 || order.indexOf(keys[i - 1]!) < order.indexOf(k));

describe("sample logs: the scenario's burst and the Insights events CloudTrail would log for it", () => {
  let logs: Awaited<ReturnType<typeof sampleLogs>>;
  let engine: CloudTrailEngine;
  let records: Record<string, any>[];

  before(async () => {
    logs = await sampleLogs(5000);
    const files = (readdirSync(logs.root, { recursive: true }) as string[]).filter((p) => p.includes('CloudTrail-Insight') && p.endsWith('.json.gz')).sort();
    records = files.flatMap((f) => JSON.parse(gunzipSync(readFileSync(join(logs.root, f))).toString()).Records);
    engine = await CloudTrailEngine.open({ cacheDir: ':memory:' });
    await engine.attach({ root: logs.root });
    await engine.attach({ root: logs.root, records: 'insights' });
  });
  after(async () => {
    await engine?.close();
    logs?.remove();
  });

  it('nicholas calls CreateAccessKey 36 times in three minutes from CloudShell, every call denied', async () => {
    const burst = await engine.query(
      `SELECT count(*), count(DISTINCT sourceipaddress), min(useragent), count_if(errorcode = 'AccessDenied'), date_diff('second', min(from_iso8601_timestamp(eventtime)), max(from_iso8601_timestamp(eventtime)))
       FROM cloudtrail_logs WHERE eventname = 'CreateAccessKey' AND useridentity.username = 'nicholas'`,
    );
    const [calls, addresses, agent, denied, seconds] = burst.rows[0] as [number, number, string, number, number];
    assert.equal(calls, 36);
    assert.equal(addresses, 1);
    assert.match(agent, /exec-env\/CloudShell .*command\/iam\.create-access-key$/);
    assert.equal(denied, 36);
    assert.ok(seconds < 180, `${seconds} s`);
  });

  it('emits a Start and an End event of an ApiCallRateInsight and of an ApiErrorRateInsight (AccessDenied) on it, around the burst', async () => {
    const pairs = await engine.query(
      `SELECT insightdetails.insighttype, insightdetails.errorcode, count(*), count(DISTINCT sharedeventid),
              array_join(array_agg(insightdetails.state ORDER BY eventtime), ','), min(eventtime), max(eventtime), min(account), min(region)
       FROM cloudtrail_insights WHERE insightdetails.eventsource = 'iam.amazonaws.com' AND insightdetails.eventname = 'CreateAccessKey'
       GROUP BY 1, 2 ORDER BY 1`,
    );
    const [first, last] = (
      await engine.query(
        `SELECT min(eventtime), max(eventtime) FROM cloudtrail_logs WHERE eventname = 'CreateAccessKey' AND useridentity.username = 'nicholas'`,
      )
    ).rows[0] as [string, string];
    const minute = (iso: string, plus = 0) => new Date(Math.floor(Date.parse(iso) / 60_000) * 60_000 + plus * 60_000).toISOString().replace('.000Z', 'Z');
    const around = [minute(first), minute(last, 1)];
    assert.deepEqual(pairs.rows, [
      ['ApiCallRateInsight', null, 2, 1, 'Start,End', ...around, '111122223333', 'us-east-1'],
      ['ApiErrorRateInsight', 'AccessDenied', 2, 1, 'Start,End', ...around, '111122223333', 'us-east-1'],
    ]);
    assert.equal(scalar(await engine.query('SELECT count(*) FROM cloudtrail_insights')), 4, 'no other Insights events');
    assert.equal(scalar(await engine.query(`SELECT count(*) FROM cloudtrail_logs WHERE eventtype = 'AwsCloudTrailInsight'`)), 0);
  });

  it('the statistics are the calls in the logs, per minute: the burst against the baseline before it', async () => {
    const stats = await engine.query(
      `SELECT insightdetails.state, insightdetails.insightcontext.statistics.insight.average, insightdetails.insightcontext.statistics.insightduration,
              insightdetails.insightcontext.statistics.baseline.average, insightdetails.insightcontext.statistics.baselineduration, eventtime
       FROM cloudtrail_insights WHERE insightdetails.insighttype = 'ApiCallRateInsight' ORDER BY eventtime`,
    );
    const [[, startRate, startMinutes, baseline, baselineMinutes, startAt], [, endRate, minutes, , , endAt]] = stats.rows as [
      string,
      number,
      number,
      number,
      number,
      string,
    ][];
    const calls = async (from: string, to: string) =>
      Number(
        scalar(
          await engine.query(
            `SELECT count(*) FROM cloudtrail_logs WHERE eventname = 'CreateAccessKey' AND account = '111122223333' AND awsregion = 'us-east-1'
               AND eventtime >= '${from}' AND eventtime < '${to}'`,
          ),
        ),
      );
    assert.equal(startMinutes, 1);
    assert.equal(startRate, await calls(startAt, new Date(Date.parse(startAt) + 60_000).toISOString().replace('.000Z', 'Z')));
    assert.equal(minutes, (Date.parse(endAt) - Date.parse(startAt)) / 60_000);
    assert.equal(endRate, Number(((await calls(startAt, endAt)) / minutes).toPrecision(10)));
    const firstDay = '2024-11-14T00:00:00Z';
    assert.equal(baselineMinutes, (Date.parse(startAt) - Date.parse(firstDay)) / 60_000, 'the logs before the burst (fewer than seven days)');
    const before = await calls(firstDay, startAt);
    assert.equal(before, 1, "the administrator's rotation of the CI's key on the first day");
    assert.equal(baseline, Number((before / baselineMinutes).toPrecision(10)));
  });

  it('attributes the burst to nicholas and CloudShell, the baseline to the administrator', async () => {
    const attributions = await engine.query(
      `SELECT a.attribute, a.insight[1].value, element_at(a.baseline, 1).value
       FROM cloudtrail_insights CROSS JOIN UNNEST(insightdetails.insightcontext.attributions) AS t(a)
       WHERE insightdetails.state = 'End' AND insightdetails.insighttype = 'ApiCallRateInsight' ORDER BY 1`,
    );
    assert.deepEqual(attributions.rows, [
      ['errorCode', 'AccessDenied', 'null'],
      [
        'userAgent',
        SCENARIO.burst.userAgent,
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
      ],
      ['userIdentityArn', 'arn:aws:iam::111122223333:user/nicholas', 'arn:aws:iam::111122223333:user/admin'],
    ]);
    const errors = await engine.query(
      `SELECT insightdetails.insightcontext.statistics.baseline.average, cardinality(insightdetails.insightcontext.attributions),
              cardinality(insightdetails.insightcontext.attributions[1].baseline)
       FROM cloudtrail_insights WHERE insightdetails.insighttype = 'ApiErrorRateInsight'`,
    );
    assert.deepEqual(errors.rows, [
      [0, 2, 0],
      [0, 2, 0],
    ]);
    assert.deepEqual(column(await engine.query(`SELECT DISTINCT sourceipaddress FROM cloudtrail_logs WHERE useragent = '${SCENARIO.burst.userAgent}'`)), [
      SCENARIO.burst.sourceIp,
    ]);
  });

  it("has the shape of AWS's documented Insights records: the same fields with the same JSON types, in their order", () => {
    assert.equal(records.length, 4);
    assert.deepEqual(
      [...union(records)].sort(),
      [...union(DOCS_RECORDS)].sort(),
      'every field path and its type, across the records (docs: test/fixtures/insights/README.md)',
    );
    const order = Object.keys(DOCS_RECORDS[1]!);
    const detailsOrder = Object.keys(DOCS_RECORDS[1]!.insightDetails as object);
    for (const record of records) {
      assert.deepEqual(Object.keys(record), order);
      assert.ok(inOrder(Object.keys(record.insightDetails), detailsOrder), Object.keys(record.insightDetails).join(', '));
      assert.equal(record.eventType, 'AwsCloudTrailInsight');
      assert.equal(record.eventCategory, 'Insight');
      assert.match(record.eventTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/, 'on the minute, as documented');
    }
  });
});
