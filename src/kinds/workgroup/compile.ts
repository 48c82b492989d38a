import type { CreateWorkGroupCommandInput } from '@aws-sdk/client-athena';
import type { DesiredBase } from '../../compile/index.ts';
import { athenaWorkGroup } from '../../compile/athena/workgroup.ts';
import type { CompileContext } from '../kind.ts';
import { projectSource } from '../shared/requests.ts';
import { managesWorkGroup, workGroupName } from './identity.ts';

export type WorkGroupResource = DesiredBase<'WorkGroup', CreateWorkGroupCommandInput, 'CreateWorkGroup'>;

/** The Project's Athena workgroup, when it asks trailsight to manage one. */
export function compileWorkGroup(ctx: CompileContext): WorkGroupResource[] {
  const project = ctx.specs.project.spec;
  if (!managesWorkGroup(project)) return [];
  const name = workGroupName(project, ctx.target);
  return [
    {
      kind: 'WorkGroup',
      id: name,
      source: projectSource(ctx),
      service: 'athena',
      operation: 'CreateWorkGroup',
      input: athenaWorkGroup({ project, name, tags: ctx.tagsOf(project.id, project) }),
      dependsOn: [],
    },
  ];
}
