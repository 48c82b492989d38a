/**
 * Regular expressions (Trino's regexp.md; Java syntax, which RE2 shares for everything but
 * look-around and back-references, which DuckDB refuses), JSON (json.md: JSONPath `$.a[0]`,
 * `$["key"]`) and URLs (url.md).
 */
import { call, scalar, template, type EmitArg, type OverloadSpec, type TrinoFunction } from '../function.ts';

/** JSON from a json or varchar argument: text that is not JSON is NULL, as in Trino's json_extract. */
const asJson = (arg: EmitArg) => (arg.type.kind === 'json' ? arg.sql : `TRY_CAST(${arg.sql} AS JSON)`);

/** Trino writes back-references as `$1`; RE2 as `\1`. */
const replacement = (sql: string) => `regexp_replace(${sql}, '\\$(\\d)', '\\\\\\1', 'g')`;

/** Trino's JSON functions take JSON or varchar text as their first argument. */
const jsonOrText = (specs: readonly OverloadSpec[]): OverloadSpec[] =>
  specs.flatMap((spec) => (spec.args[0] === 'json' ? [spec, { ...spec, args: ['varchar', ...spec.args.slice(1)] }] : [spec]));

const URL = "'^[a-zA-Z][a-zA-Z0-9+.-]*://'";

