/**
 * Trino (Athena engine v3) functions that CloudTrail queries use, as DuckDB macros.
 *
 * DuckDB looks functions up in the temp schema first, so a temp macro named like a DuckDB built-in
 * shadows it for this connection: that is how `regexp_replace` or `element_at` get Trino's
 * semantics. Macros call DuckDB's own built-ins as `system.main.<name>` where names collide.
 * Functions that DuckDB already has with Trino's semantics (json_extract, date_trunc, strpos,
 * split, json_array_length, count_if, max_by, starts_with…) are not redefined.
 */
import type { Database } from '../sql/database.ts';
import { JODA_TO_STRFTIME, JODA_TOKENS, MYSQL_TO_STRFTIME } from './datetime-format.ts';

function caseMapping(token: string, mapping: Readonly<Record<string, string>>, otherwise: string): string {
  const arms = Object.entries(mapping).map(([from, to]) => `WHEN '${from}' THEN '${to}'`).join(' ');
  return `CASE ${token} ${arms} ELSE ${otherwise} END`;
}

const MACROS: string[] = [
  // Date and time formats.
  `_trino_mysql_format(f) AS array_to_string(list_transform(regexp_extract_all(f, '%.|[^%]+'),
     t -> ${caseMapping('t', MYSQL_TO_STRFTIME, "CASE WHEN t[1] = '%' THEN t[2] ELSE t END")}), '')`,
  `_trino_joda_format(f) AS array_to_string(list_transform(
     regexp_extract_all(f, '${JODA_TOKENS.replace(/'/g, "''")}'),
     t -> CASE WHEN t[1] = '''' THEN replace(t[2:-2], '%', '%%') ELSE ${caseMapping('t', JODA_TO_STRFTIME, "replace(t, '%', '%%')")} END), '')`,
  // date_parse / parse_datetime: DuckDB's strptime needs a constant format, so rewrite.ts
  // translates literal formats in the SQL text and calls these with the strptime format.
  `_trino_strptime(s, f) AS strptime(s, f)`,
  `_trino_strptime_tz(s, f) AS strptime(s, f)::TIMESTAMPTZ`,
  `date_format(ts, f) AS strftime(ts, _trino_mysql_format(f))`,
  `format_datetime(ts, f) AS strftime(ts, _trino_joda_format(f))`,
  `from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ)`,
  `from_iso8601_date(s) AS CAST(s AS DATE)`,
  `to_iso8601(x) AS CASE typeof(x)
     WHEN 'DATE' THEN strftime(x, '%Y-%m-%d')
     WHEN 'TIMESTAMP WITH TIME ZONE' THEN strftime(x::TIMESTAMPTZ, '%Y-%m-%dT%H:%M:%S.%gZ')
     ELSE strftime(x::TIMESTAMP, '%Y-%m-%dT%H:%M:%S.%g') END`,
  `from_unixtime(x) AS to_timestamp(x)`,
  `to_unixtime(ts) AS epoch(ts)`,
  `date(x) AS CAST(x AS DATE)`,
  `date_add(unit, n, ts) AS ts + CASE lower(unit)
     WHEN 'millisecond' THEN to_milliseconds(n) WHEN 'second' THEN to_seconds(n) WHEN 'minute' THEN to_minutes(n)
     WHEN 'hour' THEN to_hours(n) WHEN 'day' THEN to_days(n) WHEN 'week' THEN to_weeks(n)
     WHEN 'month' THEN to_months(n) WHEN 'quarter' THEN to_months(3 * n) WHEN 'year' THEN to_years(n) END`,
  // Trino counts whole units elapsed; DuckDB's date_diff counts boundaries crossed, its date_sub whole units.
  `date_diff(unit, a, b) AS system.main.date_sub(unit, a, b)`,
  `day_of_week(x) AS isodow(x)`,
  `dow(x) AS isodow(x)`,
  `day_of_year(x) AS dayofyear(x)`,
  `doy(x) AS dayofyear(x)`,
  `year_of_week(x) AS isoyear(x)`,
  `week_of_year(x) AS week(x)`,
  `millisecond(x) AS system.main.millisecond(x) % 1000`,
  `last_day_of_month(x) AS last_day(x)`,
  `current_timezone() AS 'UTC'`,
  // JSON.
  `_trino_json_path(p) AS system.main.regexp_replace(p, '\\["([^"]*)"\\]', '."\\1"', 'g')`,
  `json_extract_scalar(j, p) AS CASE
     WHEN json_type(json_extract(j, _trino_json_path(p))) IN ('OBJECT', 'ARRAY') THEN NULL
     ELSE json_extract_string(j, _trino_json_path(p)) END`,
  `json_parse(s) AS json(s)`,
  `json_format(j) AS CAST(j AS VARCHAR)`,
  `json_size(j, p) AS CASE json_type(json_extract(j, _trino_json_path(p)))
     WHEN 'ARRAY' THEN json_array_length(json_extract(j, _trino_json_path(p)))
     WHEN 'OBJECT' THEN len(json_keys(json_extract(j, _trino_json_path(p)))) ELSE 0 END`,
  `json_array_contains(j, v) AS list_contains(json_extract_string(j, '$[*]'), CAST(v AS VARCHAR))`,
  `json_array_get(j, i) AS json_extract(j, '$[' || i || ']')`,
  `is_json_scalar(j) AS json_type(j) NOT IN ('OBJECT', 'ARRAY')`,
  // Strings and regular expressions.
  `regexp_like(s, p) AS regexp_matches(s, p)`,
  `regexp_extract(s, p) AS CASE WHEN regexp_matches(s, p) THEN system.main.regexp_extract(s, p) END,
   (s, p, g) AS CASE WHEN regexp_matches(s, p) THEN system.main.regexp_extract(s, p, g) END`,
  // Trino replaces every match and writes back-references as $1; DuckDB wants 'g' and \\1.
  `regexp_replace(s, p) AS system.main.regexp_replace(s, p, '', 'g'),
   (s, p, r) AS system.main.regexp_replace(s, p, system.main.regexp_replace(r, '\\$(\\d)', '\\\\\\1', 'g'), 'g')`,
  `regexp_count(s, p) AS len(regexp_extract_all(s, p))`,
  `replace(s, x) AS system.main.replace(s, x, ''), (s, x, r) AS system.main.replace(s, x, r)`,
  `split_part(s, d, i) AS CASE WHEN i <= len(string_split(s, d)) THEN system.main.split_part(s, d, i) END`,
  `levenshtein_distance(a, b) AS levenshtein(a, b)`,
  `hamming_distance(a, b) AS hamming(a, b)`,
  `to_utf8(s) AS encode(s)`,
  `from_utf8(b) AS decode(b)`,
  `url_extract_host(u) AS nullif(system.main.regexp_extract(u, '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^/?#@]*@)?(\\[[^\\]]*\\]|[^/?#:]*)', 1), '')`,
  `url_extract_path(u) AS system.main.regexp_extract(u, '^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*([^?#]*)', 1)`,
  `url_extract_protocol(u) AS nullif(system.main.regexp_extract(u, '^([a-zA-Z][a-zA-Z0-9+.-]*):', 1), '')`,
  `url_extract_query(u) AS nullif(system.main.regexp_extract(u, '\\?([^#]*)', 1), '')`,
  // Arrays and maps.
  `element_at(a, i) AS a[i]`,
  `cardinality(x) AS CASE WHEN json_type(to_json(x)) = 'OBJECT' THEN len(json_keys(to_json(x)))
     ELSE json_array_length(to_json(x)) END`,
  `array_join(a, sep) AS array_to_string(a, sep)`,
  `array_max(a) AS list_max(a)`,
  `array_min(a) AS list_min(a)`,
  `array_sort(a) AS list_sort(a, 'ASC', 'NULLS LAST')`,
  `array_distinct(a) AS list_filter(a, (x, i) -> list_position(a, x) = i)`,
  `array_position(a, x) AS coalesce(list_position(a, x), 0)`,
  `slice(a, start, n) AS list_slice(a, start, start + n - 1)`,
  `sequence(a, b) AS generate_series(a, b), (a, b, step) AS generate_series(a, b, step)`,
  `map_agg(k, v) AS map(list(k), list(v))`,
  // Aggregates.
  `approx_distinct(x) AS approx_count_distinct(x), (x, e) AS approx_count_distinct(x)`,
  `approx_percentile(x, p) AS approx_quantile(x, p)`,
];

/** Installs the Trino functions on the connection (temp macros: never stored in the cache file). */
export async function installTrinoFunctions(db: Database): Promise<void> {
  // Trino divides integers as integers.
  await db.run('SET integer_division = true');
  for (const macro of MACROS) await db.run(`CREATE OR REPLACE TEMP MACRO ${macro}`);
}
