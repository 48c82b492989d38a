import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { QUICKSIGHT_FUNCTIONS, quicksightFunction } from '../../src/quicksight/expression/functions.ts';
import { type Expr, ExpressionSyntaxError, parseExpression } from '../../src/quicksight/expression/parse-expression.ts';

interface CorpusEntry {
  readonly repo: string;
  readonly path: string;
  readonly commit: string;
  readonly licence: string;
  readonly name: string;
  readonly expression: string;
}

const CORPUS = JSON.parse(readFileSync(new URL('./corpus/calculated-expressions.json', import.meta.url), 'utf8')) as CorpusEntry[];

/** The expression as a compact S-expression, to say what was parsed in one line. */
function show(e: Expr): string {
  switch (e.k) {
    case 'num':
      return String(e.v);
    case 'str':
      return JSON.stringify(e.v);
    case 'null':
      return 'NULL';
    case 'col':
      return e.bare ? e.name : `{${e.name}}`;
    case 'param':
      return `$${e.name}`;
    case 'call':
      return `${e.fn}(${e.args.map(show).join(' ')})`;
    case 'bin':
      return `(${e.op} ${show(e.l)} ${show(e.r)})`;
    case 'neg':
      return `(- ${show(e.e)})`;
    case 'not':
      return `(NOT ${show(e.e)})`;
    case 'list':
      return `[${e.items.map(show).join(' ')}]`;
    case 'sort':
      return `${show(e.e)} ${e.dir}`;
  }
}

function calls(e: Expr, into: string[] = []): string[] {
  if (e.k === 'call') into.push(e.fn);
  for (const value of Object.values(e)) {
    if (Array.isArray(value)) value.forEach((v) => calls(v as Expr, into));
    else if (value && typeof value === 'object') calls(value as Expr, into);
  }
  return into;
}

describe("preview: QuickSight's calculated-field expressions", () => {
  it('parses operators with their precedence: OR < AND < NOT < comparison < + - < * / % < unary minus < ^', () => {
    assert.equal(show(parseExpression('1 + 2 * 3 ^ 2')), '(+ 1 (* 2 (^ 3 2)))');
    assert.equal(show(parseExpression('-2 ^ 2')), '(- (^ 2 2))');
    assert.equal(show(parseExpression('a = 1 OR b <> 2 AND NOT c != 3')), '(OR (= a 1) (AND (<> b 2) (NOT (<> c 3))))');
    assert.equal(show(parseExpression('(1 + 2) * 3 % 4 - 5 / 6')), '(- (% (* (+ 1 2) 3) 4) (/ 5 6))');
  });

  it('reads fields braced or bare, parameters as ${P} or $P, texts in single or double quotes, NULL, comments', () => {
    assert.equal(
      show(parseExpression('concat({user name}, \' \', region, "-", ${Group By}, $Suffix)')),
      'concat({user name} " " region "-" $Group By $Suffix)',
    );
    assert.equal(show(parseExpression("ifelse(isNull({x}), NULL, 'it\\'s')")), 'ifelse(isNull({x}) NULL "it\'s")');
    assert.equal(show(parseExpression('/* note */ sum({cost}) // to the end of the line\n / 2')), '(/ sum({cost}) 2)');
  });

  it('reads level-aware aggregations, table calculations with sort orders and partitions, keywords and lists', () => {
    assert.equal(show(parseExpression('sum({cost}, [{account}, region])')), 'sum({cost} [{account} region])');
    assert.equal(show(parseExpression('rank([sum({x}) DESC, {y} ASC], [{z}], PRE_AGG)')), 'rank([sum({x}) DESC {y} ASC] [{z}] PRE_AGG)');
    assert.equal(show(parseExpression('in({service}, [\'ec2\', "s3"])')), 'in({service} ["ec2" "s3"])');
    assert.equal(
      show(parseExpression('periodToDateSum({fare}, {pickup}, WEEK, parseDate("06-30-2021", "MM-dd-yyyy"))')),
      'periodToDateSum({fare} {pickup} WEEK parseDate("06-30-2021" "MM-dd-yyyy"))',
    );
  });

  it('refuses what is not its syntax, saying where', () => {
    const cases: [string, RegExp][] = [
      ['sum({cost}', /expected '\)' at character 11 \(the end\)/],
      ["concat('a", /a text opened and never closed at character 8/],
      ['{cost', /a field opened with \{ and never closed at character 1/],
      ['1 +', /the expression ends where a value was expected at character 4/],
      ['a b', /unexpected text after the expression at character 3 \('b'\)/],
      ['1 ; 2', /';' is no part of QuickSight's expressions at character 3/],
      ['', /the expression is empty/],
    ];
    for (const [text, message] of cases)
      assert.throws(
        () => parseExpression(text),
        (error: unknown) => error instanceof ExpressionSyntaxError && message.test(error.message),
        text,
      );
  });

  it('knows every function its documentation lists, in any case', () => {
    const names = Object.values(QUICKSIGHT_FUNCTIONS).flat();
    assert.equal(new Set(names.map((n) => n.toLowerCase())).size, names.length, 'no name twice');
    assert.equal(names.length, 128);
    for (const name of names) assert.equal(show(parseExpression(`${name.toUpperCase()}({x})`)), `${name.toUpperCase()}({x})`);
    assert.equal(quicksightFunction('IFELSE'), 'ifelse');
    assert.equal(quicksightFunction('ifElse'), 'ifelse');
    assert.equal(quicksightFunction('countd'), undefined);
  });

  it(`parses at least 95% of ${CORPUS.length} real calculated-field expressions, every function they call a documented one`, () => {
    assert.ok(CORPUS.length > 1000);
    for (const entry of CORPUS)
      assert.ok(entry.repo && entry.path && /^[0-9a-f]{40}$/.test(entry.commit) && entry.licence === 'MIT-0', JSON.stringify(entry).slice(0, 200));
    const failed: string[] = [];
    const unknown = new Set<string>();
    for (const entry of CORPUS) {
      try {
        for (const fn of calls(parseExpression(entry.expression))) if (!quicksightFunction(fn)) unknown.add(fn);
      } catch (error) {
        failed.push(`${entry.path} ${entry.name}: ${(error as Error).message}`);
      }
    }
    const parsed = CORPUS.length - failed.length;
    console.log(
      `      parsed ${parsed} of ${CORPUS.length} real expressions (${((100 * parsed) / CORPUS.length).toFixed(1)}%)${failed.length ? `; not: ${failed.join('; ')}` : ''}`,
    );
    assert.ok(parsed / CORPUS.length >= 0.95, failed.join('\n'));
    assert.deepEqual([...unknown], [], 'functions the documentation does not list');
  });
});
