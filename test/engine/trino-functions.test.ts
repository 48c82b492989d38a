import assert from 'node:assert/strict';
import { CloudTrailEngine } from '../../src/engine/index.ts';

/** [expression, value Trino returns (as the engine renders it), Trino type name]; examples from the Trino docs where they have one. */
const EXAMPLES: [string, unknown, string][] = [
  [`json_extract_scalar('{"a":{"b":1}}', '$.a.b')`, '1', 'varchar'],
  [`json_extract_scalar('{"a":{"b":1}}', '$.a')`, null, 'varchar'],
  [`json_extract_scalar('{"a b":"x"}', '$["a b"]')`, 'x', 'varchar'],
  [`json_extract_scalar('{"items":[{"id":"i-1"}]}', '$.items[0].id')`, 'i-1', 'varchar'],
  [`json_extract('{"a":[1,2]}', '$.a')`, '[1,2]', 'json'],
  [`json_array_length('[1,2,3]')`, 3, 'bigint'],
  [`json_array_contains('[1,2,3]', 2)`, true, 'boolean'],
  [`element_at(ARRAY[1,2,3], 2)`, 2, 'integer'],
  [`element_at(ARRAY[1,2,3], -1)`, 3, 'integer'],
  [`element_at(ARRAY[1,2,3], 5)`, null, 'integer'],
  [`element_at(MAP(ARRAY['a'], ARRAY[1]), 'a')`, 1, 'integer'],
  [`element_at(MAP(ARRAY['a'], ARRAY[1]), 'b')`, null, 'integer'],
  [`cardinality(ARRAY[1,2,3])`, 3, 'bigint'],
  [`cardinality(MAP(ARRAY['a','b'], ARRAY[1,2]))`, 2, 'bigint'],
  [`split('a,b,c', ',')`, ['a', 'b', 'c'], 'array(varchar)'],
  [`split_part('a,b,c', ',', 2)`, 'b', 'varchar'],
  [`split_part('a,b', ',', 5)`, null, 'varchar'],
  [`regexp_like('1a 2b 14m', '\\d+b')`, true, 'boolean'],
  [`regexp_extract('1a 2b 14m', '\\d+')`, '1', 'varchar'],
  [`regexp_extract('1a 2b 14m', '(\\d+)([a-z]+)', 2)`, 'a', 'varchar'],
  [`regexp_extract('abc', '\\d+')`, null, 'varchar'],
  [`regexp_replace('1a 2b 14m', '\\d+[ab] ')`, '14m', 'varchar'],
  [`regexp_replace('1a 2b 14m', '(\\d+)([ab]) ', '3c$2 ')`, '3ca 3cb 14m', 'varchar'],
  [`array_join(ARRAY['a','b'], '-')`, 'a-b', 'varchar'],
  [`array_distinct(ARRAY[3,1,3,2,1])`, [3, 1, 2], 'array(integer)'],
  [`url_extract_host('https://console.aws.amazon.com/s3/home?region=us-east-1')`, 'console.aws.amazon.com', 'varchar'],
  [`from_iso8601_timestamp('2024-03-05T07:08:09Z')`, '2024-03-05 07:08:09.000 UTC', 'timestamp(3) with time zone'],
  [`to_iso8601(from_iso8601_timestamp('2024-03-05T07:08:09Z'))`, '2024-03-05T07:08:09.000Z', 'varchar'],
  [`to_iso8601(DATE '2024-03-05')`, '2024-03-05', 'varchar'],
  [`date(from_iso8601_timestamp('2024-03-05T07:08:09Z'))`, '2024-03-05', 'date'],
  [`from_unixtime(86400)`, '1970-01-02 00:00:00.000 UTC', 'timestamp(3) with time zone'],
  [`to_unixtime(from_iso8601_timestamp('1970-01-02T00:00:00Z'))`, 86400, 'double'],
  [`date_format(TIMESTAMP '2024-03-05 07:08:09', '%Y-%m-%d %H:%i:%s')`, '2024-03-05 07:08:09', 'varchar'],
  [`date_format(TIMESTAMP '2024-03-05 07:08:09', '%c/%e/%y %M %W %T')`, '3/5/24 March Tuesday 07:08:09', 'varchar'],
  [`date_parse('2024-03-05 07:08:09', '%Y-%m-%d %H:%i:%s')`, '2024-03-05 07:08:09.000', 'timestamp(3)'],
  [`date_parse('05/03/2024', '%d/%m/%Y')`, '2024-03-05 00:00:00.000', 'timestamp(3)'],
  [`format_datetime(TIMESTAMP '2024-03-05 07:08:09', 'yyyy-MM-dd''T''HH:mm')`, '2024-03-05T07:08', 'varchar'],
  [`parse_datetime('2024/03/05 07:08', 'yyyy/MM/dd HH:mm')`, '2024-03-05 07:08:00.000 UTC', 'timestamp(3) with time zone'],
  [`date_trunc('hour', TIMESTAMP '2024-03-05 07:08:09')`, '2024-03-05 07:00:00.000', 'timestamp(3)'],
  [`date_diff('day', TIMESTAMP '2024-03-01 23:00:00', TIMESTAMP '2024-03-02 01:00:00')`, 0, 'bigint'],
  [`date_diff('hour', TIMESTAMP '2024-03-01 23:00:00', TIMESTAMP '2024-03-02 01:00:00')`, 2, 'bigint'],
  [`date_add('day', 2, TIMESTAMP '2024-03-05 00:00:00')`, '2024-03-07 00:00:00.000', 'timestamp(3)'],
  [`day_of_week(DATE '2024-03-05')`, 2, 'bigint'],
  [`millisecond(TIMESTAMP '2024-03-05 07:08:09.123')`, 123, 'bigint'],
  [`7 / 2`, 3, 'integer'],
  [`CAST(json_parse('["a","b"]') AS ARRAY(VARCHAR))`, ['a', 'b'], 'array(varchar)'],
  [`CAST(json_parse('{"k":"v"}') AS MAP(VARCHAR, VARCHAR))`, { k: 'v' }, 'map(varchar, varchar)'],
  [`CAST(ROW(1, 'x') AS ROW(id INTEGER, name VARCHAR))`, { id: 1, name: 'x' }, 'row(id integer, name varchar)'],
];

