/**
 * The two tables a trail's files make: its events (`CloudTrail/` folders) and its Insights events
 * (`CloudTrail-Insight/` folders, beside them in the same bucket and prefix). Each is one model here:
 * what folder its files are in, its columns, and how a record of it is told from other JSON. The
 * Glue tables, the local engine, the endpoint and the linter all take it from here.
 */
import { CLOUDTRAIL_COLUMNS, JSON_TEXT_COLUMNS, PARTITION_COLUMNS, type Column } from './columns.ts';
import { INSIGHTS_COLUMNS } from './insights.ts';

export type TrailTableKind = 'logs' | 'insights';

export interface TrailTable {
  readonly kind: TrailTableKind;
  /** The table's usual name, and what free SQL in a spec calls it. */
  readonly name: string;
  /** The folder under each account the files are delivered to: `AWSLogs/[o-…/]<account>/<folder>/<region>/YYYY/MM/DD/`. */
  readonly folder: string;
  readonly columns: readonly Column[];
  /** Columns whose JSON value is kept as JSON text (Athena's `string`). */
  readonly jsonText: ReadonlySet<string>;
  /**
   * Columns (Athena's names) at least one of which every record has: an object in a log file with
   * none of them is not one of the table's records.
   */
  readonly markers: readonly string[];
  readonly description: string;
}

export const LOGS_TABLE: TrailTable = {
  kind: 'logs',
  name: 'cloudtrail_logs',
  folder: 'CloudTrail',
  columns: CLOUDTRAIL_COLUMNS,
  jsonText: JSON_TEXT_COLUMNS,
  markers: ['eventtime', 'eventname', 'eventsource'],
  description: 'CloudTrail events, one row per event',
};

export const INSIGHTS_TABLE: TrailTable = {
  kind: 'insights',
  name: 'cloudtrail_insights',
  folder: 'CloudTrail-Insight',
  columns: INSIGHTS_COLUMNS,
  jsonText: new Set(),
  markers: ['eventtime', 'eventtype', 'sharedeventid'],
  description: 'CloudTrail Insights events, one row per start or end of unusual activity',
};

export const TRAIL_TABLES: { readonly [K in TrailTableKind]: TrailTable } = { logs: LOGS_TABLE, insights: INSIGHTS_TABLE };

/** Every column a query over the table can name: data columns, then partition columns. */
export function tableColumns(table: TrailTable): readonly Column[] {
  return [...table.columns, ...PARTITION_COLUMNS];
}
