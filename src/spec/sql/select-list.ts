import { ALL_COLUMNS } from '../../cloudtrail/index.ts';
import { SQL_TABLE } from './check-sql.ts';
import { NON_COLUMN_WORDS } from './keywords.ts';
import type { Token } from './tokenize.ts';

/** An output column of a query, named the way Trino names it, at the select item (or `*`) it comes from. */
export interface SelectedColumn {
  readonly name: string;
  readonly offset: number;
  /** `alias`: `… AS name` or `… name`; `column`: a plain (struct) column reference; `unnamed`: Trino's `_colN`; `star`: from `*`. */
  readonly how: 'alias' | 'column' | 'unnamed' | 'star';
}

/** The output columns of a query; `unresolved` lists the `*` items whose columns are not known (a join, a subquery). */
export interface SelectList {
  readonly columns: readonly SelectedColumn[];
  readonly unresolved: readonly { offset: number; text: string }[];
}

interface Cte {
  readonly tokens: readonly Token[];
  readonly names?: readonly { name: string; offset: number }[];
}

const CLAUSE_ENDS = new Set(['where', 'group', 'having', 'order', 'limit', 'offset', 'fetch', 'union', 'intersect', 'except', 'window']);
const isName = (t: Token | undefined): t is Token => t?.kind === 'ident' || t?.kind === 'quoted';
const isSymbol = (t: Token | undefined, text: string) => t?.kind === 'symbol' && t.text === text;
const isWord = (t: Token | undefined, text: string) => t?.kind === 'ident' && t.text === text;
const isClauseEnd = (t: Token | undefined) => t?.kind === 'ident' && CLAUSE_ENDS.has(t.text);

/**
 * The output columns of a query (`[WITH …] SELECT …`), found from its tokens: its first top-level
 * SELECT's items (a UNION takes its first branch's names). `*` and `t.*` expand to the CloudTrail
 * table's columns, or to a CTE's, when the FROM names that one source alone; otherwise they stay
 * unresolved. Undefined when the text is not a query of that shape.
 */
export function selectList(tokens: readonly Token[], outer: ReadonlyMap<string, Cte> = new Map()): SelectList | undefined {
  const ctes = new Map(outer);
  let i = 0;
  if (isWord(tokens[0], 'with')) {
    i = isWord(tokens[1], 'recursive') ? 2 : 1;
    for (;;) {
      const name = tokens[i];
      if (!isName(name)) return undefined;
      i++;
      let names: { name: string; offset: number }[] | undefined;
      if (isSymbol(tokens[i], '(')) {
        const close = closing(tokens, i);
        names = tokens.slice(i + 1, close).filter(isName).map((t) => ({ name: t.text, offset: t.offset }));
        i = close + 1;
      }
      if (!isWord(tokens[i], 'as') || !isSymbol(tokens[i + 1], '(')) return undefined;
      const close = closing(tokens, i + 1);
      ctes.set(name.text, { tokens: tokens.slice(i + 2, close), names });
      i = close + 1;
      if (!isSymbol(tokens[i], ',')) break;
      i++;
    }
  }
  if (!isWord(tokens[i], 'select')) return undefined;
  i++;
  if (isWord(tokens[i], 'distinct') || isWord(tokens[i], 'all')) i++;
  const items: Token[][] = [[]];
  for (; i < tokens.length && !isWord(tokens[i], 'from') && !isClauseEnd(tokens[i]) && !isSymbol(tokens[i], ')'); i++) {
    if (isSymbol(tokens[i], ',')) items.push([]);
    else if (isSymbol(tokens[i], '(') || isSymbol(tokens[i], '[')) {
      const close = closing(tokens, i);
      items[items.length - 1].push(...tokens.slice(i, close + 1));
      i = close;
    } else items[items.length - 1].push(tokens[i]);
  }
  const source = isWord(tokens[i], 'from') ? singleSource(tokens, i + 1) : undefined;
  const columns: SelectedColumn[] = [];
  const unresolved: { offset: number; text: string }[] = [];
  items.forEach((item, index) => {
    const star = starOf(item);
    if (star === undefined) {
      columns.push(named(item, index));
      return;
    }
    const expanded = star.qualifier === undefined || star.qualifier === source?.alias ? source && sourceColumns(source.name, ctes) : undefined;
    if (expanded) columns.push(...expanded.map((name) => ({ name, offset: item[0].offset, how: 'star' as const })));
    else unresolved.push({ offset: item[0].offset, text: star.qualifier === undefined ? '*' : `${star.qualifier}.*` });
  });
  return { columns, unresolved };
}

