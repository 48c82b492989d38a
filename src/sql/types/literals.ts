/** The types of literals, as Trino gives them (and refuses malformed ones, as Trino does). */
import { SqlError } from '../errors.ts';
import type * as Ast from '../tree/ast.ts';
import { decimal, type SqlType } from './sql-type.ts';
import { parseIpAddress } from './ip-address.ts';

type Literal = Ast.StringLiteral | Ast.NumberLiteral | Ast.BooleanLiteral | Ast.NullLiteral | Ast.TypedLiteral | Ast.IntervalLiteral | Ast.BinaryLiteral;

const INT_MAX = 2147483647;

export function literalType(e: Literal): SqlType {
  switch (e.kind) {
    case 'string':
      return { kind: 'varchar', length: [...e.value].length };
    case 'number':
      return numberType(e);
    case 'boolean':
      return { kind: 'boolean' };
    case 'null':
      return { kind: 'unknown' };
    case 'binary':
      return { kind: 'varbinary' };
    case 'interval': {
      if (!/^\s*\d+(?:[-: .]\d+)*\s*$/.test(e.value)) throw new SqlError('INVALID_LITERAL', `'${e.value}' is not a valid interval literal`, e.at);
      return { kind: e.from === 'year' || e.from === 'month' ? 'interval year to month' : 'interval day to second' };
    }
    case 'typed-literal':
      return typedLiteralType(e);
  }
}

function numberType(e: Ast.NumberLiteral): SqlType {
  if (e.type === 'double') return { kind: 'double' };
  if (e.type === 'integer') {
    const value = BigInt(e.text);
    return value <= BigInt(INT_MAX) && value >= BigInt(-INT_MAX - 1) ? { kind: 'integer' } : { kind: 'bigint' };
  }
  return decimalLiteralType(e.text, e.at);
}

/** `100.0` → decimal(4,1); `.5` → decimal(1,1); `007.50` → decimal(3,2). */
export function decimalLiteralType(text: string, at: number): SqlType {
  const match = /^[+-]?(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) throw new SqlError('INVALID_LITERAL', `'${text}' is not a valid decimal literal`, at);
  const integer = match[1]!.replace(/^0+/, '');
  const fraction = match[2] ?? '';
  const precision = Math.max(1, integer.length + fraction.length);
  if (precision > 38) throw new SqlError('INVALID_LITERAL', `Decimal literal '${text}' has more than 38 digits`, at);
  return decimal(precision, fraction.length);
}

const DATE = /^\s*([+-]?\d{4,})-(\d{1,2})-(\d{1,2})\s*$/;
const TIMESTAMP =
  /^\s*([+-]?\d{4,})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,12}))?)?)?\s*(?:([+-]\d{1,2}(?::?\d{2})?|Z|UTC|[A-Za-z][A-Za-z0-9_/+-]*))?\s*$/;
const TIME = /^\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,12}))?)?\s*$/;

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function typedLiteralType(e: Ast.TypedLiteral): SqlType {
  const invalid = (what: string) => new SqlError('INVALID_LITERAL', `'${e.value}' is not a valid ${what} literal`, e.at);
  switch (e.type) {
    case 'varchar':
      return { kind: 'varchar', length: [...e.value].length };
    case 'char':
      return { kind: 'char', length: [...e.value].length };
    case 'date': {
      const m = DATE.exec(e.value);
      if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3]))) throw invalid('date');
      return { kind: 'date' };
    }
    case 'timestamp': {
      const m = TIMESTAMP.exec(e.value);
      if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4] ?? 0) > 23 || Number(m[5] ?? 0) > 59 || Number(m[6] ?? 0) > 59)
        throw invalid('timestamp');
      // Athena engine 3 keeps timestamps to milliseconds: every timestamp is timestamp(3).
      const precision = 3;
      const zone = m[8];
      return zone ? { kind: 'timestamp with time zone', precision, zone: zone === 'Z' ? 'UTC' : zone } : { kind: 'timestamp', precision };
    }
    case 'time': {
      const m = TIME.exec(e.value);
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) throw invalid('time');
      return { kind: 'time', precision: 3 };
    }
    case 'decimal':
      return decimalLiteralType(e.value, e.at);
    case 'double':
    case 'real':
      if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(e.value) && !/^\s*[+-]?(nan|infinity)\s*$/i.test(e.value)) throw invalid(e.type);
      return { kind: e.type };
    case 'bigint':
    case 'integer':
    case 'int':
    case 'smallint':
    case 'tinyint': {
      if (!/^\s*[+-]?\d+\s*$/.test(e.value)) throw invalid(e.type);
      return { kind: e.type === 'int' ? 'integer' : e.type };
    }
    case 'json': {
      try {
        JSON.parse(e.value);
      } catch {
        throw new SqlError('INVALID_LITERAL', `Invalid JSON literal: ${e.value}`, e.at);
      }
      return { kind: 'json' };
    }
    case 'ipaddress':
      if (parseIpAddress(e.value) === undefined) throw new SqlError('INVALID_LITERAL', `Cannot cast value to IPADDRESS: ${e.value}`, e.at);
      return { kind: 'ipaddress' };
    case 'uuid':
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(e.value.trim())) throw invalid('uuid');
      return { kind: 'uuid' };
    case 'boolean':
      throw new SqlError('TYPE_NOT_FOUND', `No literal form for type boolean`, e.at);
    default:
      throw new SqlError('TYPE_NOT_FOUND', `Unknown type: ${e.type}`, e.at);
  }
}
