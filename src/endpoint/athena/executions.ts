import { randomUUID } from 'node:crypto';
import type * as Athena from '@aws-sdk/client-athena';
import { pageOf } from '../paging.ts';
import type { OperationsOf } from '../sdk-types.ts';
import type { ServiceContext } from '../service.ts';
import type { EngineHost } from './engine-host.ts';
import { invalidRequest } from './errors.ts';
import { describeExecution, effective, type ExecutionRecord } from './execution-record.ts';
import { type HistorySweeper, visible } from './history.ts';
import { executionKey, executionsKey, PRIMARY_WORKGROUP, resultKey, tokenKey, type TokenRecord } from './keys.ts';
import { columnInfo } from './result-format.ts';
import { runExecution, type StoredResult } from './runner.ts';
import { statementType } from './sql-text.ts';
import { requireWorkGroup } from './workgroups.ts';

/** An execution the caller may see: none once it is older than Athena's 45-day history. */
async function findExecution(context: ServiceContext, id: string): Promise<ExecutionRecord | undefined> {
  return visible(await context.store.get<ExecutionRecord>(executionKey(context.settings.account, context.region, id)), context.settings.now());
}

async function requireExecution(context: ServiceContext, id: string): Promise<ExecutionRecord> {
  const record = await findExecution(context, id);
  if (!record) throw notFound(id);
  return record;
}

/** What Athena answers for an execution id it does not know (or no longer keeps). */
const notFound = (id: string) => invalidRequest(`QueryExecution ${id} was not found`);

const page = <T>(items: readonly T[], input: { MaxResults?: number; NextToken?: string }, defaultSize: number) =>
  pageOf(items, input, { defaultSize, invalidToken: () => invalidRequest('The NextToken is not valid.') });

/**
 * The runs of started executions, which outlive their requests: `settle` cancels those not begun
 * and waits for those running, so that none touches the state or opens the engine after the
 * endpoint closed (an execution left queued is failed by its owner's absence, execution-record.ts).
 */
class BackgroundRuns {
  private readonly waiting = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();

  after(delayMs: number, run: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.waiting.delete(timer);
      const running = run().finally(() => this.running.delete(running));
      this.running.add(running);
    }, delayMs);
    this.waiting.add(timer);
  }

  async settle(): Promise<void> {
    for (const timer of this.waiting) clearTimeout(timer);
    this.waiting.clear();
    await Promise.all(this.running);
  }
}

