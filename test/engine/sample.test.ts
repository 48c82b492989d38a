import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generateSample } from '../../src/engine/index.ts';
import { tempDir } from './helpers.ts';

function fingerprint(root: string): Map<string, string> {
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((p) => p.endsWith('.gz')).sort();
  return new Map(
    files.map((p) => [
      p,
      createHash('sha256')
        .update(readFileSync(join(root, p)))
        .digest('hex'),
    ]),
  );
}

describe('sample generator', () => {
  const a = tempDir('sample-a');
  const b = tempDir('sample-b');
  after(() => {
    a.remove();
    b.remove();
  });

  it('is deterministic for a seed and end day, and writes the S3 layout with digests', async () => {
    const options = {
      events: 3000,
      days: 2,
      seed: 11,
      endDay: '2024-02-29',
      accounts: ['123456789012', '210987654321'],
      regions: ['us-east-1', 'eu-central-1'],
    };
    const first = await generateSample({ out: a.path, ...options });
    const second = await generateSample({ out: b.path, ...options });
    assert.deepEqual(first, second);
    assert.equal(first.events, 3000);
    const prints = fingerprint(a.path);
    assert.deepEqual(prints, fingerprint(b.path));
    const keys = [...prints.keys()];
    const logs = keys.filter((k) => !k.includes('CloudTrail-Digest') && !k.includes('CloudTrail-Insight'));
    const insights = keys.filter((k) => k.includes('CloudTrail-Insight'));
    assert.equal(insights.length, first.insights.files);
    for (const key of insights) {
      assert.match(
        key,
        /^AWSLogs\/123456789012\/CloudTrail-Insight\/us-east-1\/2024\/02\/28\/123456789012_CloudTrail-Insight_us-east-1_20240228T\d{4}Z_[A-Z2-7]{16}\.json\.gz$/,
      );
    }
    assert.equal(logs.length, first.files);
    for (const key of logs) {
      assert.match(
        key,
        /^AWSLogs\/(123456789012|210987654321)\/CloudTrail\/(us-east-1|eu-central-1)\/2024\/02\/(28|29)\/\1_CloudTrail_\2_202402(28|29)T\d{4}Z_[A-Z2-7]{16}\.json\.gz$/,
      );
    }
    const digests = keys.filter((k) => k.includes('CloudTrail-Digest'));
    assert.equal(digests.length, 2 * 2 * 2);
    const records = logs.flatMap((key) => (JSON.parse(gunzipSync(readFileSync(join(a.path, key))).toString()) as { Records: { eventTime: string }[] }).Records);
    assert.equal(records.length, 3000);
    assert.ok(records.every((r) => r.eventTime >= '2024-02-28T00:00:00Z' && r.eventTime < '2024-03-01T00:00:00Z'));
  });
});
