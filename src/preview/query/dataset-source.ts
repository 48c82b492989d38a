import type { DataSet, DataSource } from '@aws-sdk/client-quicksight';
import { SqlError, parseQuery, printQuery } from '../../sql/index.ts';
import { quoteIdentifier } from './sql-text.ts';

export type ColumnKind = 'category' | 'number' | 'date';

/** A dataset as the preview queries it: one SQL relation and its output columns. */
export interface DatasetSource {
  readonly arn: string;
  readonly name: string;
  /** SQL producing the dataset's rows, used as `WITH ds AS (<sql>)`. */
  readonly sql: string;
  readonly columns: ReadonlyMap<string, ColumnKind>;
  readonly workGroup?: string;
  /** Calculated columns (QuickSight expressions), evaluated by `applyCalculated`. */
  readonly calculated: readonly { readonly name: string; readonly expression: string }[];
  /** What the dataset uses that the preview leaves out (dataset filters, other tables). */
  readonly problems: readonly string[];
  /** Calculated fields the preview cannot evaluate, with why: a visual using one says so. */
  readonly unevaluated?: ReadonlyMap<string, string>;
}

const KIND: Record<string, ColumnKind> = {
  STRING: 'category',
  JSON: 'category',
  BIT: 'number',
  BOOLEAN: 'category',
  INTEGER: 'number',
  DECIMAL: 'number',
  DATETIME: 'date',
};

/** Builds the dataset's SQL from its physical table (custom SQL or a table) and its logical renames and casts. */
export function datasetSource(dataSet: DataSet, dataSources: ReadonlyMap<string, DataSource>): DatasetSource {
  const name = dataSet.Name ?? dataSet.DataSetId ?? 'dataset';
  const physical = Object.entries(dataSet.PhysicalTableMap ?? {});
  if (physical.length !== 1) throw new Error(`dataset ${name}: the preview reads datasets with exactly one physical table (found ${physical.length})`);
  const [physicalId, table] = physical[0]!;
  let sql: string;
  let inputColumns: { Name?: string; Type?: string }[];
  let dataSourceArn: string | undefined;
  if (table.CustomSql) {
    sql = parsedSql(name, table.CustomSql.SqlQuery ?? '');
    inputColumns = table.CustomSql.Columns ?? [];
    dataSourceArn = table.CustomSql.DataSourceArn;
  } else if (table.RelationalTable) {
    const t = table.RelationalTable;
    sql = `SELECT * FROM ${[t.Catalog, t.Schema, t.Name]
      .filter((p): p is string => !!p)
      .map(quoteIdentifier)
      .join('.')}`;
    inputColumns = t.InputColumns ?? [];
    dataSourceArn = t.DataSourceArn;
  } else {
    throw new Error(`dataset ${name}: the preview reads custom SQL and relational tables only (physical table ${physicalId})`);
  }
  const columns = new Map<string, { expr: string; kind: ColumnKind }>();
  for (const column of inputColumns) columns.set(column.Name!, { expr: quoteIdentifier(column.Name!), kind: KIND[column.Type ?? 'STRING'] ?? 'category' });
  const problems: string[] = [];
  const calculated: { name: string; expression: string }[] = [];
  let projected: string[] | undefined;
  const logical = Object.values(dataSet.LogicalTableMap ?? {}).find((t) => t.Source?.PhysicalTableId === physicalId);
  for (const transform of logical?.DataTransforms ?? []) {
    const rename = transform.RenameColumnOperation;
    const cast = transform.CastColumnTypeOperation;
    if (rename?.ColumnName && rename.NewColumnName && columns.has(rename.ColumnName)) {
      const column = columns.get(rename.ColumnName)!;
      columns.delete(rename.ColumnName);
      columns.set(rename.NewColumnName, column);
    } else if (cast?.ColumnName && columns.has(cast.ColumnName)) {
      const kind = KIND[cast.NewColumnType ?? 'STRING'] ?? 'category';
      const sqlType = { category: 'varchar', number: cast.NewColumnType === 'INTEGER' ? 'bigint' : 'double', date: 'timestamp' }[kind];
      columns.set(cast.ColumnName, { expr: `try_cast(${columns.get(cast.ColumnName)!.expr} AS ${sqlType})`, kind });
    } else if (transform.ProjectOperation) {
      projected = transform.ProjectOperation.ProjectedColumns ?? [];
    } else if (transform.CreateColumnsOperation) {
      for (const column of transform.CreateColumnsOperation.Columns ?? []) calculated.push({ name: column.ColumnName!, expression: column.Expression! });
    } else if (transform.FilterOperation) {
      problems.push(`the dataset filter ${JSON.stringify(transform.FilterOperation.ConditionExpression)} is not applied by the preview`);
    }
  }
  const kept = [...columns].filter(([column]) => projected === undefined || projected.includes(column));
  const plain = kept.every(([column, c]) => c.expr === quoteIdentifier(column)) && kept.length === columns.size;
  if (!plain) sql = `SELECT ${kept.map(([column, c]) => `${c.expr} AS ${quoteIdentifier(column)}`).join(', ')} FROM (\n${sql}\n) AS "physical"`;
  const dataSource = dataSourceArn ? dataSources.get(dataSourceArn) : undefined;
  const workGroup = dataSource?.DataSourceParameters?.AthenaParameters?.WorkGroup;
  return {
    arn: dataSet.Arn ?? '',
    name,
    sql,
    columns: new Map(kept.map(([column, c]) => [column, c.kind])),
    ...(workGroup ? { workGroup } : {}),
    calculated,
    problems,
  };
}

/**
 * A dataset's custom SQL as the preview builds on it: one Trino query, printed back from its tree,
 * so nothing in the text (a comment, a stray parenthesis) can change what the queries around it mean.
 */
function parsedSql(dataset: string, text: string): string {
  try {
    return printQuery(parseQuery(text).query);
  } catch (error) {
    const detail = error instanceof SqlError ? error.describe(text) : (error as Error).message;
    throw new Error(`dataset ${dataset}: its SQL is not one Trino query (${detail})`);
  }
}

/** The resource id at the end of an ARN (`arn:aws:quicksight:r:a:dataset/ID` → `ID`). */
export function idFromArn(arn: string): string {
  const slash = arn.indexOf('/');
  return slash === -1 ? arn : arn.slice(slash + 1);
}
