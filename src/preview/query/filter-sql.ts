import type { CategoryMatch, FilterModel, NullOption, Scalar } from '../dashboard-model.ts';
import { likePattern, quoteIdentifier, quoteValue } from './sql-text.ts';

/**
 * A static filter as a SQL predicate over `ds`, following QuickSight's semantics
 * (null handling by NullOption; "select all" lists keep every value).
 * Returns undefined for filters that keep every row.
 */
export function filterPredicate(filter: FilterModel): string | undefined {
  if (filter.interactive) throw new Error(`filter ${filter.id} is bound to a parameter or control: it is applied in the page`);
  const column = quoteIdentifier(filter.column);
  const condition = filter.condition;
  let test: string | undefined;
  switch (condition.kind) {
    case 'category':
      test = condition.values === undefined ? undefined : categoryTest(column, condition.match, condition.values);
      break;
    case 'equals':
      test =
        condition.value === undefined ? undefined : `${column} ${condition.match === 'EQUALS' ? '=' : '<>'} ${quoteValue(condition.value, filter.columnType)}`;
      break;
    case 'range': {
      const parts: string[] = [];
      if (condition.min && 'value' in condition.min)
        parts.push(`${column} ${condition.includeMin ? '>=' : '>'} ${quoteValue(condition.min.value, filter.columnType)}`);
      if (condition.max && 'value' in condition.max)
        parts.push(`${column} ${condition.includeMax ? '<=' : '<'} ${quoteValue(condition.max.value, filter.columnType)}`);
      test = parts.length ? parts.join(' AND ') : undefined;
      break;
    }
  }
  return withNulls(column, test, filter.nullOption);
}

function categoryTest(column: string, match: CategoryMatch, values: readonly Scalar[]): string {
  const texts = values.map(String);
  switch (match) {
    case 'EQUALS':
      return `${column} IN (${texts.map((v) => quoteValue(v, 'category')).join(', ')})`;
    case 'DOES_NOT_EQUAL':
      return `${column} NOT IN (${texts.map((v) => quoteValue(v, 'category')).join(', ')})`;
    case 'CONTAINS':
      return `(${texts.map((v) => `${column} LIKE ${likePattern(v, 'contains')}`).join(' OR ')})`;
    case 'DOES_NOT_CONTAIN':
      return `NOT (${texts.map((v) => `${column} LIKE ${likePattern(v, 'contains')}`).join(' OR ')})`;
    case 'STARTS_WITH':
      return `(${texts.map((v) => `${column} LIKE ${likePattern(v, 'starts')}`).join(' OR ')})`;
    case 'ENDS_WITH':
      return `(${texts.map((v) => `${column} LIKE ${likePattern(v, 'ends')}`).join(' OR ')})`;
  }
}

function withNulls(column: string, test: string | undefined, option: NullOption): string | undefined {
  switch (option) {
    case 'NULLS_ONLY':
      return `${column} IS NULL`;
    case 'NON_NULLS_ONLY':
      return test ? `(${column} IS NOT NULL AND ${test})` : `${column} IS NOT NULL`;
    case 'ALL_VALUES':
      return test ? `(${column} IS NULL OR ${test})` : undefined;
  }
}
