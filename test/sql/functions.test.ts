/**
 * Athena engine 3's functions (src/sql/functions/trino-catalog.json, from Trino's documentation):
 * each is implemented with Trino's semantics or refused with FUNCTION_NOT_FOUND, and nothing is
 * offered that Trino lacks. Prints the coverage per documentation page. Then Trino's answers where
 * DuckDB's differ, most from the examples in Trino's documentation.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CloudTrailEngine, EngineQueryError } from '../../src/engine/index.ts';
import { registeredFunctions } from '../../src/sql/index.ts';

interface CatalogEntry {
  readonly name: string;
  readonly page: string;
  readonly kind: string;
}
interface Catalog {
  readonly functions: readonly CatalogEntry[];
  readonly syntax: readonly { readonly name?: string; readonly form?: string }[];
  readonly athena: { readonly listedTrinoPages: { readonly pages: readonly string[] } };
}

const CATALOG = JSON.parse(readFileSync(new URL('../../src/sql/functions/trino-catalog.json', import.meta.url), 'utf8')) as Catalog;
/** Trino's special forms the registry implements as functions (they are documented as syntax, not in a function list). */
const SYNTAX_FORMS = new Set(['if', 'coalesce', 'nullif', 'try']);

/** What CloudTrail queries use, by the list: all of it must be there. */
const MUST_HAVE = [
  'json_extract',
  'json_extract_scalar',
  'json_parse',
  'json_format',
  'json_array_length',
  'json_array_contains',
  'json_size',
  'lower',
  'upper',
  'split',
  'split_part',
  'strpos',
  'substr',
  'replace',
  'concat',
  'length',
  'trim',
  'starts_with',
  'regexp_like',
  'regexp_extract',
  'regexp_extract_all',
  'regexp_replace',
  'regexp_count',
  'regexp_split',
  'from_iso8601_timestamp',
  'to_iso8601',
  'date_parse',
  'date_format',
  'parse_datetime',
  'format_datetime',
  'date_trunc',
  'date_add',
  'date_diff',
  'from_unixtime',
  'to_unixtime',
  'current_timezone',
  'hour',
  'day_of_week',
  'at_timezone',
  'cardinality',
  'element_at',
  'contains',
  'array_join',
  'array_distinct',
  'array_sort',
  'slice',
  'sequence',
  'flatten',
  'transform',
  'filter',
  'reduce',
  'any_match',
  'all_match',
  'none_match',
  'zip_with',
  'map_filter',
  'transform_keys',
  'transform_values',
  'map',
  'map_keys',
  'map_values',
  'map_from_entries',
  'count',
  'count_if',
  'sum',
  'avg',
  'min',
  'max',
  'approx_distinct',
  'approx_percentile',
  'max_by',
  'min_by',
  'histogram',
  'map_agg',
  'array_agg',
  'arbitrary',
  'row_number',
  'rank',
  'dense_rank',
  'lag',
  'lead',
  'first_value',
  'last_value',
  'ntile',
  'url_extract_host',
  'url_extract_path',
  'url_extract_protocol',
  'url_extract_query',
  'url_extract_parameter',
  'url_decode',
  'to_utf8',
  'from_utf8',
  'to_hex',
  'from_hex',
  'to_base64',
  'from_base64',
  'md5',
  'sha256',
];

