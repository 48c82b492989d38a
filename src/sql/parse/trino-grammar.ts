/**
 * Trino's own grammar (SqlBase.g4 of Trino 450, as dt-sql-parser generates it for ANTLR 4), run on
 * a text. The parse tree it returns is turned into trailsight's tree by build-*.ts.
 *
 * ANTLR's two-stage parse: first SLL prediction with no error recovery (BailErrorStrategy, which also
 * skips resynchronising at each decision), exact for almost every query and much faster; only when it
 * fails is the text parsed again with full LL and the default error strategy, so a real syntax error
 * is always found, placed and worded by that second pass.
 */
import {
  BailErrorStrategy,
  BaseErrorListener,
  CharStreams,
  CommonTokenStream,
  NoViableAltException,
  ParseCancellationException,
  PredictionMode,
  type ATNSimulator,
  type Parser,
  type RecognitionException,
  type Recognizer,
  type Token,
} from 'antlr4ng';
import { TrinoSqlLexer } from 'dt-sql-parser/dist/lib/trino/TrinoSqlLexer.js';
import { TrinoSqlParser, type SingleStatementContext } from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js';
import { SqlError } from '../errors.ts';

/** The first syntax error, as Trino words it: `mismatched input 'FROM'. Expecting: …`. */
class FirstError extends BaseErrorListener {
  error?: SqlError;

  constructor(private readonly text: string) {
    super();
  }

  override syntaxError<S extends Token, T extends ATNSimulator>(
    recognizer: Recognizer<T>,
    offending: S | null,
    _line: number,
    _column: number,
    message: string,
    exception: RecognitionException | null,
  ): void {
    if (this.error) return;
    const offset = offending ? offending.start : lexerOffset(recognizer);
    this.error = new SqlError('SYNTAX_ERROR', trinoMessage(recognizer, offending, message, exception, this.text), offset);
  }
}

function lexerOffset<T extends ATNSimulator>(recognizer: Recognizer<T>): number {
  const input = (recognizer as unknown as { inputStream?: { index: number } }).inputStream;
  return input?.index ?? 0;
}

/** Keywords worth naming beside `<expression>`: the ones that end or join clauses. */
const CLAUSE_WORDS = new Set([
  "','",
  "')'",
  "'*'",
  "'ALL'",
  "'DISTINCT'",
  "'FROM'",
  "'WHERE'",
  "'GROUP'",
  "'HAVING'",
  "'ORDER'",
  "'LIMIT'",
  "'OFFSET'",
  "'AS'",
  "'AND'",
  "'OR'",
  "'ON'",
  "'USING'",
  "'JOIN'",
  "'WHEN'",
  "'THEN'",
  "'ELSE'",
  "'END'",
  "'UNION'",
  "'EXCEPT'",
  "'INTERSECT'",
  "'BY'",
  '<EOF>',
]);
const SHOWN_EXPECTED = 30;

function trinoMessage<T extends ATNSimulator>(
  recognizer: Recognizer<T>,
  offending: Token | null,
  antlrMessage: string,
  exception: RecognitionException | null,
  text: string,
): string {
  if (!offending) {
    // The lexer: an unterminated string or quoted name, or a character Trino has no token for.
    const at = antlrMessage.match(/token recognition error at: '(.*)'$/s)?.[1];
    return at !== undefined ? `token recognition error at: '${at}'` : antlrMessage;
  }
  const input = offending.type === -1 ? '<EOF>' : text.slice(offending.start, offending.stop + 1);
  const parser = recognizer as unknown as Parser;
  // A prediction that failed past where it began knows only what it expected at its start: say no more than Trino can stand by.
  if (exception instanceof NoViableAltException && exception.startToken && exception.startToken.tokenIndex !== offending.tokenIndex) {
    return `mismatched input '${input}'`;
  }
  let expected: string[] = [];
  try {
    const set = exception?.getExpectedTokens() ?? parser.getExpectedTokens();
    expected = [...new Set(set.toArray().map((type) => displayToken(parser, type)))];
  } catch {
    expected = [];
  }
  if (expected.length === 0) expected = ['<EOF>'];
  return `mismatched input '${input}'. Expecting: ${summarize(expected).join(', ')}`;
}

/** Token names as Trino's messages show them: keywords quoted, the rest as `<identifier>`-style classes. */
function displayToken(parser: Parser, type: number): string {
  if (type === -1) return '<EOF>';
  const literal = parser.vocabulary.getLiteralName(type);
  if (literal) return literal.toUpperCase();
  const symbolic = parser.vocabulary.getSymbolicName(type) ?? String(type);
  if (symbolic === 'NEQ') return "'<>'";
  if (symbolic.startsWith('KW_')) return `'${symbolic.slice(3)}'`;
  if (/IDENTIFIER/.test(symbolic)) return '<identifier>';
  if (/STRING/.test(symbolic)) return '<string>';
  if (/VALUE$|LITERAL$/.test(symbolic)) return '<literal>';
  return `<${symbolic.toLowerCase()}>`;
}

