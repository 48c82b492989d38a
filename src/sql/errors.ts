/**
 * A problem with a query, named and placed as Athena (Trino) reports it:
 * `COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved`.
 */

/** Trino's error names (the subset trailsight reports), as Athena shows them before the message. */
export type SqlErrorCode =
  | 'SYNTAX_ERROR'
  | 'NOT_SUPPORTED'
  | 'TABLE_NOT_FOUND'
  | 'SCHEMA_NOT_FOUND'
  | 'CATALOG_NOT_FOUND'
  | 'COLUMN_NOT_FOUND'
  | 'AMBIGUOUS_NAME'
  | 'FUNCTION_NOT_FOUND'
  | 'TYPE_MISMATCH'
  | 'TYPE_NOT_FOUND'
  | 'INVALID_LITERAL'
  | 'INVALID_CAST_ARGUMENT'
  | 'INVALID_FUNCTION_ARGUMENT'
  | 'INVALID_PARAMETER_USAGE'
  | 'EXPRESSION_NOT_AGGREGATE'
  | 'EXPRESSION_NOT_CONSTANT'
  | 'MISSING_GROUP_BY'
  | 'MISSING_OVER'
  | 'FUNCTION_NOT_WINDOW'
  | 'FUNCTION_NOT_AGGREGATE'
  | 'EXPRESSION_NOT_SCALAR'
  | 'MISSING_COLUMN_NAME'
  | 'NESTED_AGGREGATION'
  | 'NESTED_WINDOW'
  | 'INVALID_WINDOW_FRAME'
  | 'INVALID_WINDOW_REFERENCE'
  | 'MISMATCHED_COLUMN_ALIASES'
  | 'DUPLICATE_COLUMN_NAME'
  | 'DUPLICATE_NAMED_QUERY'
  | 'INVALID_COLUMN_REFERENCE'
  | 'INVALID_ORDINAL'
  | 'DIVISION_BY_ZERO'
  | 'NUMERIC_VALUE_OUT_OF_RANGE'
  | 'INVALID_TABLE_PROPERTY'
  | 'GENERIC_USER_ERROR'
  | 'EXCEEDED_LIMIT';

export class SqlError extends Error {
  constructor(
    readonly code: SqlErrorCode,
    /** The message without its code or place. */
    readonly detail: string,
    /** Offset in the SQL text the problem is at, when it has a place. */
    readonly offset?: number,
    /** The dotted name the problem is about (a column that cannot be resolved), lower case. */
    readonly subject?: readonly string[],
  ) {
    super(detail);
    this.name = 'SqlError';
  }

  /** `CODE: line L:C: detail`, placed in `text` (the SQL the offset counts in). */
  describe(text: string): string {
    const place = this.offset === undefined ? undefined : lineAndColumn(text, this.offset);
    return `${this.code}: ${place ? `line ${place.line}:${place.column}: ` : ''}${this.detail}`;
  }
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}
