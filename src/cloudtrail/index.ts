export * from './columns.ts';
export * from './types.ts';
export * from './sql-table.ts';
export * from './insights.ts';
export * from './tables.ts';
