/**
 * QuickSight's calculated-field expressions, parsed whole: a small recursive-descent parser (the
 * language is a dozen rules; no parser library would make it shorter) over the syntax of its user
 * guide ("Adding calculated fields", "Operators", each function's page):
 *
 *   or      := and (OR and)*
 *   and     := not (AND not)*
 *   not     := NOT not | compare
 *   compare := add ((= | <> | != | < | > | <= | >=) add)*
 *   add     := mul ((+ | -) mul)*
 *   mul     := unary ((* | / | %) unary)*
 *   unary   := (- | +) unary | power
 *   power   := primary (^ unary)?
 *   primary := number | 'text' | "text" | {field} | ${parameter} | $parameter | NULL
 *            | ( or ) | [ item, … ] | name ( item, … ) | name
 *   item    := or (ASC | DESC)?
 *
 * A name not followed by `(` is a field written without braces (`line_item_cost`), or a keyword an
 * argument takes (`PRE_AGG`, `WEEK`): which of the two, the function using it decides. `[ … ]` is a
 * list: the group-by level of a level-aware aggregation (`sum({cost}, [{account}])`), the partitions
 * and sort orders of a table calculation (`rank([sum({x}) DESC], [{y}])`), the values of `in`.
 * Comments are `/* … *\/` and `// …` to the end of the line (both in the real definitions). Function
 * names are matched without regard to case.
 */
export type Expr =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'null' }
  | { readonly k: 'col'; readonly name: string; readonly bare?: boolean }
  | { readonly k: 'param'; readonly name: string }
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly Expr[] }
  | { readonly k: 'bin'; readonly op: string; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'neg'; readonly e: Expr }
  | { readonly k: 'not'; readonly e: Expr }
  | { readonly k: 'list'; readonly items: readonly Expr[] }
  | { readonly k: 'sort'; readonly e: Expr; readonly dir: 'ASC' | 'DESC' };

type TokenKind = 'num' | 'str' | 'col' | 'param' | 'name' | 'op' | 'end';
interface Token {
  readonly t: TokenKind;
  readonly v: string;
  readonly at: number;
}

/** A calculated field's expression that is not QuickSight's syntax; `at` is the character (0-based) where reading stopped. */
export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
    this.name = 'ExpressionSyntaxError';
  }
}

const OPERATORS = ['<>', '!=', '<=', '>=', '+', '-', '*', '/', '%', '^', '(', ')', '[', ']', ',', '=', '<', '>'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (message: string): never => {
    throw new ExpressionSyntaxError(`${message} at character ${i + 1}`, i);
  };
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) fail('a comment opened and never closed');
      i = end + 2;
    } else if (c === "'" || c === '"') {
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j];
      }
      if (j >= text.length) fail('a text opened and never closed');
      tokens.push({ t: 'str', v: value, at: i });
      i = j + 1;
    } else if (c === '{') {
      const end = text.indexOf('}', i + 1);
      if (end < 0) fail('a field opened with { and never closed');
      tokens.push({ t: 'col', v: text.slice(i + 1, end).trim(), at: i });
      i = end + 1;
    } else if (c === '$') {
      if (text[i + 1] === '{') {
        const end = text.indexOf('}', i + 2);
        if (end < 0) fail('a parameter opened with ${ and never closed');
        tokens.push({ t: 'param', v: text.slice(i + 2, end).trim(), at: i });
        i = end + 1;
      } else {
        const m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
        if (!m) fail("a '$' that names no parameter");
        tokens.push({ t: 'param', v: m![1]!, at: i });
        i += m![0].length;
      }
    } else if (/[0-9.]/.test(c) && /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.test(text.slice(i))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i))!;
      tokens.push({ t: 'num', v: m[0], at: i });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      tokens.push({ t: 'name', v: m[0], at: i });
      i += m[0].length;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (!op) fail(`'${c}' is no part of QuickSight's expressions`);
      tokens.push({ t: 'op', v: op!, at: i });
      i += op!.length;
    }
  }
  tokens.push({ t: 'end', v: '', at: text.length });
  return tokens;
}

const COMPARISONS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);

