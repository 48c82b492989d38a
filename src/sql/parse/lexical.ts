/**
 * The mistakes people make most while typing SQL into a YAML file — a string or quoted name left
 * open, a parenthesis too many or too few — found with Trino's own lexer, to say so in plain words
 * where a parser can only say what it did not expect.
 */
import { CharStreams, type Token } from 'antlr4ng';
import { TrinoSqlLexer } from 'dt-sql-parser/dist/lib/trino/TrinoSqlLexer.js';

export interface LexicalProblem {
  readonly offset: number;
  readonly message: string;
}

export function lexicalProblem(text: string): LexicalProblem | undefined {
  const lexer = new TrinoSqlLexer(CharStreams.fromString(text));
  lexer.removeErrorListeners();
  const open: number[] = [];
  for (let token: Token = lexer.nextToken(); token.type !== -1; token = lexer.nextToken()) {
    const value = token.text ?? '';
    if (value === "'" || /^[uU]&'$/.test(value)) return { offset: token.start, message: 'unterminated string literal' };
    if (value === '"') return { offset: token.start, message: 'unterminated quoted name' };
    if (value === '(') open.push(token.start);
    else if (value === ')') {
      if (open.length === 0) return { offset: token.start, message: "unmatched ')'" };
      open.pop();
    }
  }
  const unclosed = open.pop();
  return unclosed === undefined ? undefined : { offset: unclosed, message: "'(' is never closed" };
}
