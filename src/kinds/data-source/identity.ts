import { resourceId, type ResolvedTarget } from '../../compile/index.ts';
import type { ProjectSpec } from '../../language/schema/index.ts';
import type { ArnScope } from '../kind.ts';
import { serviceArn } from '../shared/arn.ts';

/** The target's one data source: the Project's id, prefixed. */
export function dataSourceId(project: ProjectSpec, target: ResolvedTarget): string {
  return resourceId(target, project.id);
}

export function dataSourceArn(scope: ArnScope, id: string): string {
  return serviceArn(scope, 'quicksight', `datasource/${id}`);
}
