/** Identifiers, strings, numbers and types of Trino's parse tree as trailsight's tree. */
import type { ParserRuleContext, TerminalNode } from 'antlr4ng';
import {
  ArrayTypeContext,
  BackQuotedIdentifierContext,
  BasicStringLiteralContext,
  DateTimeTypeContext,
  DecimalLiteralContext,
  DigitIdentifierContext,
  DoubleLiteralContext,
  DoublePrecisionTypeContext,
  GenericTypeContext,
  IntervalTypeContext,
  LegacyArrayTypeContext,
  LegacyMapTypeContext,
  QuotedIdentifierContext,
  RowTypeContext,
  TimeTypeContext,
  UnicodeStringLiteralContext,
  type IdentifierContext,
  type NumberContext,
  type QualifiedNameContext,
  type StringContext,
  type TypeContext,
  type TypeParameterContext,
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js';
import { SqlError } from '../errors.ts';
import type { Identifier, NumberLiteral, QualifiedName, TypeName, TypeParameter } from '../tree/ast.ts';

export const startOf = (ctx: ParserRuleContext | TerminalNode): number => ('symbol' in ctx ? ctx.symbol.start : (ctx.start?.start ?? 0));

export function identifier(ctx: IdentifierContext): Identifier {
  const at = startOf(ctx);
  if (ctx instanceof QuotedIdentifierContext) {
    const text = ctx.QUOTED_IDENTIFIER().getText();
    const value = text.slice(1, -1).replaceAll('""', '"');
    if (value.length === 0) throw new SqlError('SYNTAX_ERROR', 'Zero-length delimited identifier not allowed', at);
    return { value, quoted: true, at };
  }
  if (ctx instanceof BackQuotedIdentifierContext) {
    throw new SqlError('SYNTAX_ERROR', 'backquoted identifiers are not supported; use double quotes to quote identifiers', at);
  }
  if (ctx instanceof DigitIdentifierContext) {
    throw new SqlError('SYNTAX_ERROR', 'identifiers must not start with a digit; surround the identifier with double quotes', at);
  }
  return { value: ctx.getText(), quoted: false, at };
}

export function qualifiedName(ctx: QualifiedNameContext): QualifiedName {
  return { parts: ctx.identifier().map(identifier), at: startOf(ctx) };
}

/** A string literal's value: `'it''s'`, or a Unicode string `U&'\0041'` (with an optional UESCAPE). */
export function stringValue(ctx: StringContext): string {
  if (ctx instanceof BasicStringLiteralContext) return unquote(ctx.STRING().getText());
  if (ctx instanceof UnicodeStringLiteralContext) {
    const body = unquote(ctx.UNICODE_STRING().getText().slice(2));
    const escapeText = ctx.STRING() ? unquote(ctx.STRING()!.getText()) : '\\';
    if ([...escapeText].length !== 1 || /[0-9a-fA-F+'"\s]/.test(escapeText)) {
      throw new SqlError('SYNTAX_ERROR', `Invalid Unicode escape character: ${escapeText}`, startOf(ctx));
    }
    return unicodeEscapes(body, escapeText, startOf(ctx));
  }
  throw new SqlError('SYNTAX_ERROR', 'unknown string literal', startOf(ctx));
}

function unquote(text: string): string {
  return text.slice(1, -1).replaceAll("''", "'");
}

function unicodeEscapes(body: string, escapeChar: string, at: number): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== escapeChar) {
      out += body[i];
      continue;
    }
    if (body[i + 1] === escapeChar) {
      out += escapeChar;
      i += 1;
      continue;
    }
    const long = body[i + 1] === '+';
    const digits = body.slice(i + (long ? 2 : 1), i + (long ? 8 : 5));
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== (long ? 6 : 4)) {
      throw new SqlError('SYNTAX_ERROR', `Incomplete escapeChar sequence: ${body.slice(i, i + (long ? 8 : 5))}`, at);
    }
    const code = parseInt(digits, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new SqlError('SYNTAX_ERROR', `Invalid escaped character: ${digits}`, at);
    out += String.fromCodePoint(code);
    i += long ? 7 : 4;
  }
  return out;
}

const BIGINT_MAX = 9223372036854775807n;

export function numberLiteral(ctx: NumberContext): NumberLiteral {
  const at = startOf(ctx);
  const text = ctx.getText();
  if (ctx instanceof DecimalLiteralContext) return { kind: 'number', at, text, type: 'decimal' };
  if (ctx instanceof DoubleLiteralContext) return { kind: 'number', at, text, type: 'double' };
  return integer(text, at);
}

function integer(text: string, at: number): NumberLiteral {
  const magnitude = BigInt(text.replace(/^-/, ''));
  if (magnitude > BIGINT_MAX + (text.startsWith('-') ? 1n : 0n)) throw new SqlError('INVALID_LITERAL', `Invalid numeric literal: ${text}`, at);
  return { kind: 'number', at, text, type: 'integer' };
}

// ---------------------------------------------------------------- types

export function typeName(ctx: TypeContext): TypeName {
  const at = startOf(ctx);
  if (ctx instanceof RowTypeContext) {
    return {
      at,
      name: 'row',
      parameters: ctx.rowField().map((field) => {
        const name = field.identifier();
        return { kind: 'type', type: typeName(field.type()), ...(name ? { field: identifier(name) } : {}) } as TypeParameter;
      }),
    };
  }
  if (ctx instanceof IntervalTypeContext) {
    const [from, to] = ctx.intervalField().map((f) => f.getText().toLowerCase());
    const name = from === 'year' || from === 'month' ? 'interval year to month' : 'interval day to second';
    if (to && (to === 'year' || to === 'month') !== (name === 'interval year to month'))
      throw new SqlError('TYPE_NOT_FOUND', `Unknown type: interval ${from} to ${to}`, at);
    return { at, name, parameters: [] };
  }
  if (ctx instanceof DateTimeTypeContext || ctx instanceof TimeTypeContext) {
    const base = ctx instanceof DateTimeTypeContext ? 'timestamp' : 'time';
    const precision = ctx.typeParameter();
    const zone = ctx.KW_WITH() ? ' with time zone' : '';
    return { at, name: `${base}${zone}`, parameters: precision ? [typeParameter(precision)] : [] };
  }
  if (ctx instanceof DoublePrecisionTypeContext) return { at, name: 'double', parameters: [] };
  if (ctx instanceof LegacyArrayTypeContext) return { at, name: 'array', parameters: [{ kind: 'type', type: typeName(ctx.type()) }] };
  if (ctx instanceof LegacyMapTypeContext) {
    return { at, name: 'map', parameters: ctx.type_().map((t) => ({ kind: 'type', type: typeName(t) }) as TypeParameter) };
  }
  if (ctx instanceof ArrayTypeContext) return { at, name: 'array', parameters: [{ kind: 'type', type: typeName(ctx.type()) }] };
  if (ctx instanceof GenericTypeContext) {
    const name = identifier(ctx.identifier()).value.toLowerCase();
    return { at, name, parameters: ctx.typeParameter().map(typeParameter) };
  }
  throw new SqlError('TYPE_NOT_FOUND', `Unknown type: ${ctx.getText()}`, at);
}

function typeParameter(ctx: TypeParameterContext): TypeParameter {
  const number = ctx.INTEGER_VALUE();
  if (number) return { kind: 'number', value: Number(number.getText()) };
  return { kind: 'type', type: typeName(ctx.type()!) };
}
