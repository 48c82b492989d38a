import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { TagResourceCommand } from '@aws-sdk/client-quicksight';
import { generateSample } from '../../src/engine/sample/generate.ts';
import { renderPlanText } from '../../src/plan/index.ts';
import { terminalJson, terminalLines, terminalText } from '../../src/text/terminal.ts';
import { runCli } from '../cli/run-cli.ts';
import { ACCOUNT, Harness } from '../publish/harness.ts';

const DASHBOARDS = fileURLToPath(new URL('../../dashboards', import.meta.url));
/** Clears the screen, returns to the start of the line, reverses what follows. */
const HOSTILE = 'evil\u001b[2J\r\u202e';
const SHOWN = 'evil\\x1b[2J\\r\\u202e';
/** Any control character a terminal could act on, but the line feeds that end lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

function assertPrintable(text: string, what: string): void {
  const found = RAW_CONTROL.exec(text);
  assert.equal(
    found,
    null,
    `${what} holds a raw control character U+${found?.[0].codePointAt(0)?.toString(16).padStart(4, '0')}: ${JSON.stringify(text.slice(Math.max(0, (found?.index ?? 0) - 40), (found?.index ?? 0) + 40))}`,
  );
}

/** A CloudTrail event whose user agent, parameters and error carry the hostile text. */
function hostileEvent(account: string, time: string) {
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAHOSTILE',
      arn: `arn:aws:iam::${account}:user/mallory`,
      accountId: account,
      userName: `mallory${HOSTILE}`,
    },
    eventTime: time,
    eventSource: 'ec2.amazonaws.com',
    eventName: 'TerminateInstances',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.66',
    userAgent: `curl/8.0 ${HOSTILE}\u009b31m\u007f`,
    errorCode: `Denied${HOSTILE}`,
    requestParameters: { instancesSet: { items: [{ instanceId: `i-0${HOSTILE}` }] } },
    eventID: '66666666-7777-8888-9999-000000000000',
    readOnly: false,
    eventType: 'AwsApiCall',
    recipientAccountId: account,
  };
}

/** One good log file with hostile fields and one unreadable file, both named with the hostile text, in a day folder (`YYYY/MM/DD`). */
async function hostileLogs(root: string, day = '2026/01/02', name = HOSTILE): Promise<void> {
  const dir = join(root, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', ...day.split('/'));
  const stamp = day.replaceAll('/', '');
  await mkdir(dir, { recursive: true });
  const event = hostileEvent('111122223333', `${day.replaceAll('/', '-')}T03:04:05Z`);
  await writeFile(join(dir, `111122223333_CloudTrail_us-east-1_${stamp}T0000Z_${name}.json.gz`), gzipSync(JSON.stringify({ Records: [event] })));
  await writeFile(join(dir, `111122223333_CloudTrail_us-east-1_${stamp}T0100Z_${name}bad.json`), `{"Records": [${HOSTILE}`);
}

/** The newest `YYYY/MM/DD` under a Region folder. */
async function lastDay(regionDir: string): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < 3; i++) parts.push((await readdir(join(regionDir, ...parts))).sort().at(-1)!);
  return parts.join('/');
}

