import assert from 'node:assert/strict';
import { rewriteTrinoSql } from '../../src/engine/query/rewrite.ts';
import { jodaToStrftime, mysqlToStrftime } from '../../src/engine/query/datetime-format.ts';

describe('engine: Trino SQL rewrites', () => {
  it('translates literal date_parse / parse_datetime formats', () => {
    assert.equal(rewriteTrinoSql(`SELECT date_parse(x, '%Y-%m-%d %H:%i:%s') FROM t`), `SELECT _trino_strptime(x, '%Y-%m-%d %H:%M:%S') FROM t`);
    assert.equal(rewriteTrinoSql(`SELECT PARSE_DATETIME(x, 'yyyy-MM-dd''T''HH')`), `SELECT _trino_strptime_tz(x, '%Y-%m-%dT%H')`);
    assert.equal(rewriteTrinoSql(`SELECT date_parse(x, fmt)`), `SELECT date_parse(x, fmt)`, 'a non-literal format is left alone');
  });

  it('rewrites Trino type syntax after AS', () => {
    assert.equal(rewriteTrinoSql(`CAST(x AS ARRAY(VARCHAR))`), `CAST(x AS VARCHAR[])`);
    assert.equal(rewriteTrinoSql(`CAST(x AS array(row(a varchar, "b c" map(varchar, array(bigint)))))`), `CAST(x AS STRUCT(a varchar, "b c" MAP(varchar, bigint[]))[])`);
    assert.equal(rewriteTrinoSql(`TRY_CAST(x AS varbinary)`), `TRY_CAST(x AS BLOB)`);
    assert.equal(rewriteTrinoSql(`CAST(x AS timestamp(3) with time zone)`), `CAST(x AS timestamp(3) with time zone)`);
  });

  it('never touches strings, quoted names or comments, and keeps lines', () => {
    const sql = `SELECT 'date_parse(x, ''%Y'')' AS "AS array(x)" -- AS array(int)\nFROM t /* date_parse(a, '%i') */`;
    assert.equal(rewriteTrinoSql(sql), sql);
  });

  it('translates both format languages', () => {
    assert.equal(mysqlToStrftime('%Y-%m-%d %H:%i:%s.%f %p %%'), '%Y-%m-%d %H:%M:%S.%f %p %%');
    assert.equal(mysqlToStrftime('%c/%e/%y %M %W %T'), '%-m/%-d/%y %B %A %H:%M:%S');
    assert.equal(jodaToStrftime("yyyy-MM-dd'T'HH:mm:ss.SSS"), '%Y-%m-%dT%H:%M:%S.%g');
    assert.equal(jodaToStrftime('EEE, d MMM yyyy'), '%a, %-d %b %Y');
  });
});

describe('engine: Trino UNNEST forms', () => {
  it('expands arrays of rows into columns and zips several arrays', () => {
    assert.equal(
      rewriteTrinoSql('SELECT t.arn FROM cloudtrail_logs CROSS JOIN UNNEST(resources) AS t(arn, accountid, type)'),
      'SELECT t.arn FROM cloudtrail_logs CROSS JOIN (SELECT unnest(resources, max_depth := 2)) AS t(arn, accountid, type)',
    );
    assert.equal(rewriteTrinoSql('FROM x, UNNEST(a, b) t(p, q)'), 'FROM x, (SELECT unnest(a), unnest(b)) t(p, q)');
    assert.equal(rewriteTrinoSql('FROM x CROSS JOIN UNNEST(a) AS t(v)'), 'FROM x CROSS JOIN UNNEST(a) AS t(v)');
    assert.equal(rewriteTrinoSql('FROM x CROSS JOIN UNNEST(a) WITH ORDINALITY AS t(v, n)'), 'FROM x CROSS JOIN UNNEST(a) WITH ORDINALITY AS t(v, n)');
  });
});
