/**
 * Trino's types, as the analyzer infers them: what a function accepts, what a column holds, what a
 * query returns (the result's column types are these, spelled as Athena spells them).
 */
import { quoteIdentifier } from '../text/quote.ts';

export type SqlType =
  | { readonly kind: 'unknown' } // NULL: coerces to anything
  | { readonly kind: 'boolean' | 'tinyint' | 'smallint' | 'integer' | 'bigint' | 'real' | 'double' }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'varchar'; readonly length?: number }
  | { readonly kind: 'char'; readonly length: number }
  | { readonly kind: 'varbinary' | 'json' | 'date' | 'ipaddress' | 'ipprefix' | 'uuid' }
  | { readonly kind: 'time'; readonly precision: number }
  | { readonly kind: 'timestamp'; readonly precision: number }
  /** `zone` is the zone every value is in when the analyzer can tell (a literal zone); values print in it. */
  | { readonly kind: 'timestamp with time zone'; readonly precision: number; readonly zone?: string }
  | { readonly kind: 'interval day to second' | 'interval year to month' }
  | { readonly kind: 'array'; readonly element: SqlType }
  | { readonly kind: 'map'; readonly key: SqlType; readonly value: SqlType }
  | { readonly kind: 'row'; readonly fields: readonly RowField[] }
  /** A lambda's type: its parameters and result. */
  | { readonly kind: 'function'; readonly parameters: readonly SqlType[]; readonly result: SqlType };

export interface RowField {
  readonly name?: string;
  readonly type: SqlType;
}

export type SqlTypeKind = SqlType['kind'];

export const UNKNOWN: SqlType = { kind: 'unknown' };
export const BOOLEAN: SqlType = { kind: 'boolean' };
export const TINYINT: SqlType = { kind: 'tinyint' };
export const SMALLINT: SqlType = { kind: 'smallint' };
export const INTEGER: SqlType = { kind: 'integer' };
export const BIGINT: SqlType = { kind: 'bigint' };
export const REAL: SqlType = { kind: 'real' };
export const DOUBLE: SqlType = { kind: 'double' };
export const VARCHAR: SqlType = { kind: 'varchar' };
export const VARBINARY: SqlType = { kind: 'varbinary' };
export const JSON_TYPE: SqlType = { kind: 'json' };
export const DATE: SqlType = { kind: 'date' };
export const IPADDRESS: SqlType = { kind: 'ipaddress' };
export const IPPREFIX: SqlType = { kind: 'ipprefix' };
export const UUID: SqlType = { kind: 'uuid' };
export const TIMESTAMP: SqlType = { kind: 'timestamp', precision: 3 };
export const TIMESTAMP_TZ: SqlType = { kind: 'timestamp with time zone', precision: 3 };
export const TIME: SqlType = { kind: 'time', precision: 3 };
export const INTERVAL_DAY: SqlType = { kind: 'interval day to second' };
export const INTERVAL_YEAR: SqlType = { kind: 'interval year to month' };

export const arrayOf = (element: SqlType): SqlType => ({ kind: 'array', element });
export const mapOf = (key: SqlType, value: SqlType): SqlType => ({ kind: 'map', key, value });
export const decimal = (precision: number, scale: number): SqlType => ({ kind: 'decimal', precision: Math.min(38, precision), scale });

const INTEGERS = ['tinyint', 'smallint', 'integer', 'bigint'] as const;

export const isIntegral = (t: SqlType): boolean => (INTEGERS as readonly string[]).includes(t.kind);
export const isNumeric = (t: SqlType): boolean => isIntegral(t) || t.kind === 'decimal' || t.kind === 'real' || t.kind === 'double';
export const isString = (t: SqlType): boolean => t.kind === 'varchar' || t.kind === 'char';
export const isTemporal = (t: SqlType): boolean => t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'timestamp with time zone' || t.kind === 'time';
export const isInterval = (t: SqlType): boolean => t.kind === 'interval day to second' || t.kind === 'interval year to month';

/** The decimal an integer type fits in (Trino's implicit integer → decimal coercion). */
export function integerAsDecimal(t: SqlType): { precision: number; scale: number } {
  switch (t.kind) {
    case 'tinyint':
      return { precision: 3, scale: 0 };
    case 'smallint':
      return { precision: 5, scale: 0 };
    case 'integer':
      return { precision: 10, scale: 0 };
    default:
      return { precision: 19, scale: 0 };
  }
}

/** Trino's display of a type: `varchar`, `decimal(4,1)`, `array(row(arn varchar))`, `timestamp(3) with time zone`. */
export function typeText(t: SqlType): string {
  switch (t.kind) {
    case 'decimal':
      return `decimal(${t.precision},${t.scale})`;
    case 'varchar':
      return t.length === undefined ? 'varchar' : `varchar(${t.length})`;
    case 'char':
      return `char(${t.length})`;
    case 'time':
      return `time(${t.precision})`;
    case 'timestamp':
      return `timestamp(${t.precision})`;
    case 'timestamp with time zone':
      return `timestamp(${t.precision}) with time zone`;
    case 'array':
      return `array(${typeText(t.element)})`;
    case 'map':
      return `map(${typeText(t.key)}, ${typeText(t.value)})`;
    case 'row':
      return `row(${t.fields.map((f) => (f.name ? `${quoteFieldName(f.name)} ${typeText(f.type)}` : typeText(f.type))).join(', ')})`;
    case 'function':
      return `function(${[...t.parameters, t.result].map(typeText).join(', ')})`;
    default:
      return t.kind;
  }
}

function quoteFieldName(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : quoteIdentifier(name);
}

export function sameType(a: SqlType, b: SqlType): boolean {
  return typeText(a) === typeText(b);
}

/** The type of a field of a row type, by name (case-insensitive, as Trino's dereference). */
export function rowField(t: SqlType, name: string): SqlType | undefined {
  if (t.kind !== 'row') return undefined;
  const wanted = name.toLowerCase();
  return t.fields.find((f) => f.name?.toLowerCase() === wanted)?.type;
}
