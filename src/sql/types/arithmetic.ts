/**
 * Result types of `+ - * / %` as Trino gives them: integers stay integers (`7 / 2` is 3), DECIMAL
 * follows Trino's precision and scale rules (`100.0 / 3` is decimal(5,1) 33.3), a double anywhere
 * makes a double, date-times move by intervals. Undefined when Trino has no such operator.
 */
import { commonType } from './coercion.ts';
import { decimal, integerAsDecimal, isIntegral, isInterval, type SqlType } from './sql-type.ts';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

export function arithmeticType(operator: ArithmeticOperator, left: SqlType, right: SqlType): SqlType | undefined {
  if (left.kind === 'unknown' && right.kind === 'unknown') return { kind: 'unknown' };
  if (left.kind === 'unknown') return arithmeticType(operator, right, right);
  if (right.kind === 'unknown') return arithmeticType(operator, left, left);
  const temporal = temporalArithmetic(operator, left, right);
  if (temporal !== undefined) return temporal ?? undefined;
  if (isIntegral(left) && isIntegral(right)) return commonType(left, right);
  const numeric = (t: SqlType) => isIntegral(t) || t.kind === 'decimal' || t.kind === 'real' || t.kind === 'double';
  if (!numeric(left) || !numeric(right)) return undefined;
  if (left.kind === 'double' || right.kind === 'double') return { kind: 'double' };
  if (left.kind === 'real' || right.kind === 'real') return { kind: 'real' };
  return decimalArithmetic(operator, asDecimal(left), asDecimal(right));
}

function asDecimal(t: SqlType): { precision: number; scale: number } {
  return t.kind === 'decimal' ? t : integerAsDecimal(t);
}

/** Trino's DecimalOperators. */
export function decimalArithmetic(operator: ArithmeticOperator, a: { precision: number; scale: number }, b: { precision: number; scale: number }): SqlType {
  switch (operator) {
    case '+':
    case '-': {
      const scale = Math.max(a.scale, b.scale);
      return decimal(1 + scale + Math.max(a.precision - a.scale, b.precision - b.scale), scale);
    }
    case '*':
      return decimal(a.precision + b.precision, a.scale + b.scale);
    case '/':
      return decimal(a.precision + b.scale + Math.max(b.scale - a.scale, 0), Math.max(a.scale, b.scale));
    case '%': {
      const scale = Math.max(a.scale, b.scale);
      return decimal(Math.min(b.precision - b.scale, a.precision - a.scale) + scale, scale);
    }
  }
}

/** Date-time and interval arithmetic: a type, null when the pair is temporal but has no operator, undefined when not temporal. */
function temporalArithmetic(operator: ArithmeticOperator, left: SqlType, right: SqlType): SqlType | null | undefined {
  const moment = (t: SqlType) => t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'timestamp with time zone' || t.kind === 'time';
  if (!moment(left) && !moment(right) && !isInterval(left) && !isInterval(right)) return undefined;
  if (moment(left) && isInterval(right) && (operator === '+' || operator === '-')) return left;
  if (isInterval(left) && moment(right) && operator === '+') return right;
  if (moment(left) && moment(right) && operator === '-' && left.kind !== 'date' && left.kind === right.kind) return { kind: 'interval day to second' };
  if (isInterval(left) && left.kind === right.kind && (operator === '+' || operator === '-')) return left;
  const number = (t: SqlType) => isIntegral(t) || t.kind === 'decimal' || t.kind === 'real' || t.kind === 'double';
  if (isInterval(left) && number(right) && (operator === '*' || operator === '/')) return left;
  if (number(left) && isInterval(right) && operator === '*') return right;
  return null;
}
