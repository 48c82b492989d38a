import { CST, Parser } from 'yaml';

/** A bracket or quote that opens in the YAML text and is never closed, with where it opens. */
export interface Unclosed {
  readonly offset: number;
  readonly kind: 'sequence' | 'mapping' | 'string';
  readonly message: string;
}

/**
 * The flow collections (`[`, `{`) and quoted strings that are never closed. The `yaml` package reports
 * them where it gave up — often past the last line — so lint reports them where they open instead.
 */
export function findUnclosed(text: string): Unclosed[] {
  const found: Unclosed[] = [];
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const node of [item.key, item.value]) {
        const unclosed = node && unclosedAt(node);
        if (unclosed) found.push(unclosed);
      }
    });
    const root = token.value && unclosedAt(token.value);
    if (root && !found.some((u) => u.offset === root.offset)) found.push(root);
  }
  return found.sort((a, b) => a.offset - b.offset);
}

function unclosedAt(token: CST.Token): Unclosed | undefined {
  if (token.type === 'flow-collection') {
    const sequence = token.start.source === '[';
    const close = sequence ? ']' : '}';
    if (token.end.some((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end')) return undefined;
    return {
      offset: token.start.offset,
      kind: sequence ? 'sequence' : 'mapping',
      message: `'${token.start.source}' is never closed: a flow ${sequence ? 'list' : 'mapping'} must end with '${close}' (and its lines be indented more than its key)`,
    };
  }
  if (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') {
    const quote = token.source[0] ?? '"';
    if (closesQuote(token.source, quote)) return undefined;
    return { offset: token.offset, kind: 'string', message: `the string opened by ${quote} here is never closed (missing the closing ${quote})` };
  }
  return undefined;
}

/** Whether a quoted scalar's source ends with its closing quote (`''` and `\"` are escapes, not the end). */
function closesQuote(source: string, quote: string): boolean {
  let i = 1;
  while (i < source.length) {
    const c = source[i];
    if (quote === '"' && c === '\\') i += 2;
    else if (c === quote && quote === "'" && source[i + 1] === "'") i += 2;
    else if (c === quote) return i === source.length - 1 || source.slice(i + 1).trim() === '';
    else i++;
  }
  return false;
}
