/** Mathematical functions (Trino's math.md) and bitwise ones. */
import { decimal, type SqlType } from '../../types/sql-type.ts';
import { call, scalar, template, type TrinoFunction } from '../function.ts';

const sameType = (args: readonly SqlType[]) => args[0]!;
const double = (name: string, duck = name) => scalar(name, [{ args: ['double'], returns: 'double', emit: call(duck) }]);

/** Trino's rounding of a decimal to zero digits keeps one more integer digit. */
const roundedType = (args: readonly SqlType[]): SqlType => {
  const t = args[0]!;
  return t.kind === 'decimal' ? decimal(Math.min(38, t.precision - t.scale + 1), 0) : t;
};

export const MATH: readonly TrinoFunction[] = [
  scalar('abs', [{ args: ['T:numeric'], returns: sameType, emit: call('abs') }]),
  scalar('ceil', [{ args: ['T:numeric'], returns: roundedType, emit: (a, c) => `CAST(ceil(${a[0]!.sql}) AS ${duck(c.result)})` }]),
  scalar('ceiling', [{ args: ['T:numeric'], returns: roundedType, emit: (a, c) => `CAST(ceil(${a[0]!.sql}) AS ${duck(c.result)})` }]),
  scalar('floor', [{ args: ['T:numeric'], returns: roundedType, emit: (a, c) => `CAST(floor(${a[0]!.sql}) AS ${duck(c.result)})` }]),
  scalar('round', [
    // Trino rounds half away from zero, as DuckDB's round does.
    { args: ['T:numeric'], returns: roundedType, emit: (a, c) => `CAST(round(${a[0]!.sql}) AS ${duck(c.result)})` },
    { args: ['T:numeric', 'integer'], returns: sameType, emit: (a, c) => `CAST(round(${a[0]!.sql}, ${a[1]!.sql}) AS ${duck(c.result)})` },
  ]),
  scalar('truncate', [
    { args: ['double'], returns: 'double', emit: call('trunc') },
    { args: ['decimal', 'integer'], returns: sameType, emit: template('trunc($1 * power(10, $2)) / power(10, $2)') },
  ]),
  scalar('sign', [{ args: ['T:numeric'], returns: sameType, emit: (a, c) => `CAST(sign(${a[0]!.sql}) AS ${duck(c.result)})` }]),
  double('sqrt'),
  double('cbrt'),
  double('exp'),
  double('ln'),
  double('log2'),
  double('log10'),
  scalar('log', [{ args: ['double', 'double'], returns: 'double', emit: template('ln($2) / ln($1)') }]),
  scalar('power', [{ args: ['double', 'double'], returns: 'double', emit: call('power') }]),
  scalar('pow', [{ args: ['double', 'double'], returns: 'double', emit: call('power') }]),
  scalar('mod', [
    {
      args: ['bigint', 'bigint'],
      returns: (args) => (args[0]!.kind === 'bigint' || args[1]!.kind === 'bigint' ? { kind: 'bigint' } : args[0]!.kind === 'unknown' ? args[1]! : args[0]!),
      emit: template('_trino_integer_modulus($1, $2)'),
    },
    { args: ['double', 'double'], returns: 'double', emit: template('_trino_double_modulus(CAST($1 AS DOUBLE), CAST($2 AS DOUBLE))') },
  ]),
  scalar('pi', [{ args: [], returns: 'double', emit: () => 'pi()' }]),
  scalar('e', [{ args: [], returns: 'double', emit: () => 'exp(1)' }]),
  scalar(
    'random',
    [
      { args: [], returns: 'double', emit: () => 'random()' },
      { args: ['bigint'], returns: 'bigint', emit: template('CAST(floor(random() * $1) AS BIGINT)') },
    ],
    { deterministic: false },
  ),
  scalar('rand', [{ args: [], returns: 'double', emit: () => 'random()' }], { deterministic: false }),
  double('radians'),
  double('degrees'),
  double('sin'),
  double('cos'),
  double('tan'),
  double('asin'),
  double('acos'),
  double('atan'),
  scalar('atan2', [{ args: ['double', 'double'], returns: 'double', emit: call('atan2') }]),
  double('sinh'),
  double('cosh'),
  double('tanh'),
  scalar('is_nan', [{ args: ['double'], returns: 'boolean', emit: call('isnan') }]),
  scalar('is_finite', [{ args: ['double'], returns: 'boolean', emit: call('isfinite') }]),
  scalar('is_infinite', [{ args: ['double'], returns: 'boolean', emit: call('isinf') }]),
  scalar('nan', [{ args: [], returns: 'double', emit: () => `'NaN'::DOUBLE` }]),
  scalar('infinity', [{ args: [], returns: 'double', emit: () => `'Infinity'::DOUBLE` }]),
  scalar('width_bucket', [
    {
      args: ['double', 'double', 'double', 'bigint'],
      returns: 'bigint',
      emit: template('CASE WHEN $1 < $2 THEN 0 WHEN $1 >= $3 THEN $4 + 1 ELSE CAST(floor(($1 - $2) / (($3 - $2) / $4)) + 1 AS BIGINT) END'),
    },
  ]),
  scalar('to_base', [
    {
      args: ['bigint', 'bigint'],
      returns: 'varchar',
      emit: template(
        "CASE WHEN $2 = 2 THEN ltrim(bin($1), '0') WHEN $2 = 16 THEN lower(hex($1)) WHEN $2 = 10 THEN CAST($1 AS VARCHAR) ELSE error('trailsight''s local engine converts to bases 2, 10 and 16 only') END",
      ),
    },
  ]),
  scalar('from_base', [
    {
      args: ['varchar', 'bigint'],
      returns: 'bigint',
      emit: template(
        "CASE WHEN $2 = 16 THEN CAST(('0x' || $1) AS BIGINT) WHEN $2 = 2 THEN CAST(('0b' || $1) AS BIGINT) WHEN $2 = 10 THEN CAST($1 AS BIGINT) ELSE error('trailsight''s local engine converts from bases 2, 10 and 16 only') END",
      ),
    },
  ]),
  scalar('bitwise_and', [{ args: ['bigint', 'bigint'], returns: 'bigint', emit: template('CAST($1 AS BIGINT) & CAST($2 AS BIGINT)') }]),
  scalar('bitwise_or', [{ args: ['bigint', 'bigint'], returns: 'bigint', emit: template('CAST($1 AS BIGINT) | CAST($2 AS BIGINT)') }]),
  scalar('bitwise_xor', [{ args: ['bigint', 'bigint'], returns: 'bigint', emit: template('xor(CAST($1 AS BIGINT), CAST($2 AS BIGINT))') }]),
  scalar('bitwise_left_shift', [
    { args: ['bigint', 'bigint'], returns: 'bigint', emit: template('CASE WHEN $2 >= 64 THEN 0 ELSE CAST($1 AS BIGINT) << CAST($2 AS INTEGER) END') },
  ]),
  scalar('bitwise_right_shift', [
    {
      args: ['bigint', 'bigint'],
      returns: 'bigint',
      emit: template(
        'CASE WHEN $2 = 0 THEN CAST($1 AS BIGINT) WHEN $2 >= 64 THEN 0 ELSE CAST((CAST($1 AS HUGEINT) + CASE WHEN $1 < 0 THEN CAST(18446744073709551616 AS HUGEINT) ELSE 0 END) >> CAST($2 AS INTEGER) AS BIGINT) END',
      ),
    },
  ]),
  scalar('bitwise_right_shift_arithmetic', [
    {
      args: ['bigint', 'bigint'],
      returns: 'bigint',
      emit: template('CASE WHEN $2 >= 64 THEN CASE WHEN $1 < 0 THEN -1 ELSE 0 END ELSE CAST($1 AS BIGINT) >> CAST($2 AS INTEGER) END'),
    },
  ]),
  scalar('bit_count', [
    {
      args: ['bigint', 'bigint'],
      returns: 'bigint',
      emit: template(
        "CASE WHEN $2 < 2 OR $2 > 64 THEN error('Bits specified in bit_count must be between 2 and 64') WHEN $2 = 64 THEN CAST(bit_count(CAST($1 AS BIGINT)) AS BIGINT) ELSE CAST(bit_count(CAST($1 AS BIGINT) & ((CAST(1 AS BIGINT) << CAST($2 AS INTEGER)) - 1)) AS BIGINT) END",
      ),
    },
  ]),
  scalar('bitwise_not', [{ args: ['bigint'], returns: 'bigint', emit: template('~CAST($1 AS BIGINT)') }]),
];

import { duckdbType as duck } from '../../duckdb/duckdb-type.ts';
