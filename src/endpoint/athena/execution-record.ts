/** A query execution as stored; `owner` tells whether the server running it is still alive. */
export interface ExecutionRecord {
  QueryExecutionId: string;
  Query: string;
  StatementType: string;
  WorkGroup: string;
  QueryExecutionContext: { Database: string; Catalog: string };
  ResultConfiguration: { OutputLocation: string };
  ExecutionParameters?: string[];
  State: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  StateChangeReason?: string;
  AthenaError?: { ErrorCategory: number; ErrorType?: number; Retryable: boolean; ErrorMessage: string };
  /** Epoch milliseconds. */
  SubmissionDateTime: number;
  StartedAt?: number;
  CompletionDateTime?: number;
  DataScannedInBytes?: number;
  owner: { pid: number; instance: string };
}

/** Servers of this process that are running (so their QUEUED / RUNNING executions will finish). */
export const LIVE_INSTANCES = new Set<string>();

function ownerAlive(owner: ExecutionRecord['owner']): boolean {
  if (owner.pid === process.pid) return LIVE_INSTANCES.has(owner.instance);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The execution as a caller sees it: one whose server stopped before it finished has failed. */
export function effective(record: ExecutionRecord): ExecutionRecord {
  if ((record.State === 'QUEUED' || record.State === 'RUNNING') && !ownerAlive(record.owner)) {
    const reason = 'Query did not finish: the trailsight endpoint running it stopped.';
    return {
      ...record,
      State: 'FAILED',
      StateChangeReason: reason,
      AthenaError: { ErrorCategory: 1, Retryable: true, ErrorMessage: reason },
      CompletionDateTime: record.CompletionDateTime ?? Date.now(),
    };
  }
  return record;
}

/** GetQueryExecution's `QueryExecution`. */
export function describeExecution(stored: ExecutionRecord) {
  const r = effective(stored);
  const started = r.StartedAt ?? r.SubmissionDateTime;
  const done = r.CompletionDateTime;
  return {
    QueryExecutionId: r.QueryExecutionId,
    Query: r.Query,
    StatementType: r.StatementType,
    ResultConfiguration: r.ResultConfiguration,
    ResultReuseConfiguration: { ResultReuseByAgeConfiguration: { Enabled: false } },
    QueryExecutionContext: r.QueryExecutionContext,
    Status: {
      State: r.State,
      StateChangeReason: r.StateChangeReason,
      SubmissionDateTime: r.SubmissionDateTime / 1000,
      CompletionDateTime: done !== undefined ? done / 1000 : undefined,
      AthenaError: r.AthenaError,
    },
    Statistics: {
      EngineExecutionTimeInMillis: done !== undefined ? done - started : 0,
      DataScannedInBytes: r.DataScannedInBytes ?? 0,
      TotalExecutionTimeInMillis: (done ?? Date.now()) - r.SubmissionDateTime,
      QueryQueueTimeInMillis: started - r.SubmissionDateTime,
      ServicePreProcessingTimeInMillis: 0,
      QueryPlanningTimeInMillis: 0,
      ServiceProcessingTimeInMillis: 0,
      ResultReuseInformation: { ReusedPreviousResult: false },
    },
    WorkGroup: r.WorkGroup,
    EngineVersion: { SelectedEngineVersion: 'AUTO', EffectiveEngineVersion: 'Athena engine version 3' },
    ExecutionParameters: r.ExecutionParameters,
  };
}
