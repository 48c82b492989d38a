import type { TrailTableKind } from '../../cloudtrail/index.ts';
import { glueTableName, type ResolvedTarget } from '../../compile/index.ts';
import type { ProjectSpec } from '../../language/schema/index.ts';
import type { ArnScope } from '../kind.ts';
import { serviceArn } from '../shared/arn.ts';
import { glueDatabaseName } from '../glue-database/identity.ts';

/** A Glue table's id: `database.table`; the trail's events' table unless `kind` says its Insights events'. */
export function glueTableId(project: ProjectSpec, target: ResolvedTarget, kind: TrailTableKind = 'logs'): string {
  return `${glueDatabaseName(project, target)}.${glueTableName(project, kind)}`;
}

/** The database and table names of an id `database.table` (Glue table names have no dot). */
export function glueTableNames(id: string): { DatabaseName: string; Name: string } {
  const [database = '', ...rest] = id.split('.');
  return { DatabaseName: database, Name: rest.join('.') };
}

export function glueTableArn(scope: ArnScope, id: string): string {
  const { DatabaseName, Name } = glueTableNames(id);
  return serviceArn(scope, 'glue', `table/${DatabaseName}/${Name}`);
}
