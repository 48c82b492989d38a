/**
 * Query failures as Athena reports them: `COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved`.
 * Problems the SQL layer finds before anything runs carry Trino's name and place already; what
 * DuckDB reports while running (a division by zero, a bad cast of a value) is named here.
 */
import { SqlError, lineAndColumn } from '../../sql/index.ts';

/** A failed query, with Athena's error category and the place in the SQL when known. */
export class EngineQueryError extends Error {
  constructor(
    message: string,
    /** Athena's error category, e.g. COLUMN_NOT_FOUND, TABLE_NOT_FOUND, SYNTAX_ERROR. */
    readonly errorType: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    /** The message this came from (DuckDB's, for failures while running). */
    readonly detail: string,
  ) {
    super(message);
    this.name = 'EngineQueryError';
  }
}

interface Rule {
  readonly pattern: RegExp;
  readonly type: string;
  readonly message: (match: RegExpExecArray) => string;
}

/** DuckDB's run-time failures under Trino's names. */
const RUNTIME: readonly Rule[] = [
  { pattern: /Division by zero/, type: 'DIVISION_BY_ZERO', message: () => 'Division by zero' },
  {
    pattern: /Could not convert string '([^']*)' to ([A-Z0-9_]+)/,
    type: 'INVALID_CAST_ARGUMENT',
    message: (m) => `Cannot cast '${m[1]}' to ${m[2]!.toLowerCase()}`,
  },
  { pattern: /^Conversion Error: (.*)/, type: 'INVALID_CAST_ARGUMENT', message: (m) => m[1]! },
  { pattern: /Cannot cast value to IPADDRESS: (.*)/, type: 'INVALID_CAST_ARGUMENT', message: (m) => `Cannot cast value to IPADDRESS: ${m[1]}` },
  { pattern: /(Array subscript .*|SQL array indices start at 1|Key not present in map: .*)/, type: 'INVALID_FUNCTION_ARGUMENT', message: (m) => m[1]! },
  { pattern: /More than one row returned by a subquery/, type: 'SUBQUERY_MULTIPLE_ROWS', message: () => 'Scalar sub-query has returned multiple rows' },
  { pattern: /Overflow in .*|out of range/i, type: 'NUMERIC_VALUE_OUT_OF_RANGE', message: (m) => m[0]! },
  { pattern: /Malformed JSON|JSON .*parse/i, type: 'INVALID_FUNCTION_ARGUMENT', message: (m) => m[0]! },
  {
    pattern: /invalid perl operator|missing argument to repetition operator|invalid escape sequence|missing \)|trailing \\/,
    type: 'INVALID_FUNCTION_ARGUMENT',
    message: (m) => `Invalid regular expression: ${m[0]}`,
  },
  { pattern: /^(?:Invalid Input|Out of Range) Error: (.*)/, type: 'INVALID_FUNCTION_ARGUMENT', message: (m) => m[1]! },
];

/** Turns whatever a query threw into an EngineQueryError placed in `sql`. */
export function toQueryError(error: Error, sql: string): EngineQueryError {
  if (error instanceof EngineQueryError) return error;
  if (error instanceof SqlError) {
    const place = error.offset === undefined ? undefined : lineAndColumn(sql, error.offset);
    return new EngineQueryError(error.describe(sql), error.code, place?.line, place?.column, error.detail);
  }
  const detail = error.message;
  const firstLine = detail.split('\n')[0] ?? '';
  for (const rule of RUNTIME) {
    const match = rule.pattern.exec(firstLine);
    if (match) return new EngineQueryError(`${rule.type}: ${rule.message(match)}`, rule.type, undefined, undefined, detail);
  }
  const text = firstLine.replace(/^[A-Za-z ]+ Error: /, '');
  return new EngineQueryError(`GENERIC_INTERNAL_ERROR: ${text}`, 'GENERIC_INTERNAL_ERROR', undefined, undefined, detail);
}
