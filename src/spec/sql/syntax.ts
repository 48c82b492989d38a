import nodeSqlParser from 'node-sql-parser';
import type { Token } from './tokenize.ts';

const { Parser } = nodeSqlParser;
const parser = new Parser();

/** node-sql-parser dialects tried in turn: its Trino grammar misses some constructs its Athena one has, and back. */
const DIALECTS = ['trino', 'athena'];

/**
 * Whether the SQL parses. node-sql-parser does not know all of Trino, so two lexical rewrites that keep
 * the meaning for parsing purposes come first: a field access on an expression (`element_at(r, 1).arn`
 * → `element_at(r, 1)`) and `try_cast` → `cast`. Returns the parser's message when every dialect fails.
 */
export function parses(sql: string, tokens: readonly Token[]): { ok: true } | { ok: false; message: string } {
  const text = normalise(sql, tokens);
  let message = '';
  for (const database of DIALECTS) {
    try {
      parser.astify(text, { database });
      return { ok: true };
    } catch (error) {
      message ||= String((error as Error).message ?? error).split('\n')[0];
    }
  }
  return { ok: false, message: shorten(message) };
}

function normalise(sql: string, tokens: readonly Token[]): string {
  const chars = sql.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) chars[k] = ' ';
  };
  tokens.forEach((t, i) => {
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.kind === 'symbol' && t.text === '.' && previous?.kind === 'symbol' && (previous.text === ')' || previous.text === ']') && next) {
      blank(t.offset, next.offset + sourceLength(sql, next));
    }
    if (t.kind === 'ident' && t.text === 'try_cast') blank(t.offset, t.offset + 4);
  });
  return chars.join('');
}

function sourceLength(sql: string, token: Token): number {
  if (token.kind === 'quoted') return sql.indexOf('"', token.offset + 1) - token.offset + 1;
  return token.text.length;
}

/** The parser lists every token it expected; keep the gist. */
function shorten(message: string): string {
  const found = /but (.+) found\.?$/.exec(message);
  return found ? `unexpected ${found[1]}` : message.slice(0, 120);
}
