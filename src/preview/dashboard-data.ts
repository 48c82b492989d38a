import { filterApplies } from './definition/index.ts';
import type { ColumnRef, ControlModel, DashboardModel, Scalar, VisualModel } from './dashboard-model.ts';
import type { QueryResult } from './query/athena-runner.ts';
import { choicesQuery } from './query/choices-query.ts';
import type { DatasetSource } from './query/dataset-source.ts';
import { countQuery } from './query/cell-queries.ts';
import { buildVisualQuery } from './query/visual-query.ts';
import { isCut, shortMessage } from './query/shown-text.ts';
import type { PagePayload, VisualData } from './shipped.ts';

export interface DashboardDataInput {
  readonly model: DashboardModel;
  readonly problems: readonly string[];
  /** DataSetIdentifier → the dataset as the preview queries it (missing: it could not be read). */
  readonly datasets: ReadonlyMap<string, DatasetSource>;
  /** DataSetIdentifier → why it could not be read (said on each of its visuals). */
  readonly unreadable?: ReadonlyMap<string, string>;
  /** Runs one query; several may run at once (the caller bounds them). */
  readonly run: (sql: string, workGroup: string | undefined) => Promise<QueryResult>;
  readonly rowCap: number;
}

/** Runs every visual's query and every linked control's choices query: what the page embeds. */
export async function loadDashboardData(input: DashboardDataInput): Promise<Omit<PagePayload, 'version'>> {
  const { model } = input;
  const problems = [...input.problems];
  for (const [identifier, source] of input.datasets) for (const p of source.problems) problems.push(`dataset ${identifier}: ${p}`);
  const visuals = model.sheets.flatMap((sheet) => sheet.visuals).filter((v): v is VisualModel => v.kind !== 'unsupported');
  const data: Record<string, VisualData> = {};
  const choices: Record<string, Scalar[]> = {};
  await Promise.all([
    ...visuals.map(async (visual) => {
      data[visual.id] = await visualData(input, visual);
      if (data[visual.id]!.error) problems.push(`visual ${visual.id}: ${data[visual.id]!.error}`);
    }),
    ...model.sheets
      .flatMap((sheet) => sheet.controls)
      .map(async (control) => {
        const from = choicesColumn(model, control);
        if (!from) return;
        const source = input.datasets.get(from.dataset);
        if (!source) return;
        try {
          const result = await input.run(choicesQuery(source.sql, from.column, source.columns.get(from.column)), source.workGroup);
          choices[control.id] = result.rows.map((row) => row[0]).filter((v): v is Scalar => typeof v === 'string' || typeof v === 'number');
        } catch (error) {
          problems.push(`control ${control.id}: ${shortMessage((error as Error).message)}`);
        }
      }),
  ]);
  return { dashboard: model, data: sortedRecord(data), choices: sortedRecord(choices), problems: [...new Set(problems)].sort() };
}

async function visualData(input: DashboardDataInput, visual: VisualModel): Promise<VisualData> {
  const source = input.datasets.get(visual.dataset);
  if (!source)
    return failed(
      `dataset ${visual.dataset} could not be read${input.unreadable?.has(visual.dataset) ? `: ${shortMessage(input.unreadable.get(visual.dataset)!)}` : ''}`,
    );
  const filters = input.model.filters.filter((filter) => filterApplies(filter, visual, new Set(source.columns.keys())));
  // A calculated field the preview cannot evaluate is named on each visual that uses it, with why.
  const uses = [...visual.dimensions.map((d) => d.column), ...visual.measures.map((m) => m.column), ...filters.map((f) => f.column)];
  const unevaluated = uses.find((column) => source.unevaluated?.has(column));
  if (unevaluated !== undefined)
    return failed(`the preview cannot draw this visual: the calculated field ${unevaluated}: ${shortMessage(source.unevaluated!.get(unevaluated)!)}`);
  let query;
  try {
    query = buildVisualQuery({ visual, datasetSql: source.sql, datasetColumns: source.columns, filters, rowCap: input.rowCap });
  } catch (error) {
    return failed(shortMessage((error as Error).message));
  }
  try {
    const run = (sql: string) => input.run(sql, source.workGroup);
    const [main, cells, distinct] = await Promise.all([
      capped(run, query.sql, input.rowCap, visual.unaggregated ? [] : [...new Set(Object.values(query.filterKeys))].sort()),
      query.cells ? capped(run, query.cells.sql, input.rowCap) : undefined,
      Promise.all(
        query.distinct.map(async (d) => ({
          fieldId: d.fieldId,
          ...(d.leaf === undefined ? {} : { leaf: d.leaf }),
          ...(await capped(run, d.sql, input.rowCap)),
        })),
      ),
    ]);
    if (cells?.truncated) {
      return failed(`the page filters' columns hold more than ${input.rowCap.toLocaleString('en-US')} combinations: too many for the page to count exactly`);
    }
    const cut = [main.rows, cells?.rows ?? []].some((rows) => rows.some((row) => row.some(isCut)));
    return {
      columns: query.columns,
      ...main,
      ...(cut ? { cut: true } : {}),
      filterKeys: query.filterKeys,
      ...(cells && query.cells ? { cells: { filterIds: query.cells.filterIds, rows: cells.rows } } : {}),
      ...(distinct.length ? { distinct } : {}),
      ...(query.partitions ? { partitions: query.partitions } : {}),
    };
  } catch (error) {
    return { ...failed(`Athena: ${shortMessage((error as Error).message)}`), columns: query.columns, filterKeys: query.filterKeys };
  }
}

type Capped = Pick<VisualData, 'rows' | 'truncated' | 'totalRows' | 'rowsPerKey'>;

/** A query's first `cap` rows; when there were more, how many in all (per value of `keys` when given and not too many). */
async function capped(run: (sql: string) => Promise<QueryResult>, sql: string, cap: number, keys: readonly string[] = []): Promise<Capped> {
  const result = await run(sql);
  if (result.rows.length <= cap) return { rows: result.rows, truncated: false };
  const rows = result.rows.slice(0, cap);
  const counts = (await run(countQuery(sql, keys, cap))).rows;
  const total = counts.reduce((n, row) => n + Number(row[row.length - 1] ?? 0), 0);
  const perKey = keys.length > 0 && counts.length <= cap ? { rowsPerKey: { keys: [...keys], rows: counts } } : {};
  return { rows, truncated: true, ...(counts.length <= cap ? { totalRows: total } : {}), ...perKey };
}

function failed(error: string): VisualData {
  return { columns: [], rows: [], filterKeys: {}, truncated: false, error };
}

/** Where a dropdown's choices come from: its linked column, else the column of the filter it sets. */
function choicesColumn(model: DashboardModel, control: ControlModel): ColumnRef | undefined {
  if (control.kind !== 'dropdown' || control.values) return undefined;
  if (control.valuesFrom) return control.valuesFrom;
  if ('filter' in control.target) {
    const filterId = control.target.filter;
    const filter = model.filters.find((f) => f.id === filterId);
    if (filter) return { dataset: filter.dataset, column: filter.column };
  }
  return undefined;
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
