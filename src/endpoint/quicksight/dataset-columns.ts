import type { ColumnDataType } from '@aws-sdk/client-quicksight';
import { findColumn, outputType } from '../../quicksight/index.ts';
import { invalid } from './errors.ts';

/** A column a data set offers to analyses (QuickSight's `OutputColumn`, as the endpoint works it out). */
export interface OutputColumn {
  Name: string;
  Type: ColumnDataType;
  Description?: string;
}

// What the columns are worked out from: the members read of a data set's PhysicalTableMap and
// LogicalTableMap. The SDK's own types fit (a member QuickSight requires is `X | undefined` there),
// as does a request the model checked; a column type is any text (one QuickSight's rules do not
// know comes out STRING, `outputType`).

interface InputColumnIn {
  readonly Name: string | undefined;
  readonly Type: string | undefined;
}

interface TableColumnsIn {
  readonly InputColumns?: readonly InputColumnIn[];
}

interface PhysicalTableIn {
  readonly RelationalTable?: TableColumnsIn;
  readonly CustomSql?: { readonly Columns?: readonly InputColumnIn[] };
  readonly S3Source?: TableColumnsIn;
  readonly SaaSTable?: TableColumnsIn;
}

interface NamedColumnIn {
  readonly ColumnName: string | undefined;
}

interface TransformIn {
  readonly ProjectOperation?: { readonly ProjectedColumns?: readonly string[] };
  readonly RenameColumnOperation?: NamedColumnIn & { readonly NewColumnName: string | undefined };
  readonly CastColumnTypeOperation?: NamedColumnIn & { readonly NewColumnType: ColumnDataType | undefined };
  readonly CreateColumnsOperation?: { readonly Columns?: readonly NamedColumnIn[] };
  readonly TagColumnOperation?: NamedColumnIn;
  readonly UntagColumnOperation?: NamedColumnIn;
}

interface LogicalTableIn {
  readonly Source?: {
    readonly PhysicalTableId?: string;
    readonly DataSetArn?: string;
    readonly JoinInstruction?: { readonly LeftOperand: string | undefined; readonly RightOperand: string | undefined };
  };
  readonly DataTransforms?: readonly TransformIn[];
}

/** A member QuickSight's model requires: there in every request the model checked, refused in one nothing checked. */
function required<T>(value: T | undefined, member: string): T {
  if (value === undefined) throw invalid(`${member} is required.`);
  return value;
}

/** The input columns of a physical table (the endpoint reads none of a FileSource's). */
function inputColumns(table: PhysicalTableIn): readonly InputColumnIn[] {
  if (table.RelationalTable) return table.RelationalTable.InputColumns ?? [];
  if (table.CustomSql) return table.CustomSql.Columns ?? [];
  if (table.S3Source) return table.S3Source.InputColumns ?? [];
  if (table.SaaSTable) return table.SaaSTable.InputColumns ?? [];
  return [];
}

/**
 * The columns a data set offers to analyses, worked out as QuickSight does from its physical tables
 * and the transforms of its logical tables (src/quicksight/data-set-columns.ts: output types, how a
 * transform finds its column); refuses references to tables or columns that are not there.
 */
export function outputColumns(
  physical: Readonly<Record<string, PhysicalTableIn>> = {},
  logical: Readonly<Record<string, LogicalTableIn>> | undefined,
  resolveDataSet: (arn: string) => OutputColumn[] | undefined,
): OutputColumn[] {
  const physicalColumns = (id: string): OutputColumn[] => {
    const table = physical[id];
    if (!table) throw invalid(`LogicalTableMap refers to PhysicalTableId ${id}, which is not in PhysicalTableMap.`);
    return inputColumns(table).map((c) => ({
      Name: required(c.Name, `PhysicalTableMap.${id}: an input column's Name`),
      Type: c.Type === undefined ? 'STRING' : outputType(c.Type),
    }));
  };
  if (!logical || Object.keys(logical).length === 0) {
    const [only, ...others] = Object.keys(physical);
    return only !== undefined && others.length === 0 ? physicalColumns(only) : [];
  }
  const referenced = new Set(
    Object.values(logical)
      .flatMap((t) => [t.Source?.JoinInstruction?.LeftOperand, t.Source?.JoinInstruction?.RightOperand])
      .filter(Boolean),
  );
  const roots = Object.keys(logical).filter((id) => !referenced.has(id));
  const [root] = roots;
  if (root === undefined || roots.length !== 1)
    throw invalid(
      `LogicalTableMap must have exactly one table that no join uses (the data set's output); found ${roots.length}: ${roots.join(', ') || 'none'}.`,
    );
  const seen = new Set<string>();
  const columnsOf = (id: string | undefined): OutputColumn[] => {
    const table = id === undefined ? undefined : logical[id];
    if (id === undefined || !table) throw invalid(`A join refers to logical table ${id}, which is not in LogicalTableMap.`);
    if (seen.has(id)) throw invalid(`Logical table ${id} is part of a join cycle.`);
    seen.add(id);
    const source = table.Source ?? {};
    let columns: OutputColumn[];
    if (source.PhysicalTableId) columns = physicalColumns(source.PhysicalTableId);
    else if (source.JoinInstruction) columns = [...columnsOf(source.JoinInstruction.LeftOperand), ...columnsOf(source.JoinInstruction.RightOperand)];
    else if (source.DataSetArn) {
      const parent = resolveDataSet(source.DataSetArn);
      if (!parent) throw invalid(`Logical table ${id} uses data set ${source.DataSetArn}, which does not exist.`);
      columns = parent;
    } else throw invalid(`Logical table ${id} has no Source.`);
    return applyTransforms(id, columns, table.DataTransforms ?? []);
  };
  return columnsOf(root);
}

function applyTransforms(tableId: string, input: OutputColumn[], transforms: readonly TransformIn[]): OutputColumn[] {
  let columns = input.map((c) => ({ ...c }));
  const find = (name: string | undefined, op: string) => {
    const column = name === undefined ? undefined : findColumn(columns, name);
    if (!column)
      throw invalid(
        `${op} in logical table ${tableId} names column ${name}, which the table does not have (it has: ${columns.map((c) => c.Name).join(', ')}).`,
      );
    return column;
  };
  for (const transform of transforms) {
    if (transform.ProjectOperation) {
      columns = (transform.ProjectOperation.ProjectedColumns ?? []).map((name) => find(name, 'ProjectOperation'));
    } else if (transform.RenameColumnOperation) {
      const rename = transform.RenameColumnOperation;
      find(rename.ColumnName, 'RenameColumnOperation').Name = required(
        rename.NewColumnName,
        `RenameColumnOperation in logical table ${tableId}: NewColumnName`,
      );
    } else if (transform.CastColumnTypeOperation) {
      const cast = transform.CastColumnTypeOperation;
      find(cast.ColumnName, 'CastColumnTypeOperation').Type = required(
        cast.NewColumnType,
        `CastColumnTypeOperation in logical table ${tableId}: NewColumnType`,
      );
    } else if (transform.CreateColumnsOperation) {
      for (const c of transform.CreateColumnsOperation.Columns ?? [])
        columns.push({ Name: required(c.ColumnName, `CreateColumnsOperation in logical table ${tableId}: ColumnName`), Type: 'STRING' });
    } else if (transform.TagColumnOperation) {
      find(transform.TagColumnOperation.ColumnName, 'TagColumnOperation');
    } else if (transform.UntagColumnOperation) {
      find(transform.UntagColumnOperation.ColumnName, 'UntagColumnOperation');
    }
  }
  return columns;
}
