import { resourceId, type ResolvedTarget } from '../../compile/index.ts';
import type { ProjectSpec } from '../../language/schema/index.ts';
import type { ArnScope } from '../kind.ts';
import { serviceArn } from '../shared/arn.ts';

/** Whether trailsight creates and manages the Project's workgroup (else it uses an existing one). */
export function managesWorkGroup(project: ProjectSpec): boolean {
  return project.athena.createWorkgroup === true;
}

/** The workgroup queries run in: trailsight's (the target's prefix applied), or the existing one named. */
export function workGroupName(project: ProjectSpec, target: ResolvedTarget): string {
  return managesWorkGroup(project) ? resourceId(target, project.athena.workgroup) : project.athena.workgroup;
}

export function workGroupArn(scope: ArnScope, name: string): string {
  return serviceArn(scope, 'athena', `workgroup/${name}`);
}