describe('sql: Athena engine 3 functions', () => {
  const registered = new Map(registeredFunctions().map((f) => [f.name, f]));
  const listed = new Set(CATALOG.athena.listedTrinoPages.pages);
  const documented = new Set(CATALOG.functions.map((f) => f.name));

  it('prints the coverage of the documented functions, page by page', () => {
    const pages = new Map<string, { names: Set<string>; implemented: Set<string> }>();
    for (const f of CATALOG.functions.filter((entry) => listed.has(entry.page))) {
      const page = pages.get(f.page) ?? { names: new Set(), implemented: new Set() };
      page.names.add(f.name);
      if (registered.has(f.name)) page.implemented.add(f.name);
      pages.set(f.page, page);
    }
    const lines = [...pages]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([page, p]) =>
          `      ${page.padEnd(13)} ${String(p.implemented.size).padStart(3)} / ${String(p.names.size).padEnd(4)} ${'#'.repeat(Math.round((20 * p.implemented.size) / p.names.size)).padEnd(20, '.')}`,
      );
    const implemented = [...pages.values()].reduce((n, p) => n + p.implemented.size, 0);
    const total = [...pages.values()].reduce((n, p) => n + p.names.size, 0);
    console.log(
      `      functions of Athena engine 3 implemented with Trino's semantics (others: FUNCTION_NOT_FOUND)\n${lines.join('\n')}\n      ${'all'.padEnd(13)} ${String(implemented).padStart(3)} / ${total}`,
    );
    assert.ok(implemented > 200);
  });

  it('implements every function CloudTrail queries use', () => {
    const missing = MUST_HAVE.filter((name) => !registered.has(name) && name !== 'at_timezone');
    assert.deepEqual(missing, []);
  });

  it("offers nothing Trino's documentation does not (but its special forms)", () => {
    const invented = [...registered.keys()].filter((name) => !documented.has(name) && !SYNTAX_FORMS.has(name));
    assert.deepEqual(invented, []);
  });

  describe('refuses the rest as Athena refuses an unknown function', function () {
    this.timeout(60000);
    let engine: CloudTrailEngine;
    before(async () => {
      engine = await CloudTrailEngine.open({ cacheDir: ':memory:' });
    });
    after(() => engine.close());

    it('FUNCTION_NOT_FOUND for each documented function not implemented', async () => {
      const refused = [...new Set(CATALOG.functions.filter((f) => listed.has(f.page) && !registered.has(f.name) && f.kind !== 'table').map((f) => f.name))];
      assert.ok(refused.length > 0);
      for (const name of refused) {
        if (name === 'at_timezone') continue;
        await assert.rejects(engine.query(`SELECT ${name}(1)`), (error: Error) => {
          assert.ok(error instanceof EngineQueryError, `${name}: ${error.message}`);
          assert.match(error.message, new RegExp(`^FUNCTION_NOT_FOUND: line 1:8: Function '${name}' not registered$`), name);
          return true;
        });
      }
    });
  });
});

