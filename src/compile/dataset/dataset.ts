import type { CreateDataSetCommandInput, LogicalTable, TransformOperation } from '@aws-sdk/client-quicksight';
import type { DataSetSpec } from '../../language/schema/index.ts';
import type { Located } from '../../language/specset.ts';
import { permissionsFor } from '../permissions.ts';
import type { Problems } from '../problems.ts';
import { tagList } from '../tags.ts';
import type { ResolvedTarget } from '../target.ts';
import { inputColumnType } from './columns.ts';
import { SqlError } from '../../sql/index.ts';
import { datasetSql } from './sql.ts';

/** Ids inside a dataset: one physical table (the custom SQL) and one logical table on top of it. */
export const PHYSICAL_TABLE_ID = 'cloudtrail-sql';
export const LOGICAL_TABLE_ID = 'cloudtrail';

/**
 * QuickSight `CreateDataSet`: custom SQL over the CloudTrail table with its typed columns, and a
 * logical table adding the calculated fields and column descriptions.
 */
export function quicksightDataSet(options: {
  located: Located<DataSetSpec>;
  target: ResolvedTarget;
  id: string;
  dataSourceArn: string;
  table: string;
  tags: Record<string, string>;
  problems: Problems;
}): CreateDataSetCommandInput {
  const { located, target } = options;
  const spec = located.spec;
  checkFreeSql(located, options.problems);
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
          SqlQuery: compiledSql(located, options.table, options.problems),
          Columns: spec.columns.map((c) => ({ Name: c.name, ...inputColumnType(c.type ?? 'string') })),
        },
      },
    },
    LogicalTableMap: { [LOGICAL_TABLE_ID]: logicalTable(spec) },
    Permissions: permissionsFor('DataSet', target.principals),
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

/** The dataset's SQL; SQL that does not parse (lint says where) is a problem, not a crash. */
function compiledSql(located: Located<DataSetSpec>, table: string, problems: Problems): string {
  try {
    return datasetSql(located.spec, table);
  } catch (error) {
    if (!(error instanceof SqlError)) throw error;
    problems.report(located, [located.spec.sql !== undefined ? 'sql' : 'columns'], `the dataset's SQL is not valid Trino SQL (${error.detail}); \`trailsight lint\` shows where`);
    return '';
  }
}

/** With free `sql`, the declarative parts would be silently ignored: say so instead. */
function checkFreeSql(located: Located<DataSetSpec>, problems: Problems): void {
  const spec = located.spec;
  if (!spec.sql) return;
  if (spec.where) problems.report(located, ['where'], 'a dataset with `sql` cannot also have `where`: put the condition in the SQL');
  if (spec.window) problems.report(located, ['window'], 'a dataset with `sql` cannot also have `window`: filter on the "timestamp" partition in the SQL');
  spec.columns.forEach((c, i) => {
    if (c.expr) problems.report(located, ['columns', i, 'expr'], `column ${c.name}: with \`sql\`, columns declare only name and type; compute it in the SQL`);
  });
}
