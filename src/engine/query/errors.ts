/**
 * DuckDB errors rewritten the way Athena reports query failures:
 * `COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved`.
 */

/** A failed query, with Athena's error category and the place in the SQL when known. */
export class EngineQueryError extends Error {
  constructor(
    message: string,
    /** Athena's error category, e.g. COLUMN_NOT_FOUND, TABLE_NOT_FOUND, SYNTAX_ERROR. */
    readonly errorType: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    /** The DuckDB message this came from. */
    readonly detail: string,
  ) {
    super(message);
    this.name = 'EngineQueryError';
  }
}

interface Place {
  line: number;
  column: number;
}

/** Where DuckDB's `LINE n: <excerpt>` + caret points, as 1-based line and column of the original SQL. */
export function errorPlace(message: string, sql: string): Place | undefined {
  const match = /^LINE (\d+): (.*)\n( *)\^/m.exec(message);
  if (!match) return undefined;
  const line = Number(match[1]);
  const excerpt = match[2];
  const caret = match[3].length - `LINE ${match[1]}: `.length;
  const sqlLine = sql.split('\n')[line - 1] ?? '';
  const leading = excerpt.startsWith('...') ? 3 : 0;
  const core = excerpt.slice(leading).replace(/\.\.\.$/, '');
  const found = sqlLine.indexOf(core);
  const base = found >= 0 ? found - leading : 0;
  return { line, column: Math.max(1, base + caret + 1) };
}

interface Rule {
  pattern: RegExp;
  type: string;
  message: (match: RegExpExecArray, database: string) => string;
}

const RULES: Rule[] = [
  {
    pattern: /Referenced column "?([^"\s]+)"? not found/,
    type: 'COLUMN_NOT_FOUND',
    message: (m) => `Column '${m[1]}' cannot be resolved`,
  },
  {
    pattern: /Values list "?([^"\s]+)"? does not have a column named "?([^"\s]+)"?/,
    type: 'COLUMN_NOT_FOUND',
    message: (m) => `Column '${m[1]}.${m[2]}' cannot be resolved`,
  },
  {
    pattern: /Could not find key "([^"]+)" in struct/,
    type: 'COLUMN_NOT_FOUND',
    message: (m) => `Column '${m[1]}' cannot be resolved`,
  },
  {
    pattern: /Table with name ([^\s!]+) does not exist/,
    type: 'TABLE_NOT_FOUND',
    // Athena names the table fully: awsdatacatalog.<database>.<table>.
    message: (m, database) => {
      const parts = m[1].split('.');
      const full = [...['awsdatacatalog', database].slice(0, Math.max(0, 3 - parts.length)), ...parts].join('.');
      return `Table '${full}' does not exist`;
    },
  },
  {
    pattern: /Schema with name ([^\s!]+) does not exist/,
    type: 'SCHEMA_NOT_FOUND',
    message: (m) => `Schema '${m[1]}' does not exist`,
  },
  {
    pattern: /(?:Scalar|Aggregate|Table) Function with name ([^\s!]+) does not exist/,
    type: 'FUNCTION_NOT_FOUND',
    message: (m) => `Function '${m[1]}' not registered`,
  },
  {
    pattern: /No function matches the given name and argument types '([^(]+)\(([^)]*)\)'/,
    type: 'FUNCTION_NOT_FOUND',
    message: (m) => `Unexpected parameters (${m[2].toLowerCase()}) for function ${m[1]}`,
  },
  {
    pattern: /syntax error at or near "([^"]*)"/,
    type: 'SYNTAX_ERROR',
    message: (m) => `mismatched input '${m[1]}'`,
  },
  {
    pattern: /syntax error at end of input/,
    type: 'SYNTAX_ERROR',
    message: () => `mismatched input '<EOF>'`,
  },
  {
    pattern: /column "?([^"\s]+)"? must appear in the GROUP BY clause or must be part of an aggregate function/,
    type: 'MISSING_GROUP_BY',
    message: (m) => `'${m[1]}' must be an aggregate expression or appear in GROUP BY clause`,
  },
  {
    pattern: /^Binder Error: Cannot compare values of type (\S+) and (?:type )?(\S+)/,
    type: 'TYPE_MISMATCH',
    message: (m) => `Cannot apply operator: ${m[1].toLowerCase()} = ${m[2].toLowerCase()}`,
  },
  {
    pattern: /^Conversion Error: (.*)/,
    type: 'INVALID_CAST_ARGUMENT',
    message: (m) => m[1],
  },
  {
    pattern: /^(?:Invalid Input|Out of Range) Error: (.*)/,
    type: 'INVALID_FUNCTION_ARGUMENT',
    message: (m) => m[1],
  },
];

/** Turns whatever DuckDB threw into an EngineQueryError. */
export function toQueryError(error: Error, sql: string, database = 'default'): EngineQueryError {
  if (error instanceof EngineQueryError) return error;
  const detail = error.message;
  const firstLine = detail.split('\n')[0];
  const place = errorPlace(detail, sql);
  const where = place ? `line ${place.line}:${place.column}: ` : '';
  for (const rule of RULES) {
    const match = rule.pattern.exec(firstLine);
    if (match) return new EngineQueryError(`${rule.type}: ${where}${rule.message(match, database)}`, rule.type, place?.line, place?.column, detail);
  }
  const text = firstLine.replace(/^[A-Za-z ]+ Error: /, '');
  return new EngineQueryError(`GENERIC_USER_ERROR: ${where}${text}`, 'GENERIC_USER_ERROR', place?.line, place?.column, detail);
}
