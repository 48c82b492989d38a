import assert from 'node:assert/strict';
import { filterKind } from '../../src/language/filter-kind.ts';

describe('language: the QuickSight filter a spec filter becomes (filter-kind.ts)', () => {
  it('a boolean column is the integer QuickSight makes of it: equals 1 or 0 (or a parameter) is a numeric equality, a list of words is refused', () => {
    assert.deepEqual(filterKind({ id: 'f', column: 'is_root', equals: [1] }, 'boolean'), { kind: 'numeric-equality' });
    assert.deepEqual(filterKind({ id: 'f', column: 'is_root', notEquals: [0] }, 'boolean'), { kind: 'numeric-equality' });
    assert.deepEqual(filterKind({ id: 'f', column: 'is_root', equals: { parameter: 'p' } }, 'boolean'), { kind: 'numeric-equality' });
    assert.deepEqual(filterKind({ id: 'f', column: 'is_root', equals: ['true'] }, 'boolean'), {
      problem: "'is_root' is a boolean column, which QuickSight makes an integer (1 true, 0 false): equals takes 1, 0 or a parameter",
      at: 'condition',
    });
    assert.deepEqual(filterKind({ id: 'f', column: 'name', equals: ['x'] }, 'string'), { kind: 'category-list' });
  });
});
