/**
 * Trino SQL as trailsight understands it: one parser (Trino's own grammar), one analyzer (names,
 * types and functions as Athena resolves them), and a translation of the analyzed tree to DuckDB.
 * Pure: no files, no DuckDB.
 */
export { SqlError, lineAndColumn, type SqlErrorCode } from './errors.ts';
export { parseQuery, parseExpression, statementKind, type ParsedQuery, type StatementKind } from './parse/parse.ts';
export { forgetRecentTrees } from './parse/trino-grammar.ts';
export type * as Ast from './tree/ast.ts';
export { canonical } from './tree/ast.ts';
export { staticCatalog, type Catalog, type CatalogTable, type CatalogColumn } from './analyze/catalog.ts';
export { Analysis, type OutputColumn } from './analyze/analysis.ts';
export { analyzeQuery, analyzeExpression, type AnalyzedQuery } from './analyze/analyze.ts';
export { toDuckDb, compileForDuckDb, type DuckDbQuery } from './duckdb/compile.ts';
export { partitionFilters } from './duckdb/partition-filter.ts';
export { columnsRead } from './analyze/columns-read.ts';
export { DUCKDB_MACROS } from './duckdb/macros.ts';
export { typeText, type SqlType } from './types/sql-type.ts';
export { parseHiveType } from './types/hive-type.ts';
export { formatIpAddress, parseIpAddress } from './types/ip-address.ts';
export { quoteIdentifier, quoteString, likeLiteral } from './text/quote.ts';
export { lookupFunction, registeredFunctions } from './functions/registry.ts';
export { printQuery, printExpression, printIdentifier, type PrintOptions } from './print/trino.ts';
export { lexicalProblem, type LexicalProblem } from './parse/lexical.ts';
export { renameTables, tableReferences } from './print/rename-tables.ts';