/** How Trino names a select item: its alias, the last name of a column reference, or `_col<position>`. */
function named(item: readonly Token[], index: number): SelectedColumn {
  const last = item[item.length - 1];
  const before = item[item.length - 2];
  if (isName(last) && isWord(before, 'as')) return { name: last.text, offset: last.offset, how: 'alias' };
  if (isName(last) && item.length > 1 && endsExpression(before) && !(last.kind === 'ident' && NON_COLUMN_WORDS.has(last.text))) {
    return { name: last.text, offset: last.offset, how: 'alias' };
  }
  if (isPath(item)) return { name: last.text, offset: item[0].offset, how: 'column' };
  return { name: `_col${index}`, offset: item[0]?.offset ?? 0, how: 'unnamed' };
}

/** A token after which a name is an implicit alias (`count(*) calls`, `eventname en`), not an operand. */
function endsExpression(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'symbol') return t.text === ')' || t.text === ']';
  return t.kind !== 'ident' || !NON_COLUMN_WORDS.has(t.text);
}

/** `name`, `a.b.c` (a column, a struct field, a table-qualified column). */
function isPath(item: readonly Token[]): boolean {
  return item.length % 2 === 1 && item.every((t, k) => (k % 2 === 0 ? isName(t) : isSymbol(t, '.')));
}

function starOf(item: readonly Token[]): { qualifier?: string } | undefined {
  if (item.length === 1 && isSymbol(item[0], '*')) return {};
  if (item.length === 3 && isName(item[0]) && isSymbol(item[1], '.') && isSymbol(item[2], '*')) return { qualifier: item[0].text };
  return undefined;
}

/** The FROM's source when it is one table or CTE, with no join, comma or subquery: `name [[AS] alias]`. */
function singleSource(tokens: readonly Token[], start: number): { name: string; alias: string } | undefined {
  let i = start;
  if (!isName(tokens[i])) return undefined;
  while (isSymbol(tokens[i + 1], '.') && isName(tokens[i + 2])) i += 2;
  const name = tokens[i].text;
  let alias = name;
  i++;
  if (isWord(tokens[i], 'as')) i++;
  if (isName(tokens[i]) && !(tokens[i].kind === 'ident' && NON_COLUMN_WORDS.has(tokens[i].text))) {
    alias = tokens[i].text;
    i++;
  }
  const next = tokens[i];
  const ends = !next || isSymbol(next, ')') || isSymbol(next, ';') || isClauseEnd(next);
  return ends ? { name, alias } : undefined;
}

function sourceColumns(name: string, ctes: ReadonlyMap<string, Cte>): string[] | undefined {
  const cte = ctes.get(name);
  if (cte) {
    if (cte.names) return cte.names.map((n) => n.name);
    const inner = new Map(ctes);
    inner.delete(name);
    const list = selectList(cte.tokens, inner);
    return list && list.unresolved.length === 0 ? list.columns.map((c) => c.name) : undefined;
  }
  return name === SQL_TABLE ? ALL_COLUMNS.map((c) => c.name) : undefined;
}

/** Index of the bracket closing the one at `open` (the text is known to be balanced). */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isSymbol(tokens[i], '(') || isSymbol(tokens[i], '[')) depth++;
    else if (isSymbol(tokens[i], ')') || isSymbol(tokens[i], ']')) depth--;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}
