import type { AthenaClient } from '@aws-sdk/client-athena';
import type { QuickSightClient } from '@aws-sdk/client-quicksight';
import pLimit from 'p-limit';
import { applyCalculated, type CalculatedMeasure } from './calculated/calculated.ts';
import { expandCalculatedMeasures } from './calculated/expand-measures.ts';
import { loadDashboardData } from './dashboard-data.ts';
import { readDefinition } from './definition/index.ts';
import { runAthenaQuery } from './query/athena-runner.ts';
import { type DatasetSource, datasetSource } from './query/dataset-source.ts';
import { DataSetReader, describeDashboard, listDashboardIds, succeeded } from './read/quicksight-reader.ts';
import { ThemeReader } from './read/theme-reader.ts';
import { readFolders, type FolderEntry } from './read/folder-reader.ts';
import { writeSite } from './render/write-site.ts';
import type { PagePayload, VersionState } from './shipped.ts';
import type { DashboardModel } from './dashboard-model.ts';
import { RECORDS_COLUMN } from './definition/fields.ts';
import { quoteIdentifier } from './query/sql-text.ts';

export interface PreviewProgress {
  readonly phase: 'read' | 'query' | 'write';
  readonly done: number;
  readonly total: number;
  readonly message: string;
}

export interface RenderPreviewOptions {
  readonly quicksight: QuickSightClient;
  readonly athena: AthenaClient;
  readonly awsAccountId: string;
  /** Default: every dashboard in the account. */
  readonly dashboardIds?: readonly string[];
  /** Output folder (created). */
  readonly out: string;
  /** Athena workgroup when a data source names none. */
  readonly workGroup?: string;
  readonly onProgress?: (progress: PreviewProgress) => void;
  /** Most rows shipped per visual when the page filters or regroups them (default 20,000). */
  readonly rowCap?: number;
  /** Queries run at once (default 4). */
  readonly concurrency?: number;
  /** The moment rolling and relative dates are worked out from (default: now). */
  readonly now?: Date;
}

export interface RenderPreviewResult {
  readonly indexPath: string;
  readonly pages: string[];
  /** What the pages could not show (unsupported visuals, failed queries), each naming the dashboard. */
  readonly problems: string[];
}

/** The page's payload with the dashboard's theme, or with a problem saying why it is drawn without it. */
async function withTheme(payload: PagePayload, themeArn: string | undefined, themes: ThemeReader): Promise<PagePayload> {
  if (!themeArn) return payload;
  try {
    const theme = await themes.theme(themeArn);
    return theme ? { ...payload, theme } : payload;
  } catch (error) {
    return { ...payload, problems: [...payload.problems, `theme ${themeArn}: ${(error as Error).name}: ${(error as Error).message}`] };
  }
}

/**
 * Renders dashboards to a static site, reading them only through the QuickSight and Athena
 * APIs: DescribeDashboard (the published version's status and errors), DescribeDashboardDefinition,
 * DescribeDataSet/DataSource, then one Athena query per visual. A dashboard whose published version
 * failed is shown failed, with QuickSight's errors, and nothing of it is drawn.
 */
