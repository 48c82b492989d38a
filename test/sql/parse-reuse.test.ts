import assert from 'node:assert/strict';
import { forgetRecentTrees, parseQuery, statementKind } from '../../src/sql/index.ts';
import { parseStatementTree } from '../../src/sql/parse/trino-grammar.ts';

/**
 * A query is parsed more than once on its way through the endpoint (its statement kind, then the
 * engine's run): the grammar's tree of a text parsed lately is reused, and must give what a fresh
 * parse gives.
 */
describe('sql: the trees of texts parsed lately are reused', () => {
  beforeEach(forgetRecentTrees);

  it('the same text gives the same tree, and the same query as parsed afresh', () => {
    const text = `WITH ds AS (SELECT eventname, count(*) AS n FROM cloudtrail_logs WHERE "timestamp" >= '2024/11/01' GROUP BY 1) SELECT * FROM ds ORDER BY n DESC`;
    assert.equal(statementKind(text), 'query');
    const tree = parseStatementTree(text);
    assert.equal(parseStatementTree(text), tree, 'reused');
    const reused = parseQuery(text);
    forgetRecentTrees();
    assert.notEqual(parseStatementTree(text), tree, 'parsed afresh once forgotten');
    assert.deepEqual(parseQuery(text), reused);
  });

  it('a text that does not parse is refused every time, the same way', () => {
    const text = 'SELECT FROM WHERE';
    const first = (() => {
      try {
        parseQuery(text);
      } catch (error) {
        return error as Error;
      }
      return undefined;
    })();
    assert.ok(first, 'refused');
    assert.throws(() => parseQuery(text), { message: first.message });
  });

  it('keeps the last 16 texts: an older one is parsed again', () => {
    const texts = Array.from({ length: 17 }, (_, i) => `SELECT ${i} AS n`);
    const trees = texts.map((t) => parseStatementTree(t));
    assert.equal(parseStatementTree(texts[16]!), trees[16]);
    assert.equal(parseStatementTree(texts[1]!), trees[1]);
    assert.notEqual(parseStatementTree(texts[0]!), trees[0], 'the oldest was dropped');
  });
});
