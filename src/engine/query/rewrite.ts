/**
 * The few Trino SQL forms that DuckDB macros cannot cover, rewritten in the SQL text before it runs.
 * Each rewrite works on tokens (strings, quoted names and comments are never touched) and leaves
 * the text unchanged when the form is not exactly the one it knows:
 *
 * 1. `date_parse(s, '<literal>')` and `parse_datetime(s, '<literal>')`: DuckDB's strptime needs a
 *    constant format, and a macro's argument is not one, so the MySQL / Joda format is translated
 *    here and the call becomes `_trino_strptime(s, '<strptime format>')`.
 * 2. Trino type syntax after AS (in CAST / TRY_CAST): `array(T)` → `T[]`, `row(a T, …)` →
 *    `STRUCT(a T, …)`, `map(K, V)` → `MAP(K, V)`, `varbinary` → `BLOB`.
 * 3. `UNNEST(rows) AS t(a, b)` in FROM: Trino expands the fields of an array of rows into columns
 *    → `(SELECT unnest(rows, max_depth := 2)) AS t(a, b)`; `UNNEST(x, y) AS t(a, b)` zips arrays
 *    → `(SELECT unnest(x), unnest(y)) AS t(a, b)`. One array into one column is left as it is.
 *
 * Rewrites keep the line structure, so error lines stay right; columns may shift on rewritten lines.
 */
import { tokenize, type Token } from './tokens.ts';
import { jodaToStrftime, mysqlToStrftime } from './datetime-format.ts';

export function rewriteTrinoSql(sql: string): string {
  const tokens = tokenize(sql);
  rewriteDateParse(tokens);
  rewriteCastTypes(tokens);
  rewriteUnnest(tokens);
  return tokens.map((t) => t.text).join('');
}

const isSpace = (t: Token | undefined) => t !== undefined && (t.kind === 'space' || t.kind === 'comment');

function nextCode(tokens: Token[], from: number): number {
  let i = from;
  while (isSpace(tokens[i])) i++;
  return i;
}

/** Index of the `)` closing the `(` at `open`, and the top-level commas in between. */
function callArguments(tokens: Token[], open: number): { close: number; commas: number[] } | undefined {
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < tokens.length; i++) {
    const text = tokens[i].text;
    if (tokens[i].kind !== 'punct') continue;
    if (text === '(' || text === '[') depth++;
    else if (text === ')' || text === ']') {
      depth--;
      if (depth === 0) return { close: i, commas };
    } else if (text === ',' && depth === 1) commas.push(i);
  }
  return undefined;
}

function rewriteDateParse(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const name = tokens[i].kind === 'word' ? tokens[i].text.toLowerCase() : '';
    if (name !== 'date_parse' && name !== 'parse_datetime') continue;
    const open = nextCode(tokens, i + 1);
    if (tokens[open]?.text !== '(') continue;
    const args = callArguments(tokens, open);
    if (!args || args.commas.length !== 1) continue;
    const formatAt = nextCode(tokens, args.commas[0] + 1);
    if (tokens[formatAt]?.kind !== 'string' || nextCode(tokens, formatAt + 1) !== args.close) continue;
    const format = tokens[formatAt].text.slice(1, -1).replace(/''/g, "'");
    const translated = name === 'date_parse' ? mysqlToStrftime(format) : jodaToStrftime(format);
    tokens[i] = { kind: 'word', text: name === 'date_parse' ? '_trino_strptime' : '_trino_strptime_tz' };
    tokens[formatAt] = { kind: 'string', text: `'${translated.replace(/'/g, "''")}'` };
  }
}

function rewriteCastTypes(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'word' || tokens[i].text.toLowerCase() !== 'as') continue;
    const start = nextCode(tokens, i + 1);
    const word = tokens[start]?.kind === 'word' ? tokens[start].text.toLowerCase() : '';
    if (!['array', 'row', 'map', 'varbinary'].includes(word)) continue;
    if (word !== 'varbinary' && tokens[nextCode(tokens, start + 1)]?.text !== '(') continue;
    const parsed = parseType(tokens, start);
    if (!parsed) continue;
    tokens.splice(start, parsed.next - start, { kind: 'word', text: parsed.text });
  }
}