export async function renderPreview(options: RenderPreviewOptions): Promise<RenderPreviewResult> {
  const { quicksight, athena, awsAccountId } = options;
  const limit = pLimit(options.concurrency ?? 4);
  const progress = options.onProgress ?? (() => {});
  const ids = options.dashboardIds ? [...options.dashboardIds] : await listDashboardIds(quicksight, awsAccountId);
  const reader = new DataSetReader(quicksight, awsAccountId);
  const themes = new ThemeReader(quicksight, awsAccountId);
  let read = 0;
  const unread: string[] = [];
  const described = await Promise.all(
    ids.map((id) =>
      limit(async () => {
        try {
          return await describeDashboard(quicksight, awsAccountId, id);
        } catch (error) {
          unread.push(`${id}: the dashboard could not be read: ${(error as Error).name}: ${(error as Error).message}`);
          return undefined;
        } finally {
          progress({ phase: 'read', done: ++read, total: ids.length, message: id });
        }
      }),
    ),
  );
  const dashboards = described.filter((d) => d !== undefined);
  const payloads: PagePayload[] = [];
  let queried = 0;
  for (const dashboard of dashboards) {
    const version = { published: dashboard.published, ...(dashboard.newerFailed ? { newerFailed: dashboard.newerFailed } : {}) };
    const versionProblems = [dashboard.published, dashboard.newerFailed].flatMap((v) =>
      v && !succeeded(v.status) ? [versionProblem(v, dashboard.published)] : [],
    );
    if (!dashboard.definition) {
      const model = { id: dashboard.id, name: dashboard.name, sheets: [], parameters: [], filters: [], datasets: {} };
      payloads.push({ dashboard: model, version, data: {}, choices: {}, problems: versionProblems });
      progress({ phase: 'query', done: ++queried, total: dashboards.length, message: dashboard.id });
      continue;
    }
    const {
      model: read,
      problems,
      calculated,
    } = readDefinition({ id: dashboard.id, name: dashboard.name, definition: dashboard.definition, ...(options.now ? { now: options.now } : {}) });
    problems.push(...versionProblems);
    const datasets = new Map<string, DatasetSource>();
    const measures = new Map<string, Map<string, CalculatedMeasure>>();
    const unreadable = new Map<string, string>();
    for (const [identifier, arn] of Object.entries(read.datasets)) {
      try {
        const dataSet = await reader.dataSet(arn);
        const source = datasetSource(dataSet, await reader.dataSourcesOf(dataSet));
        const withCalculated = applyCalculated(source, [...source.calculated, ...(calculated.get(identifier) ?? [])]);
        datasets.set(identifier, countsRecords(read, identifier) ? withRecordsColumn(withCalculated.source) : withCalculated.source);
        measures.set(identifier, withCalculated.measures);
        problems.push(...withCalculated.problems.map((p) => `dataset ${identifier}: ${p}`));
      } catch (error) {
        unreadable.set(identifier, (error as Error).message);
        problems.push(`dataset ${identifier}: ${(error as Error).message}`);
      }
    }
    const model = expandCalculatedMeasures(read, measures);
    const payload = await loadDashboardData({
      model,
      problems,
      datasets,
      unreadable,
      rowCap: options.rowCap ?? 20_000,
      run: (sql, workGroup) => {
        const group = workGroup ?? options.workGroup;
        return limit(() => runAthenaQuery(athena, sql, { ...(group ? { workGroup: group } : {}), maxRows: (options.rowCap ?? 20_000) + 1 }));
      },
    });
    progress({ phase: 'query', done: ++queried, total: dashboards.length, message: dashboard.id });
    payloads.push(await withTheme({ ...payload, version }, dashboard.themeArn, themes));
  }
  progress({ phase: 'write', done: 0, total: 1, message: options.out });
  const folders = await readFolders(quicksight, awsAccountId).catch((error: Error): FolderEntry[] => {
    unread.push(`folders: not read: ${error.name}: ${error.message}`);
    return [];
  });
  const written = await writeSite(options.out, payloads, `the QuickSight account ${awsAccountId}`, folders);
  progress({ phase: 'write', done: 1, total: 1, message: written.indexPath });
  return {
    ...written,
    problems: [...unread.sort(), ...payloads.flatMap((p) => p.problems.map((problem) => `${p.dashboard.id}: ${problem}`))],
  };
}

/** A failed (or unfinished) version in words: its status and each of QuickSight's errors with the entities it names. */
export function versionProblem(version: VersionState, published: VersionState): string {
  const which = version === published ? 'the published version' : 'a newer version, not published,';
  const number = version.versionNumber === undefined ? '' : ` (${version.versionNumber})`;
  const errors = version.errors.map((e) => `${e.type}${e.entities.length ? ` at ${e.entities.join(', ')}` : ''}: ${e.message}`);
  return `${which}${number} is ${version.status}${errors.length ? `: ${errors.join('; ')}` : ''}`;
}

/** Whether a visual over the dataset draws QuickSight's Count of Records. */
function countsRecords(model: DashboardModel, dataset: string): boolean {
  return model.sheets.some((sheet) =>
    sheet.visuals.some((v) => v.kind !== 'unsupported' && v.dataset === dataset && v.measures.some((m) => m.column === RECORDS_COLUMN)),
  );
}

/** The dataset with the records column (1 on every row) that Count of Records counts. */
function withRecordsColumn(source: DatasetSource): DatasetSource {
  const columns = new Map(source.columns);
  columns.set(RECORDS_COLUMN, 'number');
  return { ...source, sql: `SELECT "records".*, 1 AS ${quoteIdentifier(RECORDS_COLUMN)} FROM (\n${source.sql}\n) AS "records"`, columns };
}
