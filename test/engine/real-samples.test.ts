import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CloudTrailEngine, type IngestReport } from '../../src/engine/index.ts';
import { column, scalar } from './helpers.ts';

/** Real records written by others (../shared/cloudtrail-samples, outside the repository). */
const SAMPLES = fileURLToPath(new URL('../../../shared/cloudtrail-samples/', import.meta.url));

/** Records in the JSON Lines files, counted independently of the engine (the digest file excepted). */
function countRecords(): { files: number; records: number } {
  const files = (readdirSync(SAMPLES, { recursive: true }) as string[]).filter((p) => p.endsWith('.json') && !p.includes('CloudTrail-Digest'));
  const records = files.reduce(
    (sum, p) =>
      sum +
      readFileSync(join(SAMPLES, p), 'utf8')
        .split('\n')
        .filter((line) => line.trim()).length,
    0,
  );
  return { files: files.length, records };
}

describe('engine on real public CloudTrail records (../shared/cloudtrail-samples)', () => {
  let engine: CloudTrailEngine;
  let report: IngestReport;

  before(async function () {
    if (!existsSync(SAMPLES)) {
      // The shared samples are not part of the repository; without them there is nothing to check.
      process.stderr.write(`    skipped: ${SAMPLES} is not present\n`);
      this.skip();
    }
    engine = await CloudTrailEngine.open({ cacheDir: ':memory:' });
    report = await engine.attach({ root: SAMPLES });
  });
  after(() => engine?.close());

  it('loads every record, skips the digest, counts reconcile', async () => {
    const expected = countRecords();
    assert.equal(report.filesScanned, expected.files);
    assert.deepEqual(report.badFiles, []);
    assert.equal(report.recordsFound, expected.records);
    assert.equal(report.recordsLoaded, expected.records);
    assert.equal(scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs')), expected.records);
  });

  it('maps resources[].ARN (upper case in the files) to resources[n].arn', async () => {
    const arns = column(await engine.query(`SELECT resources[2].arn FROM cloudtrail_logs WHERE cardinality(resources) = 2`));
    assert.deepEqual(arns, ['arn:aws:iam::444455556666:saml-provider/test-saml-provider']);
  });

  it('unnests resources the Trino way: row fields become columns', async () => {
    const result = await engine.query(
      `SELECT t.type, count(*) FROM cloudtrail_logs CROSS JOIN UNNEST(resources) AS t(arn, accountid, type) GROUP BY 1 ORDER BY 1`,
    );
    assert.deepEqual(result.rows, [
      ['AWS::IAM::Role', 2],
      ['AWS::IAM::SAMLProvider', 1],
    ]);
  });

  it('keeps odd values as strings, like Athena: creationDate 20131102T010628Z, readOnly false', async () => {
    const dates = column(
      await engine.query(
        `SELECT DISTINCT useridentity.sessioncontext.attributes.creationdate FROM cloudtrail_logs WHERE useridentity.sessioncontext.sessionissuer.username = 'RoleToBeAssumed'`,
      ),
    );
    assert.deepEqual(dates, ['20131102T010628Z']);
    const readOnly = column(await engine.query(`SELECT DISTINCT readonly FROM cloudtrail_logs WHERE readonly IS NOT NULL`));
    assert.deepEqual(readOnly, ['false']);
  });

  it('reads struct and JSON fields', async () => {
    const issuers = await engine.query(`SELECT eventname, useridentity.sessioncontext.sessionissuer.username, useridentity.sessioncontext.ec2roledelivery
      FROM cloudtrail_logs WHERE eventname = 'AttachUserPolicy'`);
    assert.deepEqual(issuers.rows, [['AttachUserPolicy', 'ec2-instance-role', '2.0']]);
    const policy = await engine.query(
      `SELECT json_extract_scalar(requestparameters, '$.policyArn'), responseelements FROM cloudtrail_logs WHERE eventname = 'AttachUserPolicy'`,
    );
    assert.deepEqual(policy.rows, [['arn:aws:iam::aws:policy/AdministratorAccess', null]]);
    const logins = await engine.query(`SELECT json_extract_scalar(responseelements, '$.ConsoleLogin'), count(*) FROM cloudtrail_logs
      WHERE eventname = 'ConsoleLogin' AND json_extract_scalar(additionaleventdata, '$.MFAUsed') = 'No' GROUP BY 1 ORDER BY 1`);
    assert.deepEqual(logins.rows, [
      ['Failure', 2],
      ['Success', 1],
    ]);
    const cidr =
      await engine.query(`SELECT json_extract_scalar(requestparameters, '$.ipPermissions.items[0].ipRanges.items[0].cidrIp'), tlsdetails.clientprovidedhostheader
      FROM cloudtrail_logs WHERE eventname = 'AuthorizeSecurityGroupIngress'`);
    assert.deepEqual(cidr.rows, [['203.0.113.0/24', 'ec2.us-east-1.amazonaws.com']]);
  });

  it('has no partition values outside the AWSLogs layout', async () => {
    assert.equal(
      scalar(await engine.query('SELECT count(*) FROM cloudtrail_logs WHERE account IS NOT NULL OR region IS NOT NULL OR "timestamp" IS NOT NULL')),
      0,
    );
  });
});
