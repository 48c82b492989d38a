import type { CreateDataSetCommandInput, LogicalTable, ResourcePermission, TransformOperation } from '@aws-sdk/client-quicksight';
import type { CheckedDataSet, DataSetSpec } from '../../language/index.ts';
import { tagList } from '../tags.ts';
import type { ResolvedTarget } from '../target.ts';
import { inputColumnType } from './columns.ts';
import type { QualifiedTables } from './qualify.ts';
import { datasetSql } from './sql.ts';

/** Ids inside a dataset: one physical table (the custom SQL) and one logical table on top of it. */
export const PHYSICAL_TABLE_ID = 'cloudtrail-sql';
export const LOGICAL_TABLE_ID = 'cloudtrail';

/**
 * QuickSight `CreateDataSet`: custom SQL over the CloudTrail table with its typed columns, and a
 * logical table adding the calculated fields and column descriptions.
 */
export function quicksightDataSet(options: {
  dataset: CheckedDataSet;
  target: ResolvedTarget;
  id: string;
  dataSourceArn: string;
  tables: QualifiedTables;
  permissions: ResourcePermission[] | undefined;
  tags: Record<string, string>;
}): CreateDataSetCommandInput {
  const { dataset, target } = options;
  const spec = dataset.spec;
  return {
    AwsAccountId: target.account,
    DataSetId: options.id,
    Name: spec.name,
    ImportMode: spec.import?.mode ?? 'DIRECT_QUERY',
    PhysicalTableMap: {
      [PHYSICAL_TABLE_ID]: {
        CustomSql: {
          DataSourceArn: options.dataSourceArn,
          Name: spec.name,
          SqlQuery: datasetSql(dataset.query, options.tables),
          Columns: spec.columns.map((c) => ({ Name: c.name, ...inputColumnType(c.type ?? 'string') })),
        },
      },
    },
    LogicalTableMap: { [LOGICAL_TABLE_ID]: logicalTable(spec) },
    Permissions: options.permissions,
    Tags: tagList(options.tags),
  };
}

function logicalTable(spec: DataSetSpec): LogicalTable {
  const transforms: TransformOperation[] = [];
  const calculated = spec.calculated ?? [];
  if (calculated.length > 0) {
    transforms.push({
      CreateColumnsOperation: {
        Columns: calculated.map((c) => ({ ColumnName: c.name, ColumnId: `calculated-${c.name}`, Expression: c.expression })),
      },
    });
  }
  for (const column of spec.columns) {
    if (column.description) {
      transforms.push({ TagColumnOperation: { ColumnName: column.name, Tags: [{ ColumnDescription: { Text: column.description } }] } });
    }
  }
  return {
    Alias: spec.id,
    Source: { PhysicalTableId: PHYSICAL_TABLE_ID },
    ...(transforms.length > 0 ? { DataTransforms: transforms } : {}),
  };
}
