import assert from 'node:assert/strict';
import { checkSql, type SqlForm } from '../../src/language/sql/check-sql.ts';

/** Valid Athena SQL over the CloudTrail table. */
const VALID: [SqlForm, string][] = [
  ['expression', 'from_iso8601_timestamp(eventtime)'],
  ['expression', 'element_at(resources, 1).arn'],
  ['expression', 'resources[1].type'],
  ['expression', "coalesce(useridentity.username, useridentity.sessioncontext.sessionissuer.username, split_part(useridentity.arn, '/', 2))"],
  ['expression', "json_extract_scalar(requestparameters, '$.instancesSet.items[0].instanceId')"],
  ['expression', "element_at(split(useridentity.arn, '/'), -1)"],
  ['expression', 'try_cast(eventtime AS timestamp)'],
  ['expression', 'transform(resources, r -> r.arn)'],
  ['expression', "CASE eventname WHEN 'StopInstances' THEN 'Stop' ELSE 'Other' END"],
  ['expression', "date_format(from_iso8601_timestamp(eventtime), '%Y-%m-%d')"],
  ['expression', "useridentity.sessioncontext.webidfederationdata.attributes['aud']"],
  ['condition', "\"timestamp\" >= date_format(current_date - interval '7' day, '%Y/%m/%d')"],
  ['condition', "timestamp >= '2026/01/01' AND account = '123456789012' AND region = 'us-east-1'"],
  ['condition', "regexp_like(eventname, '^(Create|Delete)') OR useridentity.type = 'Root'"],
  ['condition', "eventName IN ('StopInstances', 'StartInstances') -- case does not matter\n"],
  ['query', 'SELECT eventname, count(*) AS calls FROM cloudtrail_logs t WHERE t.errorcode IS NULL GROUP BY eventname ORDER BY calls DESC'],
  ['query', 'WITH x AS (SELECT eventname FROM cloudtrail_logs) SELECT eventname FROM x'],
  ['query', 'SELECT r.arn FROM cloudtrail_logs CROSS JOIN UNNEST(resources) AS t(r)'],
  ['query', 'SELECT eventname en, count(*) calls, max(eventtime) latest FROM cloudtrail_logs GROUP BY eventname'],
  ['query', 'WITH x(a, b) AS (SELECT eventname, 1 FROM cloudtrail_logs) SELECT a, b FROM x'],
];

/** Mistakes, each with the problem found (offset in the SQL, message, severity). */
const INVALID: [SqlForm, string, string][] = [
  ['expression', 'lower(eventnme)', "6 error unknown column 'eventnme' (did you mean 'eventname'?)"],
  ['expression', 'username', "0 error unknown column 'username' (did you mean 'useridentity.username'?)"],
  ['expression', 'useridentity.sesioncontext.arn', "0 error column 'useridentity' has no field 'sesioncontext' (did you mean 'useridentity.sessioncontext'?)"],
  ['expression', 'eventname.length', "0 error column 'eventname' is a string; it has no field 'length'"],
  ['expression', 'lower(eventname', "5 error '(' is never closed"],
  ['expression', 'lower(eventname))', "16 error unmatched ')'"],
  ['condition', "eventname = 'StopInstances", '12 error unterminated string literal'],
  ['condition', 'eventid IN (SELECT eventid FROM cloudtrail_logs)', '12 error a condition cannot contain a subquery (SELECT); use `sql` for a whole query'],
  [
    'query',
    'SELECT eventid FROM other_table',
    "20 error unknown table 'other_table': name the CloudTrail table cloudtrail_logs (or cloudtrail_insights, its Insights events)",
  ],
  ['query', 'DELETE FROM cloudtrail_logs', '0 error DELETE is a statement that changes data, not a query: only queries (SELECT, WITH, VALUES) run here'],
  ['query', 'SELECT eventname FROM cloudtrail_logs WHERE eventname latest', "54 error syntax error: mismatched input 'latest'. Expecting: <EOF>"],
  ['condition', "eventname = = 'x'", "12 error syntax error: mismatched input '='"],
];

describe('SQL checks against the CloudTrail table', () => {
  for (const [form, sql] of VALID) {
    it(`accepts ${form}: ${sql.trim()}`, () => {
      assert.deepEqual(checkSql(sql, form), []);
    });
  }
  for (const [form, sql, expected] of INVALID) {
    it(`refuses ${form}: ${sql}`, () => {
      assert.deepEqual(
        checkSql(sql, form).map((p) => `${p.offset} ${p.severity} ${p.message}`),
        [expected],
      );
    });
  }
});