export function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i]!;
  const word = (w: string) => peek().t === 'name' && peek().v.toUpperCase() === w;
  const fail = (message: string): never => {
    const token = peek();
    throw new ExpressionSyntaxError(`${message} at character ${token.at + 1}${token.t === 'end' ? ' (the end)' : ` ('${token.v}')`}`, token.at);
  };
  const expect = (v: string) => {
    if (peek().t !== 'op' || peek().v !== v) fail(`expected '${v}'`);
    i++;
  };
  const or = (): Expr => {
    let left = and();
    while (word('OR')) {
      i++;
      left = { k: 'bin', op: 'OR', l: left, r: and() };
    }
    return left;
  };
  const and = (): Expr => {
    let left = not();
    while (word('AND')) {
      i++;
      left = { k: 'bin', op: 'AND', l: left, r: not() };
    }
    return left;
  };
  const not = (): Expr => {
    if (word('NOT')) {
      i++;
      return { k: 'not', e: not() };
    }
    return compare();
  };
  const compare = (): Expr => {
    let left = add();
    while (peek().t === 'op' && COMPARISONS.has(peek().v)) {
      const op = peek().v === '!=' ? '<>' : peek().v;
      i++;
      left = { k: 'bin', op, l: left, r: add() };
    }
    return left;
  };
  const add = (): Expr => {
    let left = mul();
    while (peek().t === 'op' && (peek().v === '+' || peek().v === '-')) {
      const op = peek().v;
      i++;
      left = { k: 'bin', op, l: left, r: mul() };
    }
    return left;
  };
  const mul = (): Expr => {
    let left = unary();
    while (peek().t === 'op' && (peek().v === '*' || peek().v === '/' || peek().v === '%')) {
      const op = peek().v;
      i++;
      left = { k: 'bin', op, l: left, r: unary() };
    }
    return left;
  };
  const unary = (): Expr => {
    if (peek().t === 'op' && (peek().v === '-' || peek().v === '+')) {
      const minus = peek().v === '-';
      i++;
      const e = unary();
      return minus ? { k: 'neg', e } : e;
    }
    return power();
  };
  const power = (): Expr => {
    const base = primary();
    if (peek().t === 'op' && peek().v === '^') {
      i++;
      return { k: 'bin', op: '^', l: base, r: unary() };
    }
    return base;
  };
  const items = (close: string): Expr[] => {
    const list: Expr[] = [];
    if (peek().t === 'op' && peek().v === close) return list;
    for (;;) {
      const e = or();
      if (word('ASC') || word('DESC')) {
        list.push({ k: 'sort', e, dir: peek().v.toUpperCase() as 'ASC' | 'DESC' });
        i++;
      } else list.push(e);
      if (peek().t === 'op' && peek().v === ',') i++;
      else return list;
    }
  };
  const primary = (): Expr => {
    const token = peek();
    switch (token.t) {
      case 'num':
        i++;
        return { k: 'num', v: Number(token.v) };
      case 'str':
        i++;
        return { k: 'str', v: token.v };
      case 'col':
        i++;
        return { k: 'col', name: token.v };
      case 'param':
        i++;
        return { k: 'param', name: token.v };
      case 'name': {
        i++;
        if (peek().t === 'op' && peek().v === '(') {
          i++;
          const args = items(')');
          expect(')');
          return { k: 'call', fn: token.v, args };
        }
        const upper = token.v.toUpperCase();
        if (upper === 'NULL') return { k: 'null' };
        if (['AND', 'OR', 'NOT', 'ASC', 'DESC'].includes(upper)) {
          i--;
          return fail(`'${token.v}' where a value was expected`);
        }
        return { k: 'col', name: token.v, bare: true };
      }
      case 'op':
        if (token.v === '(') {
          i++;
          const inner = or();
          expect(')');
          return inner;
        }
        if (token.v === '[') {
          i++;
          const list = items(']');
          expect(']');
          return { k: 'list', items: list };
        }
        return fail('a value was expected');
      case 'end':
        return fail('the expression ends where a value was expected');
    }
  };
  if (peek().t === 'end') fail('the expression is empty');
  const expr = or();
  if (peek().t !== 'end') fail('unexpected text after the expression');
  return expr;
}