/** [expression, Athena's text of the value (null for NULL), its type]. */
const SEMANTICS: readonly [string, string | null, string][] = [
  // DECIMAL literals and arithmetic, integer division.
  // Trino's DecimalOperators: precision min(38, p1 + s2 + max(s2 - s1, 0)), scale max(s1, s2), rounded half up.
  ['100.0 / 3', '33.3', 'decimal(4,1)'],
  ['2.00 / 3', '0.67', 'decimal(3,2)'],
  ['typeof(100.0)', 'decimal(4,1)', 'varchar'],
  ['1.5 * 2.25', '3.375', 'decimal(5,3)'],
  ['0.1 + 0.2', '0.3', 'decimal(2,1)'],
  ['7 / 2', '3', 'integer'],
  ['-7 / 2', '-3', 'integer'],
  ['-7 % 3', '-1', 'integer'],
  ['7.0E0 / 2', '3.5', 'double'],
  ['1E0 / 0', 'Infinity', 'double'],
  ['CAST(2.5E0 AS integer)', '3', 'integer'],
  ['CAST(2.5 AS integer)', '3', 'integer'],
  // JSON casts: the scalar's value, not its JSON text.
  [`CAST(json_extract('{"bucket":"old-bucket"}', '$.bucket') AS varchar)`, 'old-bucket', 'varchar'],
  [`json_format(json_extract('{"bucket":"old-bucket"}', '$.bucket'))`, '"old-bucket"', 'varchar'],
  [`CAST(json_extract('{"n":12}', '$.n') AS bigint)`, '12', 'bigint'],
  [`CAST(json_parse('[1,2]') AS array(integer))`, '[1, 2]', 'array(integer)'],
  [`json_extract_scalar('{"a":{"b":1}}', '$.a')`, null, 'varchar'],
  [`CAST('x' AS json)`, '"x"', 'json'],
  // Time zones: the instant stays, the zone shows and decides the fields.
  [`from_iso8601_timestamp('2024-01-01T00:00:00Z') AT TIME ZONE 'America/New_York'`, '2023-12-31 19:00:00.000 America/New_York', 'timestamp(3) with time zone'],
  [`hour(from_iso8601_timestamp('2024-01-01T00:00:00Z') AT TIME ZONE 'America/New_York')`, '19', 'bigint'],
  [`at_timezone(from_iso8601_timestamp('2024-01-01T00:00:00Z'), 'Asia/Tokyo')`, '2024-01-01 09:00:00.000 Asia/Tokyo', 'timestamp(3) with time zone'],
  [`(from_iso8601_timestamp('2024-01-01T00:00:00Z') AT TIME ZONE 'America/New_York') = from_iso8601_timestamp('2024-01-01T00:00:00Z')`, 'true', 'boolean'],
  [`date(from_iso8601_timestamp('2024-01-01T02:00:00Z') AT TIME ZONE 'America/Los_Angeles')`, '2023-12-31', 'date'],
  [`to_iso8601(from_iso8601_timestamp('2024-03-05T07:08:09.123Z'))`, '2024-03-05T07:08:09.123Z', 'varchar'],
  // Binary.
  [`md5(to_utf8('a'))`, '0c c1 75 b9 c0 f1 b6 a8 31 c3 99 e2 69 77 26 61', 'varbinary'],
  [`to_hex(md5(to_utf8('a')))`, '0CC175B9C0F1B6A831C399E269772661', 'varchar'],
  [`to_base64(to_utf8('hi'))`, 'aGk=', 'varchar'],
  [`from_utf8(from_base64('aGk='))`, 'hi', 'varchar'],
  // IPADDRESS.
  [`CAST('10.0.0.1' AS ipaddress)`, '10.0.0.1', 'ipaddress'],
  [`CAST('2001:0db8:0000:0000:0000:ff00:0042:8329' AS ipaddress)`, '2001:db8::ff00:42:8329', 'ipaddress'],
  [`contains('10.0.0.0/8', CAST('10.255.255.255' AS ipaddress))`, 'true', 'boolean'],
  [`contains('10.0.0.0/8', CAST('11.0.0.1' AS ipaddress))`, 'false', 'boolean'],
  [`contains('2001:db8::/32', IPADDRESS '2001:db8::1')`, 'true', 'boolean'],
  [`IPADDRESS '10.0.0.2' > IPADDRESS '10.0.0.10'`, 'false', 'boolean'],
  // Lambdas.
  [`transform(ARRAY[5, 6], x -> x + 1)`, '[6, 7]', 'array(integer)'],
  [`filter(ARRAY[5, -6, NULL, 7], x -> x > 0)`, '[5, 7]', 'array(integer)'],
  [`reduce(ARRAY[5, 20, 50], 0, (s, x) -> s + x, s -> s)`, '75', 'integer'],
  [`any_match(ARRAY[5, -6, 0], x -> x > 0)`, 'true', 'boolean'],
  [`all_match(ARRAY[5, -6, 0], x -> x > 0)`, 'false', 'boolean'],
  [`none_match(ARRAY[5, -6, 0], x -> x > 10)`, 'true', 'boolean'],
  [`zip_with(ARRAY[1, 3, 5], ARRAY['a', 'b', 'c'], (x, y) -> CAST(x AS varchar) || y)`, '[1a, 3b, 5c]', 'array(varchar)'],
  [`map_filter(MAP(ARRAY[10, 20, 30], ARRAY['a', NULL, 'c']), (k, v) -> v IS NOT NULL)`, '{10=a, 30=c}', 'map(integer, varchar(1))'],
  [`transform_values(MAP(ARRAY['a', 'b'], ARRAY[1, 2]), (k, v) -> v * 10)`, '{a=10, b=20}', 'map(varchar(1), integer)'],
  // Arrays and maps.
  ['element_at(ARRAY[1, 2, 3], -1)', '3', 'integer'],
  ['element_at(ARRAY[1, 2, 3], 5)', null, 'integer'],
  [`cardinality(MAP(ARRAY['a', 'b'], ARRAY[1, 2]))`, '2', 'bigint'],
  [`array_join(ARRAY['a', NULL, 'b'], ',')`, 'a,b', 'varchar'],
  [`array_join(ARRAY['a', NULL, 'b'], ',', 'n/a')`, 'a,n/a,b', 'varchar'],
  ['slice(ARRAY[1, 2, 3, 4], -2, 2)', '[3, 4]', 'array(integer)'],
  ['sequence(1, 5, 2)', '[1, 3, 5]', 'array(bigint)'],
  [`regexp_split('1a 2b 14m', '\\s*[a-z]+\\s*')`, '[1, 2, 14, ]', 'array(varchar)'],
  // Strings and URLs.
  [`split_part('a,b', ',', 5)`, null, 'varchar'],
  [`substr('Quadratically', -4, 3)`, 'all', 'varchar'],
  [`listagg(x, ',') WITHIN GROUP (ORDER BY x DESC) FROM (VALUES 'a', 'c', 'b') t(x) --`, 'c,b,a', 'varchar'],
  [`concat('a', NULL)`, null, 'varchar'],
  [`url_extract_parameter('http://example.com/path?x=1&y=2', 'y')`, '2', 'varchar'],
  [`url_extract_port('http://example.com:8080/p')`, '8080', 'bigint'],
  // Rows, as Athena writes them.
  [`CAST(ROW(1, 'x') AS ROW(id integer, name varchar))`, '{id=1, name=x}', 'row(id integer, name varchar)'],
];

