/**
 * Arrays, maps and lambdas (Trino's array.md, map.md, lambda.md). DuckDB lists are 1-based like
 * Trino's arrays; lambdas become DuckDB lambdas with the analyzer's parameter names.
 */
import { scalar, template, call, type Emit, type EmitArg, type TrinoFunction } from '../function.ts';

/** A lambda argument applied to DuckDB expressions (its body with the parameters bound to them). */
const apply = (arg: EmitArg, ...values: string[]): string => {
  if (!arg.apply) throw new Error('a lambda argument was expected');
  return `(${arg.apply(...values)})`;
};

/** Trino's three-valued any_match: true if any is true, else NULL if any is NULL, else false. */
const anyMatch: Emit = (a) => {
  const tests = `list_transform(${a[0]!.sql}, ${a[1]!.sql})`;
  return `CASE WHEN ${a[0]!.sql} IS NULL THEN NULL WHEN list_bool_or(list_transform(${tests}, lambda b: coalesce(b, false))) THEN true WHEN list_contains(list_transform(${tests}, lambda b: b IS NULL), true) THEN NULL ELSE false END`;
};

const allMatch: Emit = (a) => {
  const tests = `list_transform(${a[0]!.sql}, ${a[1]!.sql})`;
  return `CASE WHEN ${a[0]!.sql} IS NULL THEN NULL WHEN list_bool_or(list_transform(${tests}, lambda b: b = false)) THEN false WHEN list_contains(list_transform(${tests}, lambda b: b IS NULL), true) THEN NULL ELSE true END`;
};

