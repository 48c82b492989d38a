/**
 * SQL text from values: the one quoting of names and strings for Trino and DuckDB (they agree:
 * double quotes for names, single quotes for strings, each doubled inside, no backslash escapes).
 * Any text — a CloudTrail field, a user's alias — stays data.
 */

/** `"name"`, inner quotes doubled. A NUL cannot be in a name (neither engine accepts one). */
export function quoteIdentifier(name: string): string {
  if (name.includes('\u0000')) throw new Error(`a name cannot contain a NUL character: ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}

/** `'text'`, inner quotes doubled; a NUL character (legal in Trino strings) is spliced in with chr(0). */
export function quoteString(value: string): string {
  if (!value.includes('\u0000')) return `'${value.replaceAll("'", "''")}'`;
  return `(${value
    .split('\u0000')
    .map((part) => `'${part.replaceAll("'", "''")}'`)
    .join(' || chr(0) || ')})`;
}

/** A LIKE pattern matching `value` literally (`%`, `_` and `\` escaped with `\`); use with `ESCAPE '\'`. */
export function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
