import { findColumn, outputType } from '../../quicksight/index.ts';
import { invalid } from './errors.ts';

export interface OutputColumn {
  Name: string;
  Type: string;
  Description?: string;
}

interface InputColumn {
  Name: string;
  Type: string;
}

/**
 * The columns a data set offers to analyses, worked out as QuickSight does from its physical tables
 * and the transforms of its logical tables (src/quicksight/data-set-columns.ts: output types, how a
 * transform finds its column); refuses references to tables or columns that are not there.
 */
export function outputColumns(
  physical: Record<string, any> = {},
  logical: Record<string, any> | undefined,
  resolveDataSet: (arn: string) => OutputColumn[] | undefined,
): OutputColumn[] {
  const physicalColumns = (id: string): OutputColumn[] => {
    const table = physical[id];
    if (!table) throw invalid(`LogicalTableMap refers to PhysicalTableId ${id}, which is not in PhysicalTableMap.`);
    const source = table.RelationalTable ?? table.CustomSql ?? table.S3Source ?? table.SaaSTable ?? {};
    const columns: InputColumn[] = source.InputColumns ?? source.Columns ?? [];
    return columns.map((c) => ({ Name: c.Name, Type: outputType(c.Type) }));
  };
  if (!logical || Object.keys(logical).length === 0) {
    const ids = Object.keys(physical);
    return ids.length === 1 ? physicalColumns(ids[0]) : [];
  }
  const referenced = new Set(
    Object.values(logical)
      .flatMap((t: any) => [t.Source?.JoinInstruction?.LeftOperand, t.Source?.JoinInstruction?.RightOperand])
      .filter(Boolean),
  );
  const roots = Object.keys(logical).filter((id) => !referenced.has(id));
  if (roots.length !== 1)
    throw invalid(
      `LogicalTableMap must have exactly one table that no join uses (the data set's output); found ${roots.length}: ${roots.join(', ') || 'none'}.`,
    );
  const seen = new Set<string>();
  const columnsOf = (id: string): OutputColumn[] => {
    const table = logical[id];
    if (!table) throw invalid(`A join refers to logical table ${id}, which is not in LogicalTableMap.`);
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
  return columnsOf(roots[0]);
}

function applyTransforms(tableId: string, input: OutputColumn[], transforms: any[]): OutputColumn[] {
  let columns = input.map((c) => ({ ...c }));
  const find = (name: string, op: string) => {
    const column = findColumn(columns, name);
    if (!column)
      throw invalid(
        `${op} in logical table ${tableId} names column ${name}, which the table does not have (it has: ${columns.map((c) => c.Name).join(', ')}).`,
      );
    return column;
  };
  for (const transform of transforms) {
    if (transform.ProjectOperation) {
      const projected: string[] = transform.ProjectOperation.ProjectedColumns ?? [];
      columns = projected.map((name) => find(name, 'ProjectOperation'));
    } else if (transform.RenameColumnOperation) {
      find(transform.RenameColumnOperation.ColumnName, 'RenameColumnOperation').Name = transform.RenameColumnOperation.NewColumnName;
    } else if (transform.CastColumnTypeOperation) {
      find(transform.CastColumnTypeOperation.ColumnName, 'CastColumnTypeOperation').Type = transform.CastColumnTypeOperation.NewColumnType;
    } else if (transform.CreateColumnsOperation) {
      for (const c of transform.CreateColumnsOperation.Columns ?? []) columns.push({ Name: c.ColumnName, Type: 'STRING' });
    } else if (transform.TagColumnOperation) {
      find(transform.TagColumnOperation.ColumnName, 'TagColumnOperation');
    } else if (transform.UntagColumnOperation) {
      find(transform.UntagColumnOperation.ColumnName, 'UntagColumnOperation');
    }
  }
  return columns;
}