const AGGREGATES: [string, unknown][] = [
  [`SELECT approx_distinct(x) FROM (VALUES (1), (2), (2)) t(x)`, 2],
  [`SELECT count_if(x > 1) FROM (VALUES (1), (2), (3)) t(x)`, 2],
  [`SELECT max_by(x, y) FROM (VALUES (1, 5), (2, 9)) t(x, y)`, 2],
  [`SELECT arbitrary(x) FROM (VALUES (7)) t(x)`, 7],
];

describe('engine: Trino functions behave as in Athena', () => {
  let engine: CloudTrailEngine;
  before(async () => {
    engine = await CloudTrailEngine.open({ cacheDir: ':memory:' });
  });
  after(() => engine?.close());

  for (const [expression, value, type] of EXAMPLES) {
    it(expression, async () => {
      const result = await engine.query(`SELECT ${expression}`);
      assert.deepEqual(result.rows, [[value]]);
      assert.equal(result.columns[0].type, type);
    });
  }
  for (const [sql, value] of AGGREGATES) {
    it(sql, async () => assert.deepEqual((await engine.query(sql)).rows, [[value]]));
  }

  it('names unaliased expressions _col<n>, as Athena does', async () => {
    const result = await engine.query(`SELECT 1, 'a' AS letter, count(*) FROM (VALUES (1)) t(x)`);
    assert.deepEqual(
      result.columns.map((c) => c.name),
      ['_col0', 'letter', '_col2'],
    );
  });
});
