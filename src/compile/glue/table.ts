import type { CreateTableCommandInput } from '@aws-sdk/client-glue';
import { hiveType, INSIGHTS_TABLE, LOGS_TABLE, PARTITION_COLUMNS, type Column, type TrailTable, type TrailTableKind } from '../../cloudtrail/index.ts';
import type { ProjectSpec } from '../../language/schema/index.ts';

/** How CloudTrail files are read, as AWS documents the table for Athena. */
export const CLOUDTRAIL_INPUT_FORMAT = 'com.amazon.emr.cloudtrail.CloudTrailInputFormat';
export const CLOUDTRAIL_OUTPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';
export const CLOUDTRAIL_SERDE = 'org.apache.hive.hcatalog.data.JsonSerDe';

/**
 * `prefix/AWSLogs/` (`…/AWSLogs/o-…/` for an organization trail): the key prefix of the trail's
 * files, right above the account folders.
 */
export function logsKeyPrefix(source: ProjectSpec['source']): string {
  return `${source.prefix ?? ''}AWSLogs/${source.organizationId ? `${source.organizationId}/` : ''}`;
}

/** `s3://bucket/prefix/AWSLogs/[o-…/]`: the table's Location, where its template starts. */
export function logsLocation(source: ProjectSpec['source']): string {
  return `s3://${source.bucket}/${logsKeyPrefix(source)}`;
}

/** The S3 key prefix a trail is configured with to deliver where the Project reads (`org-trail/` → `org-trail`). */
export function trailKeyPrefix(source: ProjectSpec['source']): string {
  return (source.prefix ?? '').replace(/\/$/, '');
}

/** One partition of the table as its template places it: an account's, a Region's, a day's (`yyyy/MM/dd`) files. */
export interface LogPartition {
  readonly account: string;
  readonly region: string;
  readonly timestamp: string;
}

/**
 * The key prefix of one partition's files, as the table's `storage.location.template` builds it: in
 * the events' `CloudTrail/` folders, or another of the trail's tables' (`CloudTrail-Insight/`).
 */
export function partitionKeyPrefix(source: ProjectSpec['source'], partition: LogPartition, folder = LOGS_TABLE.folder): string {
  return `${logsKeyPrefix(source)}${partition.account}/${folder}/${partition.region}/${partition.timestamp}/`;
}

/** The day folder (`yyyy/MM/dd`, the `timestamp` partition) of a time, in UTC as CloudTrail names them. */
export function dayFolder(time: number): string {
  return new Date(time).toISOString().slice(0, 10).replace(/-/g, '/');
}

/**
 * Every partition the table's projection lets Athena consider, as it enumerates them: each account and
 * Region of the Project, each day from `firstDay` to `now` (the range `…,NOW`), in UTC.
 */
export function projectedPartitions(source: ProjectSpec['source'], now: Date): LogPartition[] {
  const days: string[] = [];
  const last = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (let day = Date.parse(`${source.firstDay}T00:00:00Z`); day <= last; day += 86_400_000) days.push(dayFolder(day));
  return source.accounts.flatMap((account) => source.regions.flatMap((region) => days.map((timestamp) => ({ account, region, timestamp }))));
}

/** The Glue table of each of the trail's tables: `glue.table` for its events, `glue.insightsTable` (default `cloudtrail_insights`) for its Insights events. */
export function glueTableName(project: ProjectSpec, kind: TrailTableKind): string {
  return kind === 'logs' ? project.glue.table : (project.glue.insightsTable ?? INSIGHTS_TABLE.name);
}

function glueColumn(column: Column) {
  return { Name: column.name, Type: hiveType(column.type), Comment: column.description };
}

/**
 * Glue `CreateTable`: one of the trail's tables as AWS documents the events' for Athena ("Create the
 * table for CloudTrail logs in Athena using partition projection") — its events, or its Insights
 * events with their own columns over the `CloudTrail-Insight/` folders beside them — partitioned by
 * account, Region and day, with the partitions projected from the Project's source, so no crawler
 * or `MSCK REPAIR TABLE` is ever needed.
 */
export function glueTable(options: { project: ProjectSpec; database: string; table?: TrailTable }): CreateTableCommandInput {
  const { source } = options.project;
  const table = options.table ?? LOGS_TABLE;
  const location = logsLocation(source);
  return {
    DatabaseName: options.database,
    TableInput: {
      Name: glueTableName(options.project, table.kind),
      Description: `${table.description} (managed by trailsight).`,
      TableType: 'EXTERNAL_TABLE',
      PartitionKeys: PARTITION_COLUMNS.map(glueColumn),
      StorageDescriptor: {
        Columns: table.columns.map(glueColumn),
        Location: location,
        InputFormat: CLOUDTRAIL_INPUT_FORMAT,
        OutputFormat: CLOUDTRAIL_OUTPUT_FORMAT,
        SerdeInfo: { SerializationLibrary: CLOUDTRAIL_SERDE },
      },
      Parameters: {
        EXTERNAL: 'TRUE',
        'projection.enabled': 'true',
        'projection.account.type': 'enum',
        'projection.account.values': source.accounts.join(','),
        'projection.region.type': 'enum',
        'projection.region.values': source.regions.join(','),
        'projection.timestamp.type': 'date',
        'projection.timestamp.format': 'yyyy/MM/dd',
        'projection.timestamp.range': `${source.firstDay.replace(/-/g, '/')},NOW`,
        'projection.timestamp.interval': '1',
        'projection.timestamp.interval.unit': 'DAYS',
        'storage.location.template': `${location}\${account}/${table.folder}/\${region}/\${timestamp}`,
      },
    },
  };
}
