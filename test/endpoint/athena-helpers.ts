import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  CreateWorkGroupCommand,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  type AthenaClient,
  type QueryExecution,
  type Row,
} from '@aws-sdk/client-athena';
import { CLOUDTRAIL_COLUMNS, hiveType, PARTITION_COLUMNS } from '../../src/cloudtrail/index.ts';
import { CreateDatabaseCommand } from '@aws-sdk/client-glue';
import { type clients, poll } from './helpers.ts';

/** The Glue database and the Athena workgroup a compiled Project's tables are queried in: both `trailsight`. */
export async function createTrailsightDatabase(sdk: ReturnType<typeof clients>): Promise<void> {
  await sdk.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'trailsight' } }));
  await sdk.athena.send(new CreateWorkGroupCommand({ Name: 'trailsight', Configuration: { ResultConfiguration: { OutputLocation: 's3://results/' } } }));
}

/** The CloudTrail table as AWS documents it for Athena, with partition projection over account, region and day. */
export function cloudTrailTableInput(database: string, bucket: string) {
  const location = `s3://${bucket}/AWSLogs/`;
  const column = (c: { name: string; type: Parameters<typeof hiveType>[0] }) => ({ Name: c.name, Type: hiveType(c.type) });
  return {
    DatabaseName: database,
    TableInput: {
      Name: 'cloudtrail_logs',
      TableType: 'EXTERNAL_TABLE',
      PartitionKeys: PARTITION_COLUMNS.map(column),
      StorageDescriptor: {
        Columns: CLOUDTRAIL_COLUMNS.map(column),
        Location: location,
        InputFormat: 'com.amazon.emr.cloudtrail.CloudTrailInputFormat',
        OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
        SerdeInfo: { SerializationLibrary: 'org.apache.hive.hcatalog.data.JsonSerDe' },
      },
      Parameters: {
        EXTERNAL: 'TRUE',
        'projection.enabled': 'true',
        'projection.account.type': 'injected',
        'projection.region.type': 'injected',
        'projection.timestamp.type': 'date',
        'projection.timestamp.format': 'yyyy/MM/dd',
        'projection.timestamp.range': '2026/01/01,NOW',
        'projection.timestamp.interval': '1',
        'projection.timestamp.interval.unit': 'DAYS',
        'storage.location.template': `${location}\${account}/CloudTrail/\${region}/\${timestamp}`,
      },
    },
  };
}

/** Runs a query through the Athena API to its end; returns the execution and every result page. */
export async function runQuery(athena: AthenaClient, sql: string, options: { database?: string; workGroup?: string; pageSize?: number } = {}) {
  const { QueryExecutionId } = await athena.send(
    new StartQueryExecutionCommand({
      QueryString: sql,
      QueryExecutionContext: { Database: options.database ?? 'security' },
      WorkGroup: options.workGroup ?? 'trailsight',
    }),
  );
  const execution: QueryExecution = (
    await poll(
      () => athena.send(new GetQueryExecutionCommand({ QueryExecutionId })),
      (r) => ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(r.QueryExecution?.Status?.State ?? ''),
      60000,
    )
  ).QueryExecution!;
  const pages: Row[][] = [];
  if (execution.Status?.State === 'SUCCEEDED') {
    let NextToken: string | undefined;
    do {
      const page = await athena.send(new GetQueryResultsCommand({ QueryExecutionId, NextToken, MaxResults: options.pageSize }));
      pages.push(page.ResultSet?.Rows ?? []);
      if (pages.length === 1) Object.assign(execution, { columnInfo: page.ResultSet?.ResultSetMetadata?.ColumnInfo });
      NextToken = page.NextToken;
    } while (NextToken);
  }
  const rows = pages.flat().map((r) => (r.Data ?? []).map((d) => d.VarCharValue ?? null));
  return { execution, pages, header: rows[0], rows: rows.slice(1) };
}

export interface LoggedEvent {
  record: Record<string, any>;
  account: string;
  region: string;
  day: string;
}

/** Every event of the generated log files, read straight from the files: the test's ground truth. */
export async function readEvents(root: string): Promise<LoggedEvent[]> {
  const events: LoggedEvent[] = [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    const match = /AWSLogs\/(\d{12})\/CloudTrail\/([^/]+)\/(\d{4}\/\d\d\/\d\d)\/[^/]+\.json\.gz$/.exec(path);
    if (!entry.isFile() || !match) continue;
    const { Records } = JSON.parse(gunzipSync(await readFile(path)).toString('utf8'));
    for (const record of Records) events.push({ record, account: match[1], region: match[2], day: match[3] });
  }
  return events;
}