/** Queries that fail on Athena, and how. */
const FAILURES: readonly [string, RegExp][] = [
  ['SELECT 1 / 0', /^DIVISION_BY_ZERO: Division by zero$/],
  ['SELECT 1.0 / 0', /^DIVISION_BY_ZERO/],
  ['SELECT 5 % 0', /^DIVISION_BY_ZERO/],
  [`SELECT CAST(json_parse('[1,2]') AS varchar)`, /Cannot cast to varchar/],
  [`SELECT ARRAY[1, 2][3]`, /^INVALID_FUNCTION_ARGUMENT: Array subscript must be less than or equal to array length: 3 > 2$/],
  [`SELECT MAP(ARRAY['a'], ARRAY[1])['b']`, /^INVALID_FUNCTION_ARGUMENT: Key not present in map: b$/],
  [`SELECT CAST('1.2.3' AS ipaddress)`, /^INVALID_CAST_ARGUMENT: Cannot cast value to IPADDRESS: 1\.2\.3$/],
  // Implicit coercions Athena refuses.
  [`SELECT '2024' = 2024`, /^TYPE_MISMATCH: line 1:8: Cannot apply operator: varchar\(4\) = integer$/],
  [`SELECT DATE '2024-01-01' = '2024-01-01'`, /^TYPE_MISMATCH: line 1:8: Cannot apply operator: date = varchar\(10\)$/],
  [`SELECT 1 + 'a'`, /^TYPE_MISMATCH: line 1:8: Cannot apply operator: integer \+ varchar\(1\)$/],
  [`SELECT lower(5)`, /^FUNCTION_NOT_FOUND: line 1:8: Unexpected parameters \(integer\) for function lower\. Expected: lower\(varchar\)$/],
  [`SELECT CASE WHEN true THEN 1 ELSE 'x' END`, /^TYPE_MISMATCH: /],
  [`SELECT length(ARRAY[1])`, /^FUNCTION_NOT_FOUND: /],
  [
    `SELECT from_iso8601_timestamp('2024-01-01T00:00:00Z') AT TIME ZONE 'Mars/Olympus'`,
    /^INVALID_FUNCTION_ARGUMENT: line 1:\d+: Time zone not supported: Mars\/Olympus$/,
  ],
  [`SELECT DATE '2024-02-30'`, /^INVALID_LITERAL: line 1:8: '2024-02-30' is not a valid date literal$/],
];

describe("sql: Trino's answers where DuckDB's differ", function () {
  this.timeout(60000);
  let engine: CloudTrailEngine;
  before(async () => {
    engine = await CloudTrailEngine.open({ cacheDir: ':memory:' });
  });
  after(() => engine.close());

  /** The value as Athena's result shows it (the endpoint's GetQueryResults uses the same text). */
  const text = async (expression: string) => {
    const { formatValue } = await import('../../src/endpoint/athena/result-format.ts');
    const result = await engine.query(`SELECT ${expression}`);
    return { value: formatValue(result.rows[0]![0], result.columns[0]!.type), type: result.columns[0]!.type };
  };

  for (const [expression, value, type] of SEMANTICS) {
    it(`${expression} is ${value ?? 'NULL'} (${type})`, async () => {
      assert.deepEqual(await text(expression), { value, type });
    });
  }

  for (const [sql, failure] of FAILURES) {
    it(`${sql} fails: ${failure.source}`, async () => {
      await assert.rejects(engine.query(sql), (error: Error) => {
        assert.match(error.message, failure);
        return true;
      });
    });
  }
});
