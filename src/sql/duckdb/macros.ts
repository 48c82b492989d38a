/**
 * DuckDB macros the emitted SQL calls for Trino semantics DuckDB lacks. They are named `_trino_*`:
 * a query can never call them itself (every call it makes goes through the function registry),
 * and the engine installs them as temporary macros before it locks its configuration.
 */

/** A UHUGEINT constant (DuckDB shifts and masks a UHUGEINT only by another). */
const u = (n: number) => `CAST(${n} AS UHUGEINT)`;

const IPV4 = `'^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$'`;

/** `:0:0:…:0:` runs from longest to shortest, for RFC 5952's `::` (the leftmost longest run of two or more). */
function compressIpv6(groups: string): string {
  let sql = `(':' || ${groups} || ':')`;
  const arms: string[] = [];
  for (let run = 8; run >= 2; run--) {
    const zeros = `:${Array(run).fill('0').join(':')}:`;
    arms.push(`WHEN strpos(${sql}, '${zeros}') > 0 THEN regexp_replace(${sql}, '${zeros}', '::')`);
  }
  sql = `CASE ${arms.join(' ')} ELSE ${sql} END`;
  // Drop the framing colons unless they are part of `::`.
  return `regexp_replace(regexp_replace(${sql}, '^:([^:])', '\\1'), '([^:]):$', '\\1')`;
}

