import { statementKind } from '../../sql/index.ts';

/** Athena's statement type, from Trino's grammar: DML for queries (and INSERT …), DDL for schema statements, else UTILITY. */
export function statementType(sql: string): 'DML' | 'DDL' | 'UTILITY' {
  const kind = statementKind(sql);
  return kind === 'query' || kind === 'dml' ? 'DML' : kind === 'ddl' ? 'DDL' : 'UTILITY';
}
