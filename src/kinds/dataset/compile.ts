import type { CreateDataSetCommandInput, CreateRefreshScheduleCommandInput } from '@aws-sdk/client-quicksight';
import { permissionsFor, resourceId, resourceKey, type DesiredBase } from '../../compile/index.ts';
import { quicksightDataSet } from '../../compile/dataset/dataset.ts';
import { refreshSchedule } from '../../compile/dataset/refresh.ts';
import { qualifiedTable, tablesRead } from '../../compile/dataset/sql.ts';
import { glueTableName } from '../../compile/index.ts';
import type { CompileContext } from '../kind.ts';
import { dataSourceArn, dataSourceId } from '../data-source/identity.ts';
import { glueDatabaseName } from '../glue-database/identity.ts';
import { glueTableId } from '../glue-table/identity.ts';
import { DATA_SET_ACTIONS } from './permissions.ts';

export type DataSetResource = DesiredBase<'DataSet', CreateDataSetCommandInput, 'CreateDataSet'> & {
  /** SPICE datasets: their refresh schedule. */
  readonly refreshSchedule?: CreateRefreshScheduleCommandInput;
};

/** A QuickSight dataset per DataSet spec: custom SQL over the trail's tables, through the target's data source. */
export function compileDataSets(ctx: CompileContext): DataSetResource[] {
  const { target } = ctx;
  const project = ctx.specs.project.spec;
  const source = dataSourceId(project, target);
  const database = glueDatabaseName(project, target);
  const tables = { logs: qualifiedTable(database, glueTableName(project, 'logs')), insights: qualifiedTable(database, glueTableName(project, 'insights')) };
  const permissions = permissionsFor(DATA_SET_ACTIONS, target.principals, { viewers: false });
  return ctx.specs.datasets.map((dataset) => {
    // Its data source, and the tables its SQL reads.
    const dependsOn = [
      resourceKey({ kind: 'DataSource', id: source }),
      ...tablesRead(dataset.query).map((kind) => resourceKey({ kind: 'GlueTable', id: glueTableId(project, target, kind) })),
    ];
    const id = resourceId(target, dataset.spec.id);
    const tags = ctx.tagsOf(dataset.spec.id, dataset.spec);
    return {
      kind: 'DataSet',
      id,
      source: { file: dataset.file, specId: dataset.spec.id },
      service: 'quicksight',
      operation: 'CreateDataSet',
      input: quicksightDataSet({ dataset, target, id, dataSourceArn: dataSourceArn(target, source), tables, permissions, tags }),
      ...(dataset.refresh ? { refreshSchedule: refreshSchedule({ refresh: dataset.refresh, target, id }) } : {}),
      dependsOn,
    };
  });
}
