/**
 * The local engine: CloudTrail log files → DuckDB, queried with Athena/Trino SQL.
 *
 * This file is the contract other stages use (the local endpoint's Athena, the preview, the CLI).
 * Keep its shape stable; the implementation lives in the sibling folders.
 */
export type { IngestReport, BadFile } from './ingest/report.ts';
export type { QueryColumn, QueryResult } from './query/result.ts';
export { EngineQueryError } from './query/errors.ts';
export { CloudTrailEngine } from './engine.ts';
export { partitionsNeeded } from './query/prune.ts';
export type { OpenOptions, AttachOptions, QueryOptions, EngineCounters } from './engine.ts';
export { generateSample } from './sample/generate.ts';
export type { SampleOptions, SampleSummary } from './sample/generate.ts';
