/** A minimal SQL tokenizer: enough to rewrite text without touching strings, quoted names or comments. */
export interface Token {
  kind: 'space' | 'comment' | 'string' | 'quoted' | 'word' | 'number' | 'punct';
  text: string;
}

const PATTERNS: [Token['kind'], RegExp][] = [
  ['space', /\s+/y],
  ['comment', /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/y],
  ['string', /[eE]?'(?:[^']|'')*(?:'|$)/y],
  ['quoted', /"(?:[^"]|"")*(?:"|$)/y],
  ['word', /[A-Za-z_][A-Za-z0-9_$]*/y],
  ['number', /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y],
];

/** Splits SQL into tokens whose texts concatenate back to the input exactly. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  outer: while (at < sql.length) {
    for (const [kind, pattern] of PATTERNS) {
      pattern.lastIndex = at;
      const match = pattern.exec(sql);
      if (match && match[0].length > 0) {
        tokens.push({ kind, text: match[0] });
        at += match[0].length;
        continue outer;
      }
    }
    tokens.push({ kind: 'punct', text: sql[at] });
    at += 1;
  }
  return tokens;
}
