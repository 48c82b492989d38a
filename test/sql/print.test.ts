/**
 * The Trino printer: a printed tree parses back to the same tree, and runs to the same answer.
 * Checked on every query of the public corpus (test/sql/corpus).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseExpression, parseQuery, printExpression, printQuery } from '../../src/sql/index.ts';

const QUERIES = fileURLToPath(new URL('./corpus/queries/', import.meta.url));

/** The tree without positions (printing moves every offset). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    // Positions move, and a name's quotes do not change it (Trino's names ignore case, quoted or not).
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'at' && key !== 'end' && key !== 'quoted')
        .map(([key, v]) => [key, shape(v)]),
    );
  }
  return value;
}

describe('sql: printing a tree as Trino SQL', () => {
  for (const file of readdirSync(QUERIES)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    it(`round-trips ${file}`, () => {
      const { query } = parseQuery(readFileSync(join(QUERIES, file), 'utf8'));
      const printed = printQuery(query);
      assert.deepEqual(shape(parseQuery(printed).query), shape(query), printed);
    });
  }

  it('quotes names that would read back otherwise, and keeps strings data', () => {
    const e = parseExpression(`"Select" || "a b" || 'it''s -- not a comment' || "x""y" || U&'\\0041'`);
    assert.equal(printExpression(e), `"Select" || "a b" || 'it''s -- not a comment' || "x""y" || 'A'`);
  });

  it('puts parentheses only where the tree needs them', () => {
    for (const [text, printed] of [
      ['a - (b - c)', 'a - (b - c)'],
      ['(a - b) - c', 'a - b - c'],
      ['a * (b + c)', 'a * (b + c)'],
      ['NOT (a AND b) OR c', 'NOT (a AND b) OR c'],
      ['a OR (b OR c)', 'a OR (b OR c)'],
      ["(x || 'y') = 'z'", "x || 'y' = 'z'"],
      ['-(a + b)', '-(a + b)'],
      ['- -5', '-(-5)'],
      ['(a AND b) IS NULL', '(a AND b) IS NULL'],
    ]) {
      const tree = parseExpression(text!);
      assert.equal(printExpression(tree), printed, text);
      assert.deepEqual(shape(parseExpression(printExpression(tree))), shape(tree), text);
    }
  });

  it('renames the tables it is told to, not WITH queries of the same name', () => {
    const { query } = parseQuery('WITH cloudtrail_logs AS (SELECT 1 AS x) SELECT * FROM cloudtrail_logs, default.cloudtrail_logs');
    const printed = printQuery(query, { table: (parts) => (parts.at(-1) === 'cloudtrail_logs' ? '"db"."t"' : undefined) });
    assert.equal(printed, 'WITH cloudtrail_logs AS (SELECT 1 AS x) SELECT * FROM cloudtrail_logs, "db"."t"');
  });
});
