/** A lexical token of Trino SQL, with its offset in the text. */
export interface Token {
  readonly kind: 'ident' | 'quoted' | 'string' | 'number' | 'symbol';
  /** Identifiers lower-cased (Athena names are case-insensitive); quoted ones without quotes; strings as written. */
  readonly text: string;
  readonly offset: number;
}

export type Tokenized = { tokens: Token[] } | { error: string; offset: number };

const SYMBOLS = ['->', '<=', '>=', '<>', '!=', '||', '=>', '(', ')', '[', ']', ',', '.', '+', '-', '*', '/', '%', '<', '>', '=', ';', '?', ':', '|'];

/** Splits Trino SQL into tokens; fails on an unterminated string or quoted name, or a stray character. */
export function tokenize(sql: string): Tokenized {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) {
      i++;
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) return { error: 'unterminated /* comment', offset: i };
      i = end + 2;
    } else if (c === "'" || c === '"') {
      const end = closingQuote(sql, i);
      if (end < 0) return { error: c === "'" ? 'unterminated string literal' : 'unterminated quoted name', offset: i };
      const inner = sql.slice(i + 1, end).replaceAll(c + c, c);
      tokens.push({ kind: c === "'" ? 'string' : 'quoted', text: c === "'" ? inner : inner.toLowerCase(), offset: i });
      i = end + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_@$]*/.exec(sql.slice(i))![0];
      tokens.push({ kind: 'ident', text: match.toLowerCase(), offset: i });
      i += match.length;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const match = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(sql.slice(i))![0];
      tokens.push({ kind: 'number', text: match, offset: i });
      i += match.length;
    } else {
      const symbol = SYMBOLS.find((s) => sql.startsWith(s, i));
      if (!symbol) return { error: `unexpected character '${c}'`, offset: i };
      tokens.push({ kind: 'symbol', text: symbol, offset: i });
      i += symbol.length;
    }
  }
  return { tokens };
}

/** Index of the quote closing the one at `start` (a doubled quote is an escaped one), or -1. */
function closingQuote(sql: string, start: number): number {
  const quote = sql[start];
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i;
    } else i++;
  }
  return -1;
}

/** The first unbalanced parenthesis or bracket, if any. */
export function unbalanced(tokens: readonly Token[]): { message: string; offset: number } | undefined {
  const open: Token[] = [];
  for (const t of tokens) {
    if (t.kind !== 'symbol') continue;
    if (t.text === '(' || t.text === '[') open.push(t);
    else if (t.text === ')' || t.text === ']') {
      const last = open.pop();
      const want = t.text === ')' ? '(' : '[';
      if (!last || last.text !== want) return { message: `unmatched '${t.text}'`, offset: t.offset };
    }
  }
  const last = open.pop();
  return last ? { message: `'${last.text}' is never closed`, offset: last.offset } : undefined;
}
