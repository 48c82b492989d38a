export * from './columns.ts';
export * from './types.ts';
