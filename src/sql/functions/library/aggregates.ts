/**
 * Aggregate functions (Trino's aggregate.md) and window functions (window.md). Every aggregate is
 * also a window function with OVER. Where Trino's answer is an estimate (approx_distinct,
 * approx_percentile), the exact answer is given: it is within every error bound Trino states.
 */
import { decimal, type SqlType } from '../../types/sql-type.ts';
import { duckdbType } from '../../duckdb/duckdb-type.ts';
import { aggregate, aggregateCall, windowFunction, type Emit, type EmitArg, type EmitContext, type TrinoFunction } from '../function.ts';

const cast =
  (inner: Emit): Emit =>
  (args, context) =>
    `CAST(${inner(args, context)} AS ${duckdbType(context.result)})`;

const sumType = (args: readonly SqlType[]): SqlType => {
  const t = args[0]!;
  if (t.kind === 'decimal') return decimal(38, t.scale);
  if (t.kind === 'real' || t.kind === 'double') return t;
  return { kind: 'bigint' };
};

const avgType = (args: readonly SqlType[]): SqlType => {
  const t = args[0]!;
  if (t.kind === 'decimal' || t.kind === 'real') return t;
  return { kind: 'double' };
};

/** The (key, value) pairs of an aggregate's rows, as a DuckDB list of structs. */
const entries = (args: readonly EmitArg[], c: EmitContext) => `list(struct_pack(k := ${args[0]!.sql}, v := ${args[1]!.sql})${c.orderBy})${c.after}`;

/** Trino's map_agg keeps one value per key (and skips NULL keys); DuckDB's maps refuse duplicates. */
const firstPerKey = (list: string) => `list_filter(${list}, lambda e, i: e.k IS NOT NULL AND list_position(list_transform(${list}, lambda x: x.k), e.k) = i)`;

const statistic = (name: string, duck = name) => aggregate(name, [{ args: ['double'], returns: 'double', emit: aggregateCall(duck) }]);
const pairStatistic = (name: string, duck = name) => aggregate(name, [{ args: ['double', 'double'], returns: 'double', emit: aggregateCall(duck) }]);

const topN =
  (duck: string): Emit =>
  (args, context) =>
    `${duck}(${context.distinct}${args[0]!.sql}, CAST(${args[1]!.sql} AS BIGINT)${context.orderBy})${context.after}`;