describe('security: untrusted text on the terminal', () => {
  it('terminalText shows C0, C1, DEL, ESC sequences and bidirectional controls as escapes', () => {
    assert.equal(terminalText(HOSTILE), SHOWN);
    assert.equal(terminalText('a\nb\tc\u0000d\u007fe\u009bf\u2066g\u2028'), 'a\\nb\\tc\\x00d\\x7fe\\x9bf\\u2066g\\u2028');
    assert.equal(terminalText('plain text, ünïcödé, 日本語 and emoji 🙂'), 'plain text, ünïcödé, 日本語 and emoji 🙂');
    assert.equal(terminalLines(`one ${HOSTILE}\ntwo`), `one ${SHOWN}\ntwo`);
  });

  it('terminalJson leaves the same JSON, with nothing raw a terminal acts on', () => {
    const value = { agent: `${HOSTILE}\u009b\u007f\u2069`, nested: [HOSTILE] };
    const json = terminalJson(JSON.stringify(value));
    assertPrintable(json, 'the JSON');
    assert.deepEqual(JSON.parse(json), value);
  });

  describe('CLI', function () {
    this.timeout(240_000);
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'trailsight-terminal-'));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it('trailsight query: table, CSV and JSON of hostile log fields, and the hostile file names skipped', async () => {
      const logs = join(dir, 'query-logs');
      await hostileLogs(logs);
      const sql = 'SELECT useridentity.username AS who, useragent, errorcode, requestparameters FROM cloudtrail_logs';
      for (const format of ['table', 'csv', 'json']) {
        const result = await runCli(['query', '--logs', logs, '--cache', join(dir, `cache-${format}`), '--format', format, '--sql', sql], dir);
        assert.equal(result.code, 0, result.stderr);
        // CSV ends its records with CRLF (RFC 4180): those carriage returns are the format's own.
        assertPrintable(format === 'csv' ? result.stdout.replaceAll('\r\n', '\n') : result.stdout, `query --format ${format}`);
        assertPrintable(result.stderr, `query --format ${format} (errors)`);
        if (format === 'json')
          assert.equal(
            (JSON.parse(result.stdout) as { useragent: string }[])[0]?.useragent,
            `curl/8.0 ${HOSTILE}\u009b31m\u007f`,
            'JSON keeps the exact value',
          );
        else assert.ok(result.stdout.includes(`curl/8.0 ${SHOWN}\\x9b31m\\x7f`), result.stdout);
        assert.ok(result.stderr.includes(`_${SHOWN}bad.json: `), result.stderr);
      }
    });

    it('publish: the bad-log-file report, progress and preview lines', async () => {
      const logs = join(dir, 'publish-logs');
      await generateSample({ out: logs, events: 800, days: 2, seed: 9, accounts: ['111122223333'], regions: ['us-east-1'] });
      // Beside the newest logs, where every dashboard's time window reads. Without `\r` in the names:
      // the local Athena's partition projection never reads such a file (its fields still carry one).
      await hostileLogs(logs, await lastDay(join(logs, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1')), 'evil\u001b[2J\u202e');
      const result = await runCli(['publish', DASHBOARDS, '--logs', logs, '--out', join(dir, 'out')], dir);
      assert.equal(result.code, 0, result.stderr);
      assertPrintable(result.stdout, 'publish output');
      assertPrintable(result.stderr, 'publish notes');
      assert.ok(result.stderr.includes('_evil\\x1b[2J\\u202ebad.json: invalid JSON'), result.stderr);
    });

    it('lint: a spec file name and a quoted value', async () => {
      const specs = join(dir, 'specs');
      await mkdir(specs);
      await writeFile(join(specs, `project${HOSTILE}.yaml`), 'apiVersion: trailsight/v1\nkind: Project\nid: "x\\e[2J\\r\\u202e"\nname: N\n');
      const result = await runCli(['lint', specs], dir);
      assert.equal(result.code, 1, result.stderr);
      assertPrintable(result.stdout, 'lint');
      assert.ok(result.stdout.includes(`project${SHOWN}.yaml:3:5  id: 'x\\x1b[2J\\r\\u202e' is not valid`), result.stdout);
    });

    it('error messages: a path the user gave', async () => {
      const result = await runCli(['query', '--logs', join(dir, `missing${HOSTILE}`), '--sql', 'SELECT 1'], dir);
      assert.equal(result.code, 2);
      assertPrintable(result.stderr, 'the error');
      assert.ok(result.stderr.includes(`missing${SHOWN}: no such file or folder`), result.stderr);
    });
  });

  describe('plan', function () {
    this.timeout(120_000);
    let h: Harness;
    before(async () => {
      h = await Harness.start();
    });
    after(() => h?.stop());

    it("shows a stranger's tag key and value as escapes", async () => {
      await h.publish();
      const arn = `arn:aws:quicksight:us-east-1:${ACCOUNT}:datasource/${await h.dataSourceId()}`;
      await h.clients.quicksight.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: `x${HOSTILE}\nNo changes`, Value: 'stranger' }] }));
      const text = renderPlanText(await h.plan());
      assertPrintable(text, 'the plan');
      assert.ok(text.includes(`tags: remove x${SHOWN}\\nNo changes\n`), text);
      assert.doesNotMatch(text, /^No changes/m, 'a tag cannot forge a line of the plan');
    });
  });
});
