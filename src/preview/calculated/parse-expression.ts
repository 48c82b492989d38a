/**
 * QuickSight calculated-field expressions (the part the preview evaluates): numbers, strings,
 * `{column}`, function calls, + - * /, comparisons, AND / OR / NOT, parentheses.
 */
export type Expr =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'col'; readonly name: string }
  | { readonly k: 'param'; readonly name: string }
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly Expr[] }
  | { readonly k: 'bin'; readonly op: string; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'neg'; readonly e: Expr }
  | { readonly k: 'not'; readonly e: Expr };

type Token = { t: 'num' | 'str' | 'col' | 'param' | 'name' | 'op'; v: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s+|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\$\{([^}]*)\}|\{([^}]*)\}|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([A-Za-z_][A-Za-z0-9_]*)|(<>|!=|<=|>=|[-+*/(),=<>])/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m) throw new Error(`cannot read the expression at "${text.slice(at, at + 20)}"`);
    at = pattern.lastIndex;
    if (m[1] !== undefined) tokens.push({ t: 'num', v: m[1] });
    else if (m[2] !== undefined) tokens.push({ t: 'param', v: m[2].trim() });
    else if (m[3] !== undefined) tokens.push({ t: 'col', v: m[3] });
    else if (m[4] !== undefined || m[5] !== undefined) tokens.push({ t: 'str', v: (m[4] ?? m[5]!).replace(/\\(.)/g, '$1') });
    else if (m[6] !== undefined) tokens.push({ t: 'name', v: m[6] });
    else if (m[7] !== undefined) tokens.push({ t: 'op', v: m[7] });
  }
  return tokens;
}

const PRECEDENCE: Record<string, number> = { OR: 1, AND: 2, '=': 4, '<>': 4, '!=': 4, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6 };

export function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const expect = (v: string) => {
    if (tokens[i]?.v !== v) throw new Error(`expected "${v}" in the expression`);
    i++;
  };
  const operator = (): string | undefined => {
    const token = peek();
    if (!token) return undefined;
    if (token.t === 'op' && token.v in PRECEDENCE) return token.v;
    if (token.t === 'name' && (token.v.toUpperCase() === 'AND' || token.v.toUpperCase() === 'OR')) return token.v.toUpperCase();
    return undefined;
  };
  const binary = (min: number): Expr => {
    let left = unary();
    for (let op = operator(); op && PRECEDENCE[op]! >= min; op = operator()) {
      i++;
      left = { k: 'bin', op: op === '!=' ? '<>' : op, l: left, r: binary(PRECEDENCE[op]! + 1) };
    }
    return left;
  };
  const unary = (): Expr => {
    const token = peek();
    if (token?.t === 'op' && token.v === '-') {
      i++;
      return { k: 'neg', e: unary() };
    }
    if (token?.t === 'name' && token.v.toUpperCase() === 'NOT') {
      i++;
      return { k: 'not', e: unary() };
    }
    return primary();
  };
  const primary = (): Expr => {
    const token = tokens[i++];
    if (!token) throw new Error('the expression ends too early');
    if (token.t === 'num') return { k: 'num', v: Number(token.v) };
    if (token.t === 'str') return { k: 'str', v: token.v };
    if (token.t === 'col') return { k: 'col', name: token.v };
    if (token.t === 'param') return { k: 'param', name: token.v };
    if (token.t === 'op' && token.v === '(') {
      const inner = binary(1);
      expect(')');
      return inner;
    }
    if (token.t === 'name' && peek()?.v === '(') {
      i++;
      const args: Expr[] = [];
      if (peek()?.v !== ')') {
        args.push(binary(1));
        while (peek()?.v === ',') {
          i++;
          args.push(binary(1));
        }
      }
      expect(')');
      return { k: 'call', fn: token.v, args };
    }
    throw new Error(`unexpected "${token.v}" in the expression`);
  };
  const expr = binary(1);
  if (i < tokens.length) throw new Error(`unexpected "${tokens[i]!.v}" in the expression`);
  return expr;
}