/** Query executions: start (run on the engine in the background), describe, results, stop, list; `settle` before the engine closes. */
export function executionOperations(
  host: EngineHost,
  instance: string,
  sweeper: HistorySweeper,
): { operations: OperationsOf<typeof Athena>; settle: () => Promise<void> } {
  const runs = new BackgroundRuns();
  const operations: OperationsOf<typeof Athena> = {
    async StartQueryExecution(input, context) {
      const workGroup = await requireWorkGroup(context, input.WorkGroup ?? PRIMARY_WORKGROUP);
      if (workGroup.State === 'DISABLED') throw invalidRequest(`WorkGroup ${workGroup.Name} is disabled.`);
      const configured = workGroup.Configuration.ResultConfiguration?.OutputLocation;
      const location = workGroup.Configuration.EnforceWorkGroupConfiguration ? configured : (input.ResultConfiguration?.OutputLocation ?? configured);
      if (!location)
        throw invalidRequest(
          'No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.',
        );
      const { account } = context.settings;
      const now = context.settings.now();
      await sweeper.sweepIfDue(context.store, account, context.region, now);
      const id = await context.store.transact(async (tx) => {
        if (input.ClientRequestToken) {
          const earlier = await tx.get<TokenRecord>(tokenKey(account, context.region, input.ClientRequestToken));
          const execution = earlier && visible(await tx.get<ExecutionRecord>(executionKey(account, context.region, earlier.id)), now);
          if (execution) return { id: execution.QueryExecutionId, started: false };
        }
        const QueryExecutionId = randomUUID();
        const record: ExecutionRecord = {
          QueryExecutionId,
          Query: input.QueryString,
          StatementType: statementType(input.QueryString),
          WorkGroup: workGroup.Name,
          QueryExecutionContext: {
            Database: (input.QueryExecutionContext?.Database ?? 'default').toLowerCase(),
            Catalog: input.QueryExecutionContext?.Catalog ?? 'AwsDataCatalog',
          },
          ResultConfiguration: { OutputLocation: `${location.replace(/\/?$/, '/')}${QueryExecutionId}.csv` },
          ExecutionParameters: input.ExecutionParameters,
          State: 'QUEUED',
          SubmissionDateTime: now,
          owner: { pid: process.pid, instance },
        };
        tx.put(executionKey(account, context.region, QueryExecutionId), record);
        if (input.ClientRequestToken) {
          const token: TokenRecord = { id: QueryExecutionId, token: input.ClientRequestToken, SubmissionDateTime: now };
          tx.put(tokenKey(account, context.region, input.ClientRequestToken), token);
        }
        return { id: QueryExecutionId, started: true };
      });
      if (id.started) {
        // The run outlives the request: a failure it cannot record (a full disk) is logged, never left unhandled.
        const run = () =>
          runExecution(context, host, id.id).catch((error: unknown) =>
            context.log(`query ${id.id} could not finish: ${(error as Error)?.message ?? String(error)}`),
          );
        runs.after(context.settings.queryDelayMs, run);
      }
      return { QueryExecutionId: id.id };
    },
    async GetQueryExecution(input, context) {
      return { QueryExecution: describeExecution(await requireExecution(context, input.QueryExecutionId)) };
    },
    async BatchGetQueryExecution(input, context) {
      const found = await Promise.all(input.QueryExecutionIds.map((id) => findExecution(context, id)));
      return {
        QueryExecutions: found.filter((r): r is ExecutionRecord => !!r).map(describeExecution),
        UnprocessedQueryExecutionIds: input.QueryExecutionIds.filter((_, i) => !found[i]).map((QueryExecutionId) => ({
          QueryExecutionId,
          ErrorCode: 'INVALID_INPUT',
          ErrorMessage: 'QueryExecution was not found',
        })),
      };
    },
    async GetQueryResults(input, context) {
      const execution = effective(await requireExecution(context, input.QueryExecutionId));
      if (execution.State === 'FAILED') throw invalidRequest(execution.StateChangeReason ?? 'Query failed.');
      if (execution.State !== 'SUCCEEDED') throw invalidRequest(`Query has not yet finished. Current state: ${execution.State}`);
      const result = await context.store.get<StoredResult>(resultKey(context.settings.account, context.region, execution.QueryExecutionId));
      if (!result) throw invalidRequest(`The result of query ${execution.QueryExecutionId} is no longer available.`);
      // As Athena does: the header row comes first, on the first page, and counts towards MaxResults.
      const all = [result.columns.map((c) => c.name), ...result.rows];
      const { items, NextToken } = page(all, input, 1000);
      return {
        UpdateCount: 0,
        ResultSet: {
          Rows: items.map((row) => ({ Data: row.map((v) => (v === null ? {} : { VarCharValue: v })) })),
          ResultSetMetadata: { ColumnInfo: columnInfo(result.columns) },
        },
        NextToken,
      };
    },
    async StopQueryExecution(input, context) {
      // An idempotency token in AWS's model, so optional there: the SDK and the CLI always fill it in.
      const id = input.QueryExecutionId;
      if (id === undefined) throw invalidRequest('QueryExecutionId is required.');
      const key = executionKey(context.settings.account, context.region, id);
      await context.store.transact(async (tx) => {
        const record = visible(await tx.get<ExecutionRecord>(key), context.settings.now());
        if (!record) throw notFound(id);
        if (record.State === 'QUEUED' || record.State === 'RUNNING') {
          tx.put(key, { ...record, State: 'CANCELLED', StateChangeReason: 'Query was cancelled by user', CompletionDateTime: Date.now() });
        }
      });
      return {};
    },
    async ListQueryExecutions(input, context) {
      const workGroup = input.WorkGroup ?? PRIMARY_WORKGROUP;
      await requireWorkGroup(context, workGroup);
      const now = context.settings.now();
      const all = (await context.store.list<ExecutionRecord>(executionsKey(context.settings.account, context.region)))
        .filter((r) => r.WorkGroup === workGroup && visible(r, now))
        .sort((a, b) => b.SubmissionDateTime - a.SubmissionDateTime || a.QueryExecutionId.localeCompare(b.QueryExecutionId));
      const { items, NextToken } = page(all, input, 50);
      return { QueryExecutionIds: items.map((r) => r.QueryExecutionId), NextToken };
    },
  };
  return { operations, settle: () => runs.settle() };
}
