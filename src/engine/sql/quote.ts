/** SQL identifier in double quotes, inner quotes doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** SQL string literal in single quotes, inner quotes doubled. */
export function quoteString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
