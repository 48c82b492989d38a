import type { CreateDataSetCommandInput, CreateRefreshScheduleCommandInput } from '@aws-sdk/client-quicksight';
import { permissionsFor, resourceId, resourceKey, type DesiredBase } from '../../compile/index.ts';
import { quicksightDataSet } from '../../compile/dataset/dataset.ts';
import { refreshSchedule } from '../../compile/dataset/refresh.ts';
import { qualifiedTable } from '../../compile/dataset/sql.ts';
import type { CompileContext } from '../kind.ts';
import { dataSourceArn, dataSourceId } from '../data-source/identity.ts';
import { glueDatabaseName } from '../glue-database/identity.ts';
import { glueTableId } from '../glue-table/identity.ts';
import { DATA_SET_ACTIONS } from './permissions.ts';

export type DataSetResource = DesiredBase<'DataSet', CreateDataSetCommandInput, 'CreateDataSet'> & {
  /** SPICE datasets: their refresh schedule. */
  readonly refreshSchedule?: CreateRefreshScheduleCommandInput;
};

/** A QuickSight dataset per DataSet spec: custom SQL over the CloudTrail table, through the target's data source. */
export function compileDataSets(ctx: CompileContext): DataSetResource[] {
  const { target } = ctx;
  const project = ctx.specs.project.spec;
  const source = dataSourceId(project, target);
  const table = qualifiedTable(glueDatabaseName(project, target), project.glue.table);
  const permissions = permissionsFor(DATA_SET_ACTIONS, target.principals, { viewers: false });
  const dependsOn = [resourceKey({ kind: 'DataSource', id: source }), resourceKey({ kind: 'GlueTable', id: glueTableId(project, target) })];
  return ctx.specs.datasets.map((dataset) => {
    const id = resourceId(target, dataset.spec.id);
    const tags = ctx.tagsOf(dataset.spec.id, dataset.spec);
    return {
      kind: 'DataSet',
      id,
      source: { file: dataset.file, specId: dataset.spec.id },
      service: 'quicksight',
      operation: 'CreateDataSet',
      input: quicksightDataSet({ dataset, target, id, dataSourceArn: dataSourceArn(target, source), table, permissions, tags }),
      ...(dataset.refresh ? { refreshSchedule: refreshSchedule({ refresh: dataset.refresh, target, id }) } : {}),
      dependsOn,
    };
  });
}