export const AGGREGATES: readonly TrinoFunction[] = [
  aggregate('count', [
    { args: [], returns: 'bigint', emit: (_args, context) => `count(*)${context.after}` },
    { args: ['T'], returns: 'bigint', emit: aggregateCall('count') },
  ]),
  aggregate('count_if', [{ args: ['boolean'], returns: 'bigint', emit: aggregateCall('count_if') }]),
  aggregate('sum', [{ args: ['T:numeric'], returns: sumType, emit: cast(aggregateCall('sum')) }]),
  aggregate('avg', [{ args: ['T:numeric'], returns: avgType, emit: cast(aggregateCall('avg')) }]),
  aggregate('min', [
    { args: ['T:orderable'], returns: 'T', emit: aggregateCall('min') },
    { args: ['T:orderable', 'bigint'], returns: 'array(T)', emit: topN('min') },
  ]),
  aggregate('max', [
    { args: ['T:orderable'], returns: 'T', emit: aggregateCall('max') },
    { args: ['T:orderable', 'bigint'], returns: 'array(T)', emit: topN('max') },
  ]),
  aggregate('min_by', [
    { args: ['V', 'K:orderable'], returns: 'V', emit: aggregateCall('arg_min') },
    { args: ['V', 'K:orderable', 'bigint'], returns: 'array(V)', emit: aggregateCall('arg_min') },
  ]),
  aggregate('max_by', [
    { args: ['V', 'K:orderable'], returns: 'V', emit: aggregateCall('arg_max') },
    { args: ['V', 'K:orderable', 'bigint'], returns: 'array(V)', emit: aggregateCall('arg_max') },
  ]),
  aggregate('arbitrary', [{ args: ['T'], returns: 'T', emit: aggregateCall('any_value') }]),
  aggregate('any_value', [{ args: ['T'], returns: 'T', emit: aggregateCall('any_value') }]),
  aggregate('approx_distinct', [
    { args: ['T'], returns: 'bigint', emit: (args, c) => `count(DISTINCT ${args[0]!.sql})${c.after}` },
    { args: ['T', 'double'], returns: 'bigint', emit: (args, c) => `count(DISTINCT ${args[0]!.sql})${c.after}` },
  ]),
  aggregate('approx_percentile', [
    { args: ['T:numeric', 'double'], returns: 'T', emit: cast(aggregateCall('quantile_disc')) },
    { args: ['T:numeric', 'array(double)'], returns: 'array(T)', emit: cast(aggregateCall('quantile_disc')) },
  ]),
  aggregate('listagg', [{ args: ['varchar', 'varchar'], returns: 'varchar', emit: aggregateCall('string_agg') }]),
  aggregate('array_agg', [{ args: ['T'], returns: 'array(T)', emit: aggregateCall('list') }]),
  aggregate('map_agg', [{ args: ['K', 'V'], returns: 'map(K,V)', emit: (args, c) => `map_from_entries(${firstPerKey(entries(args, c))})` }]),
  aggregate('multimap_agg', [
    {
      args: ['K', 'V'],
      returns: (args) => ({ kind: 'map', key: args[0]!, value: { kind: 'array', element: args[1]! } }),
      emit: (args, c) => {
        const list = entries(args, c);
        return `map_from_entries(list_transform(list_distinct(list_transform(list_filter(${list}, lambda e: e.k IS NOT NULL), lambda e: e.k)), lambda key: struct_pack(k := key, v := list_transform(list_filter(${list}, lambda e: e.k = key), lambda e: e.v))))`;
      },
    },
  ]),
  aggregate('histogram', [
    { args: ['T'], returns: (args) => ({ kind: 'map', key: args[0]!, value: { kind: 'bigint' } }), emit: cast(aggregateCall('histogram')) },
  ]),
  aggregate('bitwise_and_agg', [{ args: ['bigint'], returns: 'bigint', emit: cast(aggregateCall('bit_and')) }]),
  aggregate('bitwise_or_agg', [{ args: ['bigint'], returns: 'bigint', emit: cast(aggregateCall('bit_or')) }]),
  aggregate('bitwise_xor_agg', [{ args: ['bigint'], returns: 'bigint', emit: cast(aggregateCall('bit_xor')) }]),
  aggregate('bool_and', [{ args: ['boolean'], returns: 'boolean', emit: aggregateCall('bool_and') }]),
  aggregate('bool_or', [{ args: ['boolean'], returns: 'boolean', emit: aggregateCall('bool_or') }]),
  aggregate('every', [{ args: ['boolean'], returns: 'boolean', emit: aggregateCall('bool_and') }]),
  statistic('stddev', 'stddev_samp'),
  statistic('stddev_samp'),
  statistic('stddev_pop'),
  statistic('variance', 'var_samp'),
  statistic('var_samp'),
  statistic('var_pop'),
  statistic('geometric_mean', 'geomean'),
  pairStatistic('corr'),
  pairStatistic('covar_samp'),
  pairStatistic('covar_pop'),
  pairStatistic('regr_slope'),
  pairStatistic('regr_intercept'),

  windowFunction('row_number', [{ args: [], returns: 'bigint', emit: (_a, c) => `row_number()${c.after}` }]),
  windowFunction('rank', [{ args: [], returns: 'bigint', emit: (_a, c) => `rank()${c.after}` }]),
  windowFunction('dense_rank', [{ args: [], returns: 'bigint', emit: (_a, c) => `dense_rank()${c.after}` }]),
  windowFunction('percent_rank', [{ args: [], returns: 'double', emit: (_a, c) => `percent_rank()${c.after}` }]),
  windowFunction('cume_dist', [{ args: [], returns: 'double', emit: (_a, c) => `cume_dist()${c.after}` }]),
  windowFunction('ntile', [{ args: ['bigint'], returns: 'bigint', emit: aggregateCall('ntile') }]),
  windowFunction('lag', [
    { args: ['T'], returns: 'T', emit: aggregateCall('lag') },
    { args: ['T', 'bigint'], returns: 'T', emit: aggregateCall('lag') },
    { args: ['T', 'bigint', 'T'], returns: 'T', emit: aggregateCall('lag') },
  ]),
  windowFunction('lead', [
    { args: ['T'], returns: 'T', emit: aggregateCall('lead') },
    { args: ['T', 'bigint'], returns: 'T', emit: aggregateCall('lead') },
    { args: ['T', 'bigint', 'T'], returns: 'T', emit: aggregateCall('lead') },
  ]),
  windowFunction('first_value', [{ args: ['T'], returns: 'T', emit: aggregateCall('first_value') }]),
  windowFunction('last_value', [{ args: ['T'], returns: 'T', emit: aggregateCall('last_value') }]),
  windowFunction('nth_value', [{ args: ['T', 'bigint'], returns: 'T', emit: aggregateCall('nth_value') }]),
];
