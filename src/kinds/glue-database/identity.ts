import { glueName, type ResolvedTarget } from '../../compile/index.ts';
import type { ProjectSpec } from '../../language/schema/index.ts';
import type { ArnScope } from '../kind.ts';
import { serviceArn } from '../shared/arn.ts';

/** The Glue database of the Project in a target (its prefix applied, Glue's way). */
export function glueDatabaseName(project: ProjectSpec, target: ResolvedTarget): string {
  return glueName(target, project.glue.database);
}

export function glueDatabaseArn(scope: ArnScope, name: string): string {
  return serviceArn(scope, 'glue', `database/${name}`);
}

/** The account's Glue Data Catalog: every Glue call on a database or table is also checked against it. */
export function glueCatalogArn(scope: ArnScope): string {
  return serviceArn(scope, 'glue', 'catalog');
}
