import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCENARIO } from '../../src/engine/sample/world.ts';
import { renderPreview } from '../../src/preview/index.ts';
import type { Cell, PagePayload } from '../../src/preview/shipped.ts';
import { type LocalAccount, publishLocally } from './local-site.ts';

/**
 * dashboards/unusual-activity.yaml published on the local endpoint over sample logs, and drawn by the
 * preview (through the QuickSight and Athena APIs only): what its page ships to be drawn.
 */
describe('preview: the Unusual activity dashboard over sample logs (the burst and its Insights events)', function () {
  this.timeout(300_000);
  let local: LocalAccount | undefined;
  let out: string;
  let payload: PagePayload;

  before(async function () {
    const published = await publishLocally({ hostile: async () => {} });
    if (typeof published === 'string') {
      console.log(`      skipped: ${published}`);
      return this.skip();
    }
    local = published;
    out = await mkdtemp(join(tmpdir(), 'trailsight-unusual-'));
    const result = await renderPreview({
      quicksight: local.quicksight,
      athena: local.athena,
      awsAccountId: local.account,
      dashboardIds: ['unusual-activity'],
      out,
    });
    assert.deepEqual(result.problems, [], 'every visual, filter and control is shown');
    const html = await readFile(join(out, 'unusual-activity.html'), 'utf8');
    payload = JSON.parse(/<script type="application\/json" id="preview-data">(.*?)<\/script>/s.exec(html)![1]!) as PagePayload;
  });
  after(async () => {
    await local?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  /** A table visual's rows, as objects keyed by the dataset's column names. */
  function tableRows(visualId: string): Record<string, Cell>[] {
    const visual = payload.dashboard.sheets.flatMap((s) => s.visuals).find((v) => v.id === visualId);
    assert.ok(visual && visual.kind === 'table', `${visualId} is a table`);
    const columnOf = new Map(visual.dimensions.map((d) => [d.fieldId, d.column]));
    const data = payload.data[visualId]!;
    return data.rows.map((row) =>
      Object.fromEntries(
        data.columns.flatMap((c, i) => (c.role === 'dimension' && columnOf.has(c.fieldId) ? [[columnOf.get(c.fieldId)!, row[i] ?? null]] : [])),
      ),
    );
  }

  it('draws both sheets, every visual with data', () => {
    assert.deepEqual(
      payload.dashboard.sheets.map((s) => s.title),
      ['Insights', 'Calls around each insight'],
    );
    for (const visual of payload.dashboard.sheets.flatMap((s) => s.visuals)) {
      assert.notEqual(visual.kind, 'unsupported', visual.id);
      const data = payload.data[visual.id]!;
      assert.equal(data.error, undefined, `${visual.id}: ${data.error}`);
      assert.ok(data.rows.length > 0, `${visual.id} has rows`);
    }
    assert.deepEqual(payload.problems, []);
  });

  it('lists the two Insights events of the burst: its calls and its AccessDenied errors, against their baselines, behind them nicholas from CloudShell', () => {
    const insights = tableRows('insight-list');
    assert.deepEqual(insights.map((r) => [r.insight, r.insight_type]).sort(), [
      ['CreateAccessKey AccessDenied errors', 'ApiErrorRateInsight'],
      ['CreateAccessKey calls', 'ApiCallRateInsight'],
    ]);
    for (const row of insights) {
      assert.match(String(row.top_principal), /:user\/nicholas$/);
      assert.equal(row.top_user_agent, SCENARIO.burst.userAgent);
      assert.ok(Number(row.insight_average) > Number(row.baseline_average), `${row.insight}: above its baseline`);
      assert.ok(Number(row.duration_minutes) >= SCENARIO.burst.minutes);
      assert.ok(row.started_at && row.ended_at && String(row.started_at) < String(row.ended_at));
    }
    const calls = insights.find((r) => r.insight_type === 'ApiCallRateInsight')!;
    const errors = insights.find((r) => r.insight_type === 'ApiErrorRateInsight')!;
    assert.ok(Number(calls.baseline_average) > 0, "the administrator's key rotation before it");
    assert.ok(Number(calls.times_baseline) > 1000, `${calls.times_baseline} times the baseline`);
    assert.equal(Number(errors.baseline_average), 0, 'no CreateAccessKey was denied before');
    assert.equal(errors.times_baseline, null);
  });

  it("shows the calls around each: nicholas's 36 denied CreateAccessKey calls from CloudShell's address, during each Insights event", () => {
    const calls = tableRows('call-list');
    assert.equal(calls.length, 2 * SCENARIO.burst.minutes * SCENARIO.burst.perMinute, 'each call, around each of the two Insights events');
    for (const call of calls) {
      assert.deepEqual(
        [call.event_name, call.user_name, call.error_code, call.source_ip, call.phase],
        ['CreateAccessKey', SCENARIO.userName, 'AccessDenied', SCENARIO.burst.sourceIp, 'During'],
      );
    }
    const perMinute = payload.data['calls-per-minute']!;
    assert.ok(perMinute.rows.length >= SCENARIO.burst.minutes * 2, 'a point per minute of the burst, per Insights event');
  });
});
