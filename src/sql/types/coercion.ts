/**
 * Trino's implicit coercions: which type a value may silently become (an integer where a double is
 * wanted, NULL anywhere), and the common type two values meet at (CASE, COALESCE, IN, UNION,
 * comparisons). Anything else is a TYPE_MISMATCH in Athena, so it is one here too: Trino never turns
 * a varchar into a number or a date on its own.
 */
import { decimal, integerAsDecimal, isIntegral, type SqlType } from './sql-type.ts';

const INTEGER_RANK: Readonly<Record<string, number>> = { tinyint: 1, smallint: 2, integer: 3, bigint: 4 };

/** Whether a value of type `from` may be used where `to` is wanted without a cast. */
export function canCoerce(from: SqlType, to: SqlType): boolean {
  if (from.kind === 'unknown') return true;
  switch (to.kind) {
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
      return isIntegral(from) && INTEGER_RANK[from.kind]! <= INTEGER_RANK[to.kind]!;
    case 'decimal': {
      if (isIntegral(from)) return fitsDecimal(integerAsDecimal(from), to);
      return from.kind === 'decimal' && fitsDecimal(from, to);
    }
    case 'real':
      return isIntegral(from) || from.kind === 'decimal' || from.kind === 'real';
    case 'double':
      return isIntegral(from) || from.kind === 'decimal' || from.kind === 'real' || from.kind === 'double';
    case 'varchar':
      return (
        (from.kind === 'varchar' && (to.length === undefined || (from.length !== undefined && from.length <= to.length))) ||
        (from.kind === 'char' && to.length === undefined)
      );
    case 'char':
      return from.kind === 'char' && from.length <= to.length;
    case 'timestamp':
      return from.kind === 'date' || from.kind === 'timestamp';
    case 'timestamp with time zone':
      return from.kind === 'date' || from.kind === 'timestamp' || from.kind === 'timestamp with time zone';
    case 'array':
      return from.kind === 'array' && canCoerce(from.element, to.element);
    case 'map':
      return from.kind === 'map' && canCoerce(from.key, to.key) && canCoerce(from.value, to.value);
    case 'row':
      return from.kind === 'row' && from.fields.length === to.fields.length && from.fields.every((f, i) => canCoerce(f.type, to.fields[i]!.type));
    case 'ipprefix':
      return from.kind === 'ipprefix';
    default:
      return from.kind === to.kind;
  }
}

function fitsDecimal(from: { precision: number; scale: number }, to: { precision: number; scale: number }): boolean {
  return from.scale <= to.scale && from.precision - from.scale <= to.precision - to.scale;
}

/** The type both values become when they meet, or undefined when Trino has none (a mismatch). */
export function commonType(a: SqlType, b: SqlType): SqlType | undefined {
  if (a.kind === 'unknown') return b;
  if (b.kind === 'unknown') return a;
  if (isIntegral(a) && isIntegral(b)) return INTEGER_RANK[a.kind]! >= INTEGER_RANK[b.kind]! ? a : b;
  const numeric = numericCommon(a, b);
  if (numeric) return numeric;
  if ((a.kind === 'varchar' || a.kind === 'char') && (b.kind === 'varchar' || b.kind === 'char')) {
    if (a.kind === 'char' && b.kind === 'char') return { kind: 'char', length: Math.max(a.length, b.length) };
    const lengths = [a, b].map((t) => (t.kind === 'varchar' ? t.length : undefined));
    return lengths.some((l) => l === undefined) ? { kind: 'varchar' } : { kind: 'varchar', length: Math.max(...(lengths as number[])) };
  }
  if (isDateTime(a) && isDateTime(b)) return dateTimeCommon(a, b);
  if (a.kind === 'array' && b.kind === 'array') {
    const element = commonType(a.element, b.element);
    return element && { kind: 'array', element };
  }
  if (a.kind === 'map' && b.kind === 'map') {
    const key = commonType(a.key, b.key);
    const value = commonType(a.value, b.value);
    return key && value && { kind: 'map', key, value };
  }
  if (a.kind === 'row' && b.kind === 'row' && a.fields.length === b.fields.length) {
    const fields = a.fields.map((f, i) => {
      const type = commonType(f.type, b.fields[i]!.type);
      return type && { ...(f.name ? { name: f.name } : {}), type };
    });
    return fields.every((f) => f) ? { kind: 'row', fields: fields as { name?: string; type: SqlType }[] } : undefined;
  }
  if (a.kind === b.kind && a.kind !== 'function') return a;
  return undefined;
}

function numericCommon(a: SqlType, b: SqlType): SqlType | undefined {
  const kinds = new Set([a.kind, b.kind]);
  const numeric = [a, b].every((t) => isIntegral(t) || t.kind === 'decimal' || t.kind === 'real' || t.kind === 'double');
  if (!numeric) return undefined;
  if (kinds.has('double')) return { kind: 'double' };
  if (kinds.has('real')) return { kind: 'real' };
  const [x, y] = [a, b].map((t) => (t.kind === 'decimal' ? t : integerAsDecimal(t))) as [
    { precision: number; scale: number },
    { precision: number; scale: number },
  ];
  const scale = Math.max(x.scale, y.scale);
  return decimal(Math.max(x.precision - x.scale, y.precision - y.scale) + scale, scale);
}

const isDateTime = (t: SqlType) => t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'timestamp with time zone';

function dateTimeCommon(a: SqlType, b: SqlType): SqlType {
  const precision = Math.max(a.kind === 'date' ? 0 : (a as { precision: number }).precision, b.kind === 'date' ? 0 : (b as { precision: number }).precision);
  if (a.kind === 'date' && b.kind === 'date') return a;
  if (a.kind === 'timestamp with time zone' || b.kind === 'timestamp with time zone') {
    const zoned = (a.kind === 'timestamp with time zone' ? a : b) as { zone?: string };
    return { kind: 'timestamp with time zone', precision, ...(zoned.zone ? { zone: zoned.zone } : {}) };
  }
  return { kind: 'timestamp', precision };
}
