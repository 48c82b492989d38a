import { type AthenaClient, type ColumnInfo, GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import type { Cell } from '../shipped.ts';
import { rowsOf } from './result-rows.ts';

export interface QueryResult {
  readonly columns: readonly ColumnInfo[];
  readonly rows: Cell[][];
}

export interface RunOptions {
  readonly workGroup?: string;
  /** The database unqualified table names resolve in (QueryExecutionContext). */
  readonly database?: string;
  /** Stop reading result pages once this many rows are in. */
  readonly maxRows?: number;
  /** Polling interval bounds in milliseconds. */
  readonly pollMs?: { readonly first: number; readonly max: number };
}

/** A query Athena ran and refused or failed, with Athena's reason. */
export class QueryFailed extends Error {
  constructor(
    readonly state: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'QueryFailed';
  }
}

/** StartQueryExecution → poll GetQueryExecution → read GetQueryResults pages (header row dropped). */
export async function runAthenaQuery(athena: AthenaClient, sql: string, options: RunOptions = {}): Promise<QueryResult> {
  const started = await athena.send(
    new StartQueryExecutionCommand({
      QueryString: sql,
      ...(options.workGroup ? { WorkGroup: options.workGroup } : {}),
      ...(options.database ? { QueryExecutionContext: { Database: options.database } } : {}),
    }),
  );
  const id = started.QueryExecutionId!;
  let wait = options.pollMs?.first ?? 50;
  for (;;) {
    const { QueryExecution } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
    const state = QueryExecution?.Status?.State;
    if (state === 'SUCCEEDED') break;
    if (state === 'FAILED' || state === 'CANCELLED') {
      throw new QueryFailed(
        state,
        QueryExecution?.Status?.StateChangeReason ?? QueryExecution?.Status?.AthenaError?.ErrorMessage ?? `query ${state.toLowerCase()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, options.pollMs?.max ?? 1000);
  }
  const rows: Cell[][] = [];
  let columns: readonly ColumnInfo[] = [];
  let token: string | undefined;
  let first = true;
  do {
    const page = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: id, MaxResults: 1000, ...(token ? { NextToken: token } : {}) }));
    if (first) columns = page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [];
    const pageRows = page.ResultSet?.Rows ?? [];
    rows.push(...rowsOf(first && isHeader(pageRows[0], columns) ? pageRows.slice(1) : pageRows, columns));
    first = false;
    token = page.NextToken;
  } while (token && (options.maxRows === undefined || rows.length < options.maxRows));
  return { columns, rows: options.maxRows === undefined ? rows : rows.slice(0, options.maxRows) };
}

/** Athena puts the column names as the first row of the first page of a SELECT's results. */
function isHeader(row: { Data?: { VarCharValue?: string }[] } | undefined, columns: readonly ColumnInfo[]): boolean {
  return row !== undefined && columns.length > 0 && columns.every((column, i) => row.Data?.[i]?.VarCharValue === (column.Label ?? column.Name));
}
