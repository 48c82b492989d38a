import { NON_COLUMN_WORDS } from './keywords.ts';
import type { Token } from './tokenize.ts';

/** A name in SQL that refers to a column, maybe with struct fields: `useridentity.sessioncontext.arn`. */
export interface ColumnRef {
  readonly path: readonly string[];
  /** Offset of the first name in the SQL text. */
  readonly offset: number;
}

/** A table named after FROM or JOIN. */
export interface TableRef {
  readonly name: string;
  readonly offset: number;
}

const isName = (t: Token | undefined): t is Token => t?.kind === 'ident' || t?.kind === 'quoted';
const isSymbol = (t: Token | undefined, text: string) => t?.kind === 'symbol' && t.text === text;
const isWord = (t: Token | undefined, text: string) => t?.kind === 'ident' && t.text === text;

/**
 * The column references of an expression or query, found lexically: names that are not keywords,
 * function names, aliases, lambda parameters, tables or names the query defines (CTEs, aliases).
 * Lexical on purpose: it works on every Trino construct, including those the parser does not know.
 */
export function findColumnRefs(tokens: readonly Token[]): { columns: ColumnRef[]; tables: TableRef[] } {
  const defined = new Set<string>();
  const skip = new Set<number>();
  const tables: TableRef[] = [];
  tokens.forEach((t, i) => {
    // Lambda parameters: `x -> …`, `(a, b) -> …`.
    if (isSymbol(t, '->')) {
      if (isName(tokens[i - 1])) defined.add(tokens[i - 1].text);
      else if (isSymbol(tokens[i - 1], ')')) {
        for (let j = i - 2; j >= 0 && !isSymbol(tokens[j], '('); j--) if (isName(tokens[j])) defined.add(tokens[j].text);
      }
    }
    // Aliases and CTE names: `… AS name`, `name AS (`, `AS t (a, b)`.
    if (isWord(t, 'as') && isName(tokens[i + 1])) {
      defined.add(tokens[i + 1].text);
      skip.add(i + 1);
      if (isSymbol(tokens[i + 2], '(')) {
        for (let j = i + 3; j < tokens.length && !isSymbol(tokens[j], ')'); j++) if (isName(tokens[j])) defined.add(tokens[j].text);
      }
    }
    if (isWord(t, 'as') && isSymbol(tokens[i + 1], '(') && isName(tokens[i - 1])) defined.add(tokens[i - 1].text);
    // A CTE with a column list: `name (a, b) AS (`.
    const cte = cteWithColumns(tokens, i);
    if (cte) for (const k of cte) defined.add(tokens[k].text), skip.add(k);
    // An alias without AS: `count(*) calls,`, `eventname en FROM`.
    if (isName(t) && !isKeyword(t) && endsOperand(tokens[i - 1]) && endsItem(tokens[i + 1])) {
      defined.add(t.text);
      skip.add(i);
    }
    // Tables: `FROM a.b [AS] alias, c …`, `JOIN x y`.
    if ((isWord(t, 'from') || isWord(t, 'join')) && isName(tokens[i + 1])) {
      let j = i + 1;
      while (isName(tokens[j])) {
        const start = j;
        while (isSymbol(tokens[j + 1], '.') && isName(tokens[j + 2])) j += 2;
        if (isSymbol(tokens[j + 1], '(')) break; // a table function: UNNEST(…)
        for (let k = start; k <= j; k++) skip.add(k);
        tables.push({ name: tokens[j].text, offset: tokens[start].offset });
        defined.add(tokens[j].text);
        j++;
        if (isWord(tokens[j], 'as')) j++;
        if (isName(tokens[j]) && !NON_COLUMN_WORDS.has(tokens[j].text)) {
          defined.add(tokens[j].text);
          skip.add(j);
          j++;
        }
        if (!isSymbol(tokens[j], ',') || !isName(tokens[j + 1])) break;
        j++;
      }
    }
  });
  const columns: ColumnRef[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isName(t) || skip.has(i)) continue;
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    if (isSymbol(previous, '.')) continue; // a field of an expression: element_at(resources, 1).arn
    if (isSymbol(next, '(') || isSymbol(next, '->') || isSymbol(next, '=>')) continue;
    if (t.kind === 'ident' && NON_COLUMN_WORDS.has(t.text) && !(t.text === 'timestamp' && isColumnUse(previous, next))) continue;
    const path = [t.text];
    let j = i;
    while (isSymbol(tokens[j + 1], '.') && isName(tokens[j + 2])) {
      path.push(tokens[j + 2].text);
      j += 2;
    }
    i = j;
    if (defined.has(path[0])) continue;
    columns.push({ path, offset: t.offset });
  }
  return { columns, tables };
}

/** Token indexes of `name (a, b) AS (` starting at `i` (the CTE's name and its columns), if it is one. */
export function cteWithColumns(tokens: readonly Token[], i: number): number[] | undefined {
  if (!isName(tokens[i]) || !isSymbol(tokens[i + 1], '(')) return undefined;
  const names = [i];
  let j = i + 2;
  while (isName(tokens[j])) {
    names.push(j);
    if (!isSymbol(tokens[j + 1], ',')) break;
    j += 2;
  }
  j++;
  return names.length > 1 && isSymbol(tokens[j], ')') && isWord(tokens[j + 1], 'as') && isSymbol(tokens[j + 2], '(') ? names : undefined;
}

const isKeyword = (t: Token) => t.kind === 'ident' && NON_COLUMN_WORDS.has(t.text);

/** A token an operand can end with, so a name right after it is an alias: `)`, `]`, a literal, a column. */
function endsOperand(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'symbol') return t.text === ')' || t.text === ']';
  return t.kind !== 'ident' || !NON_COLUMN_WORDS.has(t.text);
}

/** What follows a select item's alias: the next item or FROM. */
function endsItem(t: Token | undefined): boolean {
  return isSymbol(t, ',') || isWord(t, 'from');
}

/** Unquoted `timestamp` is the partition column unless it starts a literal or names a type in a cast. */
function isColumnUse(previous: Token | undefined, next: Token | undefined): boolean {
  return next?.kind !== 'string' && !isWord(previous, 'as') && !isSymbol(previous, '(');
}