export const COLLECTIONS: readonly TrinoFunction[] = [
  scalar('cardinality', [
    { args: ['array(E)'], returns: 'bigint', emit: template('CAST(len($1) AS BIGINT)') },
    { args: ['map(K,V)'], returns: 'bigint', emit: template('CAST(cardinality($1) AS BIGINT)') },
  ]),
  scalar('element_at', [
    { args: ['array(E)', 'bigint'], returns: 'E', emit: template('_trino_element_at($1, $2)') },
    { args: ['map(K,V)', 'K'], returns: 'V', emit: template('$1[$2]') },
  ]),
  scalar('contains', [
    {
      args: ['array(T)', 'T'],
      returns: 'boolean',
      emit: template('CASE WHEN list_contains($1, $2) THEN true WHEN list_contains($1, NULL) THEN NULL ELSE false END'),
    },
    { args: ['varchar', 'ipaddress'], returns: 'boolean', emit: template('_trino_ip_contains($1, $2)') },
  ]),
  scalar('array_join', [
    { args: ['array(T)', 'varchar'], returns: 'varchar', emit: template('array_to_string(list_transform($1, lambda x: CAST(x AS VARCHAR)), $2)') },
    {
      args: ['array(T)', 'varchar', 'varchar'],
      returns: 'varchar',
      emit: template('array_to_string(list_transform($1, lambda x: coalesce(CAST(x AS VARCHAR), $3)), $2)'),
    },
  ]),
  scalar('array_max', [{ args: ['array(T:orderable)'], returns: 'T', emit: template('CASE WHEN list_contains($1, NULL) THEN NULL ELSE list_max($1) END') }]),
  scalar('array_min', [{ args: ['array(T:orderable)'], returns: 'T', emit: template('CASE WHEN list_contains($1, NULL) THEN NULL ELSE list_min($1) END') }]),
  scalar('array_sort', [{ args: ['array(T:orderable)'], returns: 'array(T)', emit: template("list_sort($1, 'ASC', 'NULLS LAST')") }]),
  scalar('array_distinct', [{ args: ['array(T)'], returns: 'array(T)', emit: template('list_filter($1, lambda x, i: list_position($1, x) = i)') }]),
  scalar('array_position', [{ args: ['array(T)', 'T'], returns: 'bigint', emit: template('CAST(coalesce(list_position($1, $2), 0) AS BIGINT)') }]),
  scalar('array_remove', [{ args: ['array(T)', 'T'], returns: 'array(T)', emit: template('list_filter($1, lambda x: x IS DISTINCT FROM $2)') }]),
  scalar('array_union', [
    {
      args: ['array(T)', 'array(T)'],
      returns: 'array(T)',
      emit: template('list_filter(list_concat($1, $2), lambda x, i: list_position(list_concat($1, $2), x) = i)'),
    },
  ]),
  scalar('array_intersect', [
    { args: ['array(T)', 'array(T)'], returns: 'array(T)', emit: template('list_filter($1, lambda x, i: list_position($1, x) = i AND list_contains($2, x))') },
  ]),
  scalar('array_except', [
    {
      args: ['array(T)', 'array(T)'],
      returns: 'array(T)',
      emit: template('list_filter($1, lambda x, i: list_position($1, x) = i AND NOT list_contains($2, x))'),
    },
  ]),
  scalar('arrays_overlap', [{ args: ['array(T)', 'array(T)'], returns: 'boolean', emit: call('list_has_any') }]),
  scalar('slice', [
    {
      args: ['array(E)', 'bigint', 'bigint'],
      returns: 'array(E)',
      emit: template(
        "CASE WHEN $2 = 0 THEN error('SQL array indices start at 1') WHEN $3 < 0 THEN error('Length must be greater than or equal to 0') WHEN $2 > 0 THEN list_slice($1, $2, $2 + $3 - 1) ELSE list_slice($1, len($1) + $2 + 1, len($1) + $2 + $3) END",
      ),
    },
  ]),
  scalar('sequence', [
    {
      args: ['bigint', 'bigint'],
      returns: 'array(bigint)',
      emit: template('generate_series(CAST($1 AS BIGINT), CAST($2 AS BIGINT), CASE WHEN $1 <= $2 THEN 1 ELSE -1 END)'),
    },
    {
      args: ['bigint', 'bigint', 'bigint'],
      returns: 'array(bigint)',
      emit: template('generate_series(CAST($1 AS BIGINT), CAST($2 AS BIGINT), CAST($3 AS BIGINT))'),
    },
    {
      args: ['date', 'date'],
      returns: 'array(date)',
      emit: template(
        'list_transform(generate_series(CAST($1 AS TIMESTAMP), CAST($2 AS TIMESTAMP), CASE WHEN $1 <= $2 THEN INTERVAL 1 DAY ELSE INTERVAL -1 DAY END), lambda d: CAST(d AS DATE))',
      ),
    },
    { args: ['timestamp', 'timestamp', 'interval day to second'], returns: 'array(timestamp)', emit: call('generate_series') },
  ]),
  scalar('flatten', [{ args: ['array(array(E))'], returns: 'array(E)', emit: call('flatten') }]),
  scalar('repeat', [{ args: ['T', 'bigint'], returns: 'array(T)', emit: template('list_transform(range($2), lambda x: $1)') }]),
  scalar(
    'shuffle',
    [{ args: ['array(E)'], returns: 'array(E)', emit: template('list_sort(list_transform($1, lambda x: struct_pack(r := random(), v := x))).v') }],
    { deterministic: false },
  ),
  scalar('filter', [{ args: ['array(T)', 'function(T,boolean)'], returns: 'array(T)', emit: template('list_filter($1, $2)') }]),
  scalar('transform', [{ args: ['array(T)', 'function(T,U)'], returns: 'array(U)', emit: template('list_transform($1, $2)') }]),
  scalar('reduce', [
    {
      args: ['array(T)', 'S', 'function(S,T,S)', 'function(S,R)'],
      returns: 'R',
      emit: (a) => apply(a[3]!, `list_reduce(${a[0]!.sql}, ${a[2]!.sql}, ${a[1]!.sql})`),
    },
  ]),
  scalar('any_match', [{ args: ['array(T)', 'function(T,boolean)'], returns: 'boolean', emit: anyMatch }]),
  scalar('all_match', [{ args: ['array(T)', 'function(T,boolean)'], returns: 'boolean', emit: allMatch }]),
  scalar('none_match', [{ args: ['array(T)', 'function(T,boolean)'], returns: 'boolean', emit: (a, context) => `(NOT (${anyMatch(a, context)}))` }]),
  scalar('zip_with', [
    {
      args: ['array(T)', 'array(U)', 'function(T,U,R)'],
      returns: 'array(R)',
      emit: (a) => `list_transform(list_zip(${a[0]!.sql}, ${a[1]!.sql}), lambda z: ${apply(a[2]!, 'z[1]', 'z[2]')})`,
    },
  ]),
  scalar('zip', [
    {
      args: ['array(T)', 'array(U)'],
      returns: (args) => ({ kind: 'array', element: { kind: 'row', fields: args.map((t) => ({ type: t.kind === 'array' ? t.element : t })) } }),
      emit: (a) => `list_transform(list_zip(${a[0]!.sql}, ${a[1]!.sql}), lambda z: struct_pack(field0 := z[1], field1 := z[2]))`,
    },
  ]),
  scalar('map', [
    { args: [], returns: 'map(unknown,unknown)', emit: () => 'MAP {}' },
    {
      args: ['array(K)', 'array(V)'],
      returns: 'map(K,V)',
      emit: template("CASE WHEN len($1) <> len($2) THEN error('Key and value arrays must be the same length') ELSE map($1, $2) END"),
    },
  ]),
  scalar('map_keys', [{ args: ['map(K,V)'], returns: 'array(K)', emit: call('map_keys') }]),
  scalar('map_values', [{ args: ['map(K,V)'], returns: 'array(V)', emit: call('map_values') }]),
  scalar('map_entries', [
    {
      args: ['map(K,V)'],
      returns: (args) =>
        args[0]!.kind === 'map' ? { kind: 'array', element: { kind: 'row', fields: [{ type: args[0]!.key }, { type: args[0]!.value }] } } : { kind: 'unknown' },
      emit: template('list_transform(map_entries($1), lambda e: struct_pack(field0 := e.key, field1 := e.value))'),
    },
  ]),
  scalar('map_from_entries', [
    {
      args: ['array(T)'],
      returns: (args) => {
        const entry = args[0]!.kind === 'array' ? args[0]!.element : undefined;
        return entry?.kind === 'row' && entry.fields.length === 2
          ? { kind: 'map', key: entry.fields[0]!.type, value: entry.fields[1]!.type }
          : { kind: 'unknown' };
      },
      emit: call('map_from_entries'),
    },
  ]),
  scalar('contains_sequence', [
    {
      args: ['array(T)', 'array(T)'],
      returns: 'boolean',
      emit: template('len($2) = 0 OR list_bool_or(list_transform(range(1, len($1) - len($2) + 2), lambda i: $1[i:i + len($2) - 1] = $2))'),
    },
  ]),
  scalar('trim_array', [
    {
      args: ['array(E)', 'bigint'],
      returns: 'array(E)',
      emit: template(
        "CASE WHEN $2 < 0 OR $2 > len($1) THEN error('size must not be negative or greater than the array''s length') ELSE list_slice($1, 1, len($1) - $2) END",
      ),
    },
  ]),
  scalar('map_concat', [{ args: ['map(K,V)'], variadic: true, returns: 'map(K,V)', emit: call('map_concat') }]),
  scalar('map_filter', [
    {
      args: ['map(K,V)', 'function(K,V,boolean)'],
      returns: 'map(K,V)',
      emit: (a) => `map_from_entries(list_filter(map_entries(${a[0]!.sql}), lambda e: ${apply(a[1]!, 'e.key', 'e.value')}))`,
    },
  ]),
  scalar('transform_keys', [
    {
      args: ['map(K,V)', 'function(K,V,K2)'],
      returns: 'map(K2,V)',
      emit: (a) =>
        `map_from_entries(list_transform(map_entries(${a[0]!.sql}), lambda e: struct_pack(key := ${apply(a[1]!, 'e.key', 'e.value')}, value := e.value)))`,
    },
  ]),
  scalar('transform_values', [
    {
      args: ['map(K,V)', 'function(K,V,V2)'],
      returns: 'map(K,V2)',
      emit: (a) =>
        `map_from_entries(list_transform(map_entries(${a[0]!.sql}), lambda e: struct_pack(key := e.key, value := ${apply(a[1]!, 'e.key', 'e.value')})))`,
    },
  ]),
];