export const DUCKDB_MACROS: readonly string[] = [
  // Arithmetic that fails, as Trino's does, where DuckDB would answer NULL.
  `_trino_integer_divide(a, b) AS CASE WHEN b = 0 THEN error('Division by zero') ELSE a // b END`,
  `_trino_integer_modulus(a, b) AS CASE WHEN b = 0 THEN error('Division by zero') ELSE a % b END`,
  `_trino_decimal_divide(a, b, s) AS CASE WHEN b = 0 THEN error('Division by zero') ELSE round(CAST(a AS DOUBLE) / CAST(b AS DOUBLE), s) END`,
  `_trino_decimal_modulus(a, b) AS CASE WHEN b = 0 THEN error('Division by zero') ELSE a % b END`,
  `_trino_double_divide(a, b) AS CASE WHEN b = 0 THEN (CASE WHEN a > 0 THEN 'Infinity' WHEN a < 0 THEN '-Infinity' ELSE 'NaN' END)::DOUBLE ELSE a / b END`,
  `_trino_double_modulus(a, b) AS CASE WHEN b = 0 THEN 'NaN'::DOUBLE ELSE fmod(a, b) END`,
  // Subscripts fail out of range in Trino (element_at answers NULL instead).
  `_trino_array_subscript(a, i) AS CASE
     WHEN i = 0 THEN error('SQL array indices start at 1')
     WHEN i < 0 THEN error('Array subscript is negative: ' || i)
     WHEN i > len(a) THEN error('Array subscript must be less than or equal to array length: ' || i || ' > ' || len(a))
     ELSE a[i] END`,
  `_trino_map_subscript(m, k) AS CASE WHEN m IS NOT NULL AND NOT map_contains(m, k) THEN error('Key not present in map: ' || k) ELSE m[k] END`,
  `_trino_element_at(a, i) AS CASE
     WHEN i = 0 THEN error('SQL array indices start at 1')
     WHEN i > 0 THEN a[i]
     WHEN -i > len(a) THEN NULL
     ELSE a[len(a) + 1 + i] END`,
  // Strings.
  `_trino_substr2(s, start) AS CASE
     WHEN start = 0 OR abs(start) > length(s) THEN ''
     ELSE substring(s, CASE WHEN start > 0 THEN start ELSE length(s) + start + 1 END) END`,
  `_trino_substr3(s, start, n) AS CASE
     WHEN n IS NULL THEN NULL
     WHEN start = 0 OR abs(start) > length(s) OR n <= 0 THEN ''
     ELSE substring(s, CASE WHEN start > 0 THEN start ELSE length(s) + start + 1 END, n) END`,
  `_trino_split(s, d) AS CASE WHEN d = '' THEN error('The delimiter may not be the empty string') ELSE string_split(s, d) END`,
  `_trino_split_limit(s, d, n) AS CASE
     WHEN n <= 0 THEN error('Limit must be positive')
     WHEN len(_trino_split(s, d)) <= n THEN _trino_split(s, d)
     ELSE list_append(_trino_split(s, d)[1:n - 1], array_to_string(_trino_split(s, d)[n:], d)) END`,
  `_trino_strpos_instance(s, sub, n) AS CASE
     WHEN n <= 0 THEN error('''instance'' must be a positive number.')
     WHEN len(_trino_split(s, sub)) <= n THEN 0
     ELSE CAST(length(array_to_string(_trino_split(s, sub)[1:n], sub)) + 1 AS BIGINT) END`,
  // JSON.
  `_trino_json_path(p) AS regexp_replace(p, '\\["((?:[^"\\\\]|\\\\.)*)"\\]', '."\\1"', 'g')`,
  `_trino_json_to_varchar(j) AS CASE json_type(j)
     WHEN 'OBJECT' THEN error('Cannot cast to varchar. Expected a json scalar value but got an object: ' || left(CAST(j AS VARCHAR), 100))
     WHEN 'ARRAY' THEN error('Cannot cast to varchar. Expected a json scalar value but got an array: ' || left(CAST(j AS VARCHAR), 100))
     WHEN 'NULL' THEN NULL
     ELSE json_extract_string(j, '$') END`,
  `_trino_json_scalar(j, p) AS CASE
     WHEN json_type(json_extract(j, _trino_json_path(p))) IN ('OBJECT', 'ARRAY', 'NULL') THEN NULL
     ELSE json_extract_string(j, _trino_json_path(p)) END`,
  // IPADDRESS: a 128-bit unsigned integer, IPv4 mapped into ::ffff:0:0/96.
  `_trino_ipv4(s) AS CASE WHEN regexp_matches(s, ${IPV4}) THEN
     (CAST(281470681743360 AS UHUGEINT)
      + CAST(split_part(s, '.', 1) AS UHUGEINT) * 16777216 + CAST(split_part(s, '.', 2) AS UHUGEINT) * 65536
      + CAST(split_part(s, '.', 3) AS UHUGEINT) * 256 + CAST(split_part(s, '.', 4) AS UHUGEINT)) END`,
  `_trino_ipv6_groups(s) AS CASE
     WHEN strpos(s, '::') > 0 THEN list_concat(list_concat(
       list_filter(string_split(split_part(s, '::', 1), ':'), lambda g: g <> ''),
       list_transform(range(8 - len(list_filter(string_split(s, ':'), lambda g: g <> ''))), lambda x: '0')),
       list_filter(string_split(split_part(s, '::', 2), ':'), lambda g: g <> ''))
     ELSE string_split(s, ':') END`,
  `_trino_ipv6(s) AS CASE
     WHEN regexp_full_match(s, '[0-9a-fA-F:]+') AND len(string_split(s, '::')) <= 2
      AND len(_trino_ipv6_groups(s)) = 8 AND list_bool_and(list_transform(_trino_ipv6_groups(s), lambda g: regexp_full_match(g, '[0-9a-fA-F]{1,4}')))
     THEN list_reduce(list_transform(_trino_ipv6_groups(s), lambda g, i: CAST(CAST(('0x' || g) AS INTEGER) AS UHUGEINT) << CAST(128 - 16 * i AS UHUGEINT)), lambda a, b: a | b) END`,
  `_trino_ip_parse(s) AS CASE WHEN s IS NULL THEN NULL
     ELSE coalesce(_trino_ipv4(trim(s)), _trino_ipv6(trim(s)), error('Cannot cast value to IPADDRESS: ' || s)) END`,
  `_trino_ip_text(x) AS CASE
     WHEN x >> ${u(32)} = ${u(65535)} THEN concat_ws('.', ${[24, 16, 8, 0].map((n) => `CAST((x >> ${u(n)}) & ${u(255)} AS VARCHAR)`).join(', ')})
     ELSE ${compressIpv6(`array_to_string(list_transform(range(8), lambda i: lower(printf('%x', CAST((x >> CAST(112 - 16 * i AS UHUGEINT)) & ${u(65535)} AS INTEGER)))), ':')`)} END`,
  `_trino_cidr_shift(cidr) AS CAST(128 - least(128, CAST(split_part(cidr, '/', 2) AS INTEGER) + CASE WHEN _trino_ipv4(split_part(cidr, '/', 1)) IS NOT NULL THEN 96 ELSE 0 END) AS UHUGEINT)`,
  /** contains(network, address): the CIDR's prefix bits equal the address's. */
  `_trino_ip_contains(cidr, x) AS CASE WHEN cidr IS NULL OR x IS NULL THEN NULL
     WHEN NOT regexp_full_match(cidr, '[^/]+/[0-9]{1,3}') THEN error('Invalid CIDR: ' || cidr)
     ELSE (
       (x >> _trino_cidr_shift(cidr)) = (_trino_ip_parse(split_part(cidr, '/', 1)) >> _trino_cidr_shift(cidr))
     ) END`,
  // Athena's text of VARBINARY: hex bytes separated by spaces.
  `_trino_varbinary_text(b) AS trim(regexp_replace(lower(hex(b)), '(..)', '\\1 ', 'g'))`,
  // Text of doubles as Java's Double.toString writes them (Trino's CAST to varchar).
  `_trino_double_text(x) AS CASE
     WHEN x IS NULL THEN NULL
     WHEN isnan(x) THEN 'NaN' WHEN x = 'Infinity'::DOUBLE THEN 'Infinity' WHEN x = '-Infinity'::DOUBLE THEN '-Infinity'
     WHEN x = 0 THEN CASE WHEN CAST(x AS VARCHAR) LIKE '-%' THEN '-0.0' ELSE '0.0' END
     WHEN abs(x) >= 0.001 AND abs(x) < 10000000 THEN CASE WHEN strpos(CAST(x AS VARCHAR), '.') > 0 OR strpos(CAST(x AS VARCHAR), 'e') > 0 THEN CAST(x AS VARCHAR) ELSE CAST(x AS VARCHAR) || '.0' END
     ELSE _trino_scientific(x) END`,
  `_trino_scientific(x) AS regexp_replace(regexp_replace(regexp_replace(printf('%.16e', x), '(\\.[0-9]*?)0*e', '\\1e'), '\\.e', '.0e'), 'e\\+?(-?)0*([0-9])', 'E\\1\\2')`,
  `_trino_interval_text(i) AS (CASE WHEN i < INTERVAL 0 SECOND THEN '-' ELSE '' END)
     || CAST(abs(datediff('day', TIMESTAMP '1970-01-01', TIMESTAMP '1970-01-01' + i)) AS VARCHAR) || ' '
     || strftime(TIMESTAMP '1970-01-01' + to_microseconds(abs(epoch_us(TIMESTAMP '1970-01-01' + i)) % 86400000000), '%H:%M:%S.%g')`,
];