/** Where an expression may start, Trino says `<expression>` instead of every word that can start one. */
function summarize(expected: readonly string[]): string[] {
  const startsExpression = expected.includes("'CASE'") && expected.includes("'CAST'");
  if (startsExpression) return [...expected.filter((e) => CLAUSE_WORDS.has(e)), '<expression>'];
  if (expected.length <= SHOWN_EXPECTED) return [...expected];
  // Every non-reserved word can be a name here: name the clause words and the classes.
  const short = expected.filter((e) => CLAUSE_WORDS.has(e) || e.startsWith('<'));
  return short.length > 0 ? short : [...expected];
}

/** The statements of the text by Trino's `program` rule (statements, then the end of the text). */
function statementsOf(parser: TrinoSqlParser): SingleStatementContext[] {
  return parser
    .program()
    .statements()
    .map((s) => s.singleStatement());
}

function parserOf(text: string, listener: FirstError): TrinoSqlParser {
  const lexer = new TrinoSqlLexer(CharStreams.fromString(text));
  lexer.removeErrorListeners();
  lexer.addErrorListener(listener);
  const parser = new TrinoSqlParser(new CommonTokenStream(lexer));
  parser.removeErrorListeners();
  return parser;
}

/** The first pass: the statements, or nothing at the first syntax error (the second pass then finds it). */
function parseFast(text: string): SingleStatementContext[] | undefined {
  const lexerErrors = new FirstError(text);
  const parser = parserOf(text, lexerErrors);
  parser.errorHandler = new BailErrorStrategy();
  parser.interpreter.predictionMode = PredictionMode.SLL;
  try {
    const statements = statementsOf(parser);
    return lexerErrors.error ? undefined : statements;
  } catch (error) {
    if (error instanceof ParseCancellationException) return undefined;
    throw error;
  }
}

/**
 * The second pass, with full LL prediction and every error reported: by the `program` rule, anchored
 * at the end, so a syntax error is reported where it is, as Trino's own `statement EOF` rule does
 * (several statements parse, and are refused by the caller: Athena runs one per query); or by the
 * `statement` rule, to say what a statement may start with.
 */
function parseReported(text: string, rule: 'program' | 'statement' = 'program'): { statements: SingleStatementContext[]; error?: SqlError } {
  const listener = new FirstError(text);
  const parser = parserOf(text, listener);
  parser.addErrorListener(listener);
  parser.interpreter.predictionMode = PredictionMode.LL;
  const statements = rule === 'program' ? statementsOf(parser) : [parser.singleStatement()];
  return { statements, ...(listener.error ? { error: listener.error } : {}) };
}

/**
 * The trees of the texts parsed last, newest last. One query is parsed more than once on its way:
 * the endpoint's Athena asks what kind of statement it is, then the engine parses it to run it; a
 * cold local publish over 200 k events parsed its ~120 dashboard queries ~3 times each, ~5 s of
 * ANTLR in all (2026-12-07). The tree is only read (build-*.ts make trailsight's tree from it), and
 * only a text that parsed is kept.
 */
const RECENT_TREES = new Map<string, SingleStatementContext>();
const RECENT_TREES_KEPT = 16;

/** Forgets the trees kept (the CLI's startup snapshot keeps none of the texts its build parsed). */
export function forgetRecentTrees(): void {
  RECENT_TREES.clear();
}

/** Parses one statement (an optional `;` may end it); throws a SqlError (SYNTAX_ERROR) with its place. */
export function parseStatementTree(text: string): SingleStatementContext {
  const recent = RECENT_TREES.get(text);
  if (recent) {
    // Newest last: the Map keeps insertion order.
    RECENT_TREES.delete(text);
    RECENT_TREES.set(text, recent);
    return recent;
  }
  const tree = parseStatementTreeAfresh(text);
  RECENT_TREES.set(text, tree);
  if (RECENT_TREES.size > RECENT_TREES_KEPT) RECENT_TREES.delete(RECENT_TREES.keys().next().value!);
  return tree;
}

function parseStatementTreeAfresh(text: string): SingleStatementContext {
  const fast = parseFast(text);
  const { statements, error } = fast ? { statements: fast, error: undefined } : parseReported(text);
  // Nothing parsed at all: what a statement may start with says more than "expecting the end".
  if (error && statements.length === 0) throw parseReported(text, 'statement').error ?? error;
  if (error) throw error;
  if (statements.length === 0) throw new SqlError('SYNTAX_ERROR', "mismatched input '<EOF>'. Expecting: <query>", text.length);
  if (statements.length > 1) throw new SqlError('SYNTAX_ERROR', 'Only one sql statement is allowed', statements[1]!.start?.start ?? 0);
  return statements[0]!;
}