export const REGEXP_JSON_URL: readonly TrinoFunction[] = [
  scalar('regexp_like', [{ args: ['varchar', 'varchar'], returns: 'boolean', emit: call('regexp_matches') }]),
  scalar('regexp_extract', [
    { args: ['varchar', 'varchar'], returns: 'varchar', emit: template('CASE WHEN regexp_matches($1, $2) THEN regexp_extract($1, $2) END') },
    {
      args: ['varchar', 'varchar', 'bigint'],
      returns: 'varchar',
      emit: (a) => `CASE WHEN regexp_matches(${a[0]!.sql}, ${a[1]!.sql}) THEN regexp_extract(${a[0]!.sql}, ${a[1]!.sql}, ${a[2]!.sql}) END`,
    },
  ]),
  scalar('regexp_extract_all', [
    { args: ['varchar', 'varchar'], returns: 'array(varchar)', emit: call('regexp_extract_all') },
    { args: ['varchar', 'varchar', 'bigint'], returns: 'array(varchar)', emit: call('regexp_extract_all') },
  ]),
  scalar('regexp_replace', [
    { args: ['varchar', 'varchar'], returns: 'varchar', emit: template("regexp_replace($1, $2, '', 'g')") },
    { args: ['varchar', 'varchar', 'varchar'], returns: 'varchar', emit: (a) => `regexp_replace(${a[0]!.sql}, ${a[1]!.sql}, ${replacement(a[2]!.sql)}, 'g')` },
  ]),
  scalar('regexp_count', [{ args: ['varchar', 'varchar'], returns: 'bigint', emit: template('CAST(len(regexp_extract_all($1, $2)) AS BIGINT)') }]),
  scalar('regexp_split', [{ args: ['varchar', 'varchar'], returns: 'array(varchar)', emit: call('regexp_split_to_array') }]),
  scalar('regexp_position', [
    {
      args: ['varchar', 'varchar'],
      returns: 'integer',
      emit: template('CASE WHEN regexp_matches($1, $2) THEN CAST(strpos($1, regexp_extract($1, $2)) AS INTEGER) ELSE -1 END'),
    },
  ]),

  scalar(
    'json_extract',
    jsonOrText([{ args: ['json', 'varchar'], returns: 'json', emit: (a) => `json_extract(${asJson(a[0]!)}, _trino_json_path(${a[1]!.sql}))` }]),
  ),
  scalar(
    'json_extract_scalar',
    jsonOrText([{ args: ['json', 'varchar'], returns: 'varchar', emit: (a) => `_trino_json_scalar(${asJson(a[0]!)}, ${a[1]!.sql})` }]),
  ),
  scalar('json_parse', [{ args: ['varchar'], returns: 'json', emit: call('json') }]),
  scalar('json_format', [{ args: ['json'], returns: 'varchar', emit: template('CAST(json($1) AS VARCHAR)') }]),
  scalar(
    'json_size',
    jsonOrText([
      {
        args: ['json', 'varchar'],
        returns: 'bigint',
        emit: (a) => {
          const value = `json_extract(${asJson(a[0]!)}, _trino_json_path(${a[1]!.sql}))`;
          return `CASE json_type(${value}) WHEN 'ARRAY' THEN CAST(json_array_length(${value}) AS BIGINT) WHEN 'OBJECT' THEN CAST(len(json_keys(${value})) AS BIGINT) WHEN NULL THEN NULL ELSE CAST(0 AS BIGINT) END`;
        },
      },
    ]),
  ),
  scalar(
    'json_array_length',
    jsonOrText([
      {
        args: ['json'],
        returns: 'bigint',
        emit: (a) => `CASE WHEN json_type(${asJson(a[0]!)}) = 'ARRAY' THEN CAST(json_array_length(${asJson(a[0]!)}) AS BIGINT) END`,
      },
    ]),
  ),
  scalar(
    'json_array_get',
    jsonOrText([
      {
        args: ['json', 'bigint'],
        returns: 'json',
        emit: (a) => {
          const json = asJson(a[0]!);
          return `CASE WHEN json_type(${json}) = 'ARRAY' THEN json_extract(${json}, '$[' || CASE WHEN ${a[1]!.sql} < 0 THEN json_array_length(${json}) + ${a[1]!.sql} ELSE ${a[1]!.sql} END || ']') END`;
        },
      },
    ]),
  ),
  scalar(
    'json_array_contains',
    jsonOrText([
      {
        args: ['json', 'varchar'],
        returns: 'boolean',
        emit: (a) =>
          `list_contains(list_transform(json_extract(${asJson(a[0]!)}, '$[*]'), lambda v: CASE WHEN json_type(v) = 'VARCHAR' THEN json_extract_string(v, '$') END), ${a[1]!.sql})`,
      },
      {
        args: ['json', 'bigint'],
        returns: 'boolean',
        emit: (a) =>
          `list_contains(list_transform(json_extract(${asJson(a[0]!)}, '$[*]'), lambda v: CASE WHEN json_type(v) IN ('BIGINT', 'UBIGINT') THEN CAST(v AS BIGINT) END), ${a[1]!.sql})`,
      },
      {
        args: ['json', 'double'],
        returns: 'boolean',
        emit: (a) =>
          `list_contains(list_transform(json_extract(${asJson(a[0]!)}, '$[*]'), lambda v: CASE WHEN json_type(v) IN ('DOUBLE', 'BIGINT', 'UBIGINT') THEN CAST(v AS DOUBLE) END), ${a[1]!.sql})`,
      },
      {
        args: ['json', 'boolean'],
        returns: 'boolean',
        emit: (a) =>
          `list_contains(list_transform(json_extract(${asJson(a[0]!)}, '$[*]'), lambda v: CASE WHEN json_type(v) = 'BOOLEAN' THEN CAST(v AS BOOLEAN) END), ${a[1]!.sql})`,
      },
    ]),
  ),
  scalar('is_json_scalar', jsonOrText([{ args: ['json'], returns: 'boolean', emit: (a) => `json_type(${asJson(a[0]!)}) NOT IN ('OBJECT', 'ARRAY')` }])),

  scalar('url_extract_host', [
    {
      args: ['varchar'],
      returns: 'varchar',
      emit: template(
        `CASE WHEN regexp_matches($1, ${URL}) THEN nullif(regexp_extract($1, '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^/?#@]*@)?(\\[[^\\]]*\\]|[^/?#:]*)', 1), '') END`,
      ),
    },
  ]),
  scalar('url_extract_path', [
    { args: ['varchar'], returns: 'varchar', emit: template("regexp_extract($1, '^(?:[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*)?([^?#]*)', 1)") },
  ]),
  scalar('url_extract_protocol', [
    { args: ['varchar'], returns: 'varchar', emit: template("nullif(regexp_extract($1, '^([a-zA-Z][a-zA-Z0-9+.-]*):', 1), '')") },
  ]),
  scalar('url_extract_query', [
    { args: ['varchar'], returns: 'varchar', emit: template("CASE WHEN strpos($1, '?') > 0 THEN regexp_extract($1, '\\?([^#]*)', 1) END") },
  ]),
  scalar('url_extract_fragment', [
    { args: ['varchar'], returns: 'varchar', emit: template("CASE WHEN strpos($1, '#') > 0 THEN regexp_extract($1, '#(.*)$', 1) END") },
  ]),
  scalar('url_extract_port', [
    {
      args: ['varchar'],
      returns: 'bigint',
      emit: template("TRY_CAST(nullif(regexp_extract($1, '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^/?#@]*@)?(?:\\[[^\\]]*\\]|[^/?#:]*):([0-9]+)', 1), '') AS BIGINT)"),
    },
  ]),
  scalar('url_extract_parameter', [
    {
      args: ['varchar', 'varchar'],
      returns: 'varchar',
      emit: (a) =>
        `url_decode(list_extract(list_transform(list_filter(string_split(regexp_extract(${a[0]!.sql}, '\\?([^#]*)', 1), '&'), lambda p: split_part(p, '=', 1) = ${a[1]!.sql}), lambda p: substr(p, length(split_part(p, '=', 1)) + 2)), 1))`,
    },
  ]),
  scalar('url_encode', [{ args: ['varchar'], returns: 'varchar', emit: call('url_encode') }]),
  scalar('url_decode', [{ args: ['varchar'], returns: 'varchar', emit: call('url_decode') }]),
];
