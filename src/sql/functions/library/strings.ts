/** String functions (Trino's string.md), with Trino's answers at the edges (NULLs, out of range, empty). */
import { call, scalar, template, type TrinoFunction } from '../function.ts';

const concatStrings = (args: readonly { sql: string }[]) => `(${args.map((a) => `(${a.sql})`).join(' || ')})`;

export const STRINGS: readonly TrinoFunction[] = [
  scalar('length', [
    { args: ['varchar'], returns: 'bigint', emit: template('CAST(length($1) AS BIGINT)') },
    { args: ['varbinary'], returns: 'bigint', emit: template('CAST(octet_length($1) AS BIGINT)') },
  ]),
  scalar('lower', [{ args: ['varchar'], returns: 'varchar', emit: call('lower') }]),
  scalar('upper', [{ args: ['varchar'], returns: 'varchar', emit: call('upper') }]),
  scalar('reverse', [
    { args: ['varchar'], returns: 'varchar', emit: call('reverse') },
    { args: ['array(E)'], returns: 'array(E)', emit: call('list_reverse') },
  ]),
  scalar('concat', [
    // Trino's concat is NULL when any argument is (DuckDB's skips NULLs); || does the same as Trino.
    { args: ['varchar', 'varchar'], variadic: true, returns: 'varchar', emit: concatStrings },
    { args: ['varbinary', 'varbinary'], variadic: true, returns: 'varbinary', emit: concatStrings },
    { args: ['array(E)', 'array(E)'], variadic: true, returns: 'array(E)', emit: (args) => args.map((a) => a.sql).reduce((x, y) => `list_concat(${x}, ${y})`) },
  ]),
  scalar('concat_ws', [
    {
      args: ['varchar', 'varchar'],
      variadic: true,
      returns: 'varchar',
      emit: (args) => `CASE WHEN (${args[0]!.sql}) IS NULL THEN NULL ELSE concat_ws(${args.map((a) => a.sql).join(', ')}) END`,
    },
    { args: ['varchar', 'array(varchar)'], returns: 'varchar', emit: template('CASE WHEN $1 IS NULL THEN NULL ELSE array_to_string($2, $1) END') },
  ]),
  scalar('substr', [
    { args: ['varchar', 'bigint'], returns: 'varchar', emit: template('_trino_substr2($1, $2)') },
    { args: ['varchar', 'bigint', 'bigint'], returns: 'varchar', emit: template('_trino_substr3($1, $2, $3)') },
  ]),
  scalar('substring', [
    { args: ['varchar', 'bigint'], returns: 'varchar', emit: template('_trino_substr2($1, $2)') },
    { args: ['varchar', 'bigint', 'bigint'], returns: 'varchar', emit: template('_trino_substr3($1, $2, $3)') },
  ]),
  scalar('strpos', [
    { args: ['varchar', 'varchar'], returns: 'bigint', emit: template('CAST(strpos($1, $2) AS BIGINT)') },
    { args: ['varchar', 'varchar', 'bigint'], returns: 'bigint', emit: template('_trino_strpos_instance($1, $2, $3)') },
  ]),
  scalar('starts_with', [{ args: ['varchar', 'varchar'], returns: 'boolean', emit: call('starts_with') }]),
  scalar('replace', [
    { args: ['varchar', 'varchar'], returns: 'varchar', emit: template("replace($1, $2, '')") },
    { args: ['varchar', 'varchar', 'varchar'], returns: 'varchar', emit: call('replace') },
  ]),
  scalar('split', [
    { args: ['varchar', 'varchar'], returns: 'array(varchar)', emit: template('_trino_split($1, $2)') },
    { args: ['varchar', 'varchar', 'bigint'], returns: 'array(varchar)', emit: template('_trino_split_limit($1, $2, $3)') },
  ]),
  scalar('split_part', [
    {
      args: ['varchar', 'varchar', 'bigint'],
      returns: 'varchar',
      emit: template(
        "CASE WHEN $3 < 1 THEN error('Index must be greater than zero') WHEN $3 > len(_trino_split($1, $2)) THEN NULL ELSE _trino_split($1, $2)[$3] END",
      ),
    },
  ]),
  scalar('split_to_map', [
    {
      args: ['varchar', 'varchar', 'varchar'],
      returns: 'map(varchar,varchar)',
      emit: template(
        'map_from_entries(list_transform(_trino_split($1, $2), lambda e: struct_pack(k := split_part(e, $3, 1), v := substr(e, length(split_part(e, $3, 1)) + length($3) + 1))))',
      ),
    },
  ]),
  scalar('trim', [
    { args: ['varchar'], returns: 'varchar', emit: template("trim($1, ' ')") },
    { args: ['varchar', 'varchar'], returns: 'varchar', emit: call('trim') },
  ]),
  scalar('ltrim', [
    { args: ['varchar'], returns: 'varchar', emit: template("ltrim($1, ' ')") },
    { args: ['varchar', 'varchar'], returns: 'varchar', emit: call('ltrim') },
  ]),
  scalar('rtrim', [
    { args: ['varchar'], returns: 'varchar', emit: template("rtrim($1, ' ')") },
    { args: ['varchar', 'varchar'], returns: 'varchar', emit: call('rtrim') },
  ]),
  scalar('lpad', [
    {
      args: ['varchar', 'bigint', 'varchar'],
      returns: 'varchar',
      emit: template("CASE WHEN $3 = '' AND $2 > length($1) THEN error('Padding string must not be empty') ELSE lpad($1, CAST($2 AS INTEGER), $3) END"),
    },
  ]),
  scalar('rpad', [
    {
      args: ['varchar', 'bigint', 'varchar'],
      returns: 'varchar',
      emit: template("CASE WHEN $3 = '' AND $2 > length($1) THEN error('Padding string must not be empty') ELSE rpad($1, CAST($2 AS INTEGER), $3) END"),
    },
  ]),
  scalar('chr', [{ args: ['bigint'], returns: 'varchar', emit: template('chr(CAST($1 AS INTEGER))') }]),
  scalar('codepoint', [
    {
      args: ['varchar'],
      returns: 'integer',
      emit: template("CASE WHEN length($1) <> 1 THEN error('Input string must be a single character string') ELSE unicode($1) END"),
    },
  ]),
  scalar('levenshtein_distance', [{ args: ['varchar', 'varchar'], returns: 'bigint', emit: template('CAST(levenshtein($1, $2) AS BIGINT)') }]),
  scalar('hamming_distance', [
    {
      args: ['varchar', 'varchar'],
      returns: 'bigint',
      emit: template(
        "CASE WHEN length($1) <> length($2) THEN error('The input strings to hamming_distance function must have the same length') ELSE CAST(hamming($1, $2) AS BIGINT) END",
      ),
    },
  ]),
  scalar('translate', [{ args: ['varchar', 'varchar', 'varchar'], returns: 'varchar', emit: call('translate') }]),
  scalar('to_utf8', [{ args: ['varchar'], returns: 'varbinary', emit: call('encode') }]),
  scalar('from_utf8', [{ args: ['varbinary'], returns: 'varchar', emit: call('decode') }]),
  scalar('normalize', [
    {
      args: ['varchar', 'varchar'],
      returns: 'varchar',
      emit: template("CASE WHEN $2 = 'NFC' THEN nfc_normalize($1) ELSE error('Only NFC normalization is supported by trailsight''s local engine') END"),
    },
  ]),
];
