/** Replaces each `?` outside string literals and quoted names with the next execution parameter. */
export function bindParameters(sql: string, parameters: readonly string[] | undefined): string {
  if (!parameters || parameters.length === 0) return sql;
  let out = '';
  let next = 0;
  let quote: string | undefined;
  for (const c of sql) {
    if (quote) {
      if (c === quote) quote = undefined;
      out += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else if (c === '?' && next < parameters.length) {
      out += parameters[next++];
    } else out += c;
  }
  return out;
}

/** Athena's statement type from the first keyword: DML for queries, DDL for schema changes, else UTILITY. */
export function statementType(sql: string): 'DML' | 'DDL' | 'UTILITY' {
  const first = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*\(?\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
  if (['SELECT', 'WITH', 'VALUES', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UNLOAD', 'TABLE'].includes(first)) return 'DML';
  if (['CREATE', 'DROP', 'ALTER', 'MSCK'].includes(first)) return 'DDL';
  return 'UTILITY';
}

/** `db.table` pairs the SQL may name (quoted or not), lower-cased; over-inclusive by design. */
export function qualifiedNames(sql: string): { database: string; table: string }[] {
  const names: { database: string; table: string }[] = [];
  const part = '"?([A-Za-z_][\\w-]*)"?';
  const pattern = new RegExp(`${part}\\s*\\.\\s*${part}(?:\\s*\\.\\s*${part})?`, 'g');
  for (const match of sql.matchAll(pattern)) {
    const [database, table] = match[3] ? [match[2], match[3]] : [match[1], match[2]];
    names.push({ database: database.toLowerCase(), table: table.toLowerCase() });
  }
  return names;
}

/** Whether the SQL may name the table (quoted or not, any case); over-inclusive by design. */
export function namesTable(sql: string, table: string): boolean {
  const name = table.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w])"?${name}"?($|[^\\w])`, 'i').test(sql);
}
