/**
 * `+ - * / %` with Trino's answers: integer division truncates and fails on zero, DECIMAL keeps
 * Trino's precision and scale (rounding half up), a double divided by zero is infinite, dates stay
 * dates when moved by an interval.
 */
import type { EmitArg } from '../functions/function.ts';
import { isIntegral, type SqlType } from '../types/sql-type.ts';
import { duckdbType } from './duckdb-type.ts';

export function emitArithmetic(operator: '+' | '-' | '*' | '/' | '%', left: EmitArg, right: EmitArg, result: SqlType): string {
  const a = left.sql;
  const b = right.sql;
  if (result.kind === 'unknown') return 'NULL';
  if (isIntegral(result)) {
    if (operator === '/') return `_trino_integer_divide(${a}, ${b})`;
    if (operator === '%') return `_trino_integer_modulus(${a}, ${b})`;
    return `CAST((${a} ${operator} ${b}) AS ${duckdbType(result)})`;
  }
  if (result.kind === 'decimal') {
    const target = duckdbType(result);
    if (operator === '/') return `_trino_decimal_divide(${a}, ${b}, ${result.scale})::${target}`;
    if (operator === '%') return `CAST(_trino_decimal_modulus(${a}, ${b}) AS ${target})`;
    return `CAST((${a} ${operator} ${b}) AS ${target})`;
  }
  if (result.kind === 'double' || result.kind === 'real') {
    const cast = (arg: EmitArg) => (arg.type.kind === result.kind ? arg.sql : `CAST(${arg.sql} AS ${duckdbType(result)})`);
    if (operator === '/') return `_trino_double_divide(${cast(left)}, ${cast(right)})`;
    if (operator === '%') return `_trino_double_modulus(${cast(left)}, ${cast(right)})`;
    return `(${cast(left)} ${operator} ${cast(right)})`;
  }
  if (result.kind === 'date') return `CAST((${a} ${operator} ${b}) AS DATE)`;
  return `(${a} ${operator} ${b})`;
}
