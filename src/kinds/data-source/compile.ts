import type { CreateDataSourceCommandInput } from '@aws-sdk/client-quicksight';
import { permissionsFor, resourceKey, type DesiredBase } from '../../compile/index.ts';
import { quicksightDataSource } from '../../compile/quicksight/datasource.ts';
import type { CompileContext } from '../kind.ts';
import { projectSource } from '../shared/requests.ts';
import { managesWorkGroup, workGroupName } from '../workgroup/identity.ts';
import { dataSourceId } from './identity.ts';
import { DATA_SOURCE_ACTIONS } from './permissions.ts';

export type DataSourceResource = DesiredBase<'DataSource', CreateDataSourceCommandInput, 'CreateDataSource'>;

/** The target's one QuickSight data source: Athena, through the Project's workgroup. */
export function compileDataSource(ctx: CompileContext): DataSourceResource[] {
  const project = ctx.specs.project.spec;
  const id = dataSourceId(project, ctx.target);
  const workgroup = workGroupName(project, ctx.target);
  const permissions = permissionsFor(DATA_SOURCE_ACTIONS, ctx.target.principals, { viewers: false });
  return [
    {
      kind: 'DataSource',
      id,
      source: projectSource(ctx),
      service: 'quicksight',
      operation: 'CreateDataSource',
      input: quicksightDataSource({ project, target: ctx.target, id, workgroup, permissions, tags: ctx.tagsOf(project.id, project) }),
      dependsOn: managesWorkGroup(project) ? [resourceKey({ kind: 'WorkGroup', id: workgroup })] : [],
    },
  ];
}