/** A Trino type starting at `i`, as DuckDB spells it; undefined when it is not one. */
function parseType(tokens: Token[], at: number): { text: string; next: number } | undefined {
  const i = nextCode(tokens, at);
  const token = tokens[i];
  if (!token || token.kind !== 'word') return undefined;
  const word = token.text.toLowerCase();
  const open = nextCode(tokens, i + 1);
  if ((word === 'array' || word === 'map' || word === 'row') && tokens[open]?.text === '(') {
    const parts: string[] = [];
    let j = open + 1;
    for (;;) {
      let field = '';
      if (word === 'row') {
        const nameAt = nextCode(tokens, j);
        if (tokens[nameAt]?.kind !== 'word' && tokens[nameAt]?.kind !== 'quoted') return undefined;
        field = `${tokens[nameAt].text} `;
        j = nameAt + 1;
      }
      const inner = parseType(tokens, j);
      if (!inner) return undefined;
      parts.push(field + inner.text);
      j = nextCode(tokens, inner.next);
      if (tokens[j]?.text === ',') j++;
      else if (tokens[j]?.text === ')') break;
      else return undefined;
    }
    const next = j + 1;
    if (word === 'array') return parts.length === 1 ? { text: `${parts[0]}[]`, next } : undefined;
    if (word === 'map') return parts.length === 2 ? { text: `MAP(${parts.join(', ')})`, next } : undefined;
    return { text: `STRUCT(${parts.join(', ')})`, next };
  }
  // A simple type: words and a parenthesised size, up to a top-level `,` or `)`.
  let j = i;
  let text = '';
  let depth = 0;
  while (j < tokens.length) {
    const t = tokens[j];
    if (t.kind === 'punct' && depth === 0 && (t.text === ',' || t.text === ')')) break;
    if (t.kind === 'punct' && t.text === '(') depth++;
    if (t.kind === 'punct' && t.text === ')') depth--;
    text += t.text;
    j++;
  }
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return { text: trimmed.toLowerCase() === 'varbinary' ? 'BLOB' : trimmed, next: j };
}

function rewriteUnnest(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'word' || tokens[i].text.toLowerCase() !== 'unnest') continue;
    const open = nextCode(tokens, i + 1);
    if (tokens[open]?.text !== '(') continue;
    const args = callArguments(tokens, open);
    if (!args) continue;
    let at = nextCode(tokens, args.close + 1);
    if (tokens[at]?.kind === 'word' && tokens[at].text.toLowerCase() === 'as') at = nextCode(tokens, at + 1);
    if (tokens[at]?.kind !== 'word' && tokens[at]?.kind !== 'quoted') continue;
    if (['with', 'on', 'where', 'join', 'cross', 'left', 'inner', 'group', 'order', 'limit'].includes(tokens[at].text.toLowerCase())) continue;
    const columnsOpen = nextCode(tokens, at + 1);
    if (tokens[columnsOpen]?.text !== '(') continue;
    const columns = callArguments(tokens, columnsOpen);
    if (!columns || columns.commas.length === 0) continue;
    const bounds = [open, ...args.commas, args.close];
    const expressions = bounds.slice(1).map((end, k) => tokens.slice(bounds[k] + 1, end).map((t) => t.text).join('').trim());
    let select: string;
    if (expressions.length === 1) select = `unnest(${expressions[0]}, max_depth := 2)`;
    else if (expressions.length === columns.commas.length + 1) select = expressions.map((e) => `unnest(${e})`).join(', ');
    else continue;
    tokens.splice(i, args.close - i + 1, { kind: 'word', text: `(SELECT ${select})` });
  }
}
