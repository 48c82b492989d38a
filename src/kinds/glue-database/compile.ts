import type { CreateDatabaseCommandInput } from '@aws-sdk/client-glue';
import type { DesiredBase } from '../../compile/index.ts';
import { glueDatabase } from '../../compile/glue/database.ts';
import type { CompileContext } from '../kind.ts';
import { projectSource } from '../shared/requests.ts';
import { glueDatabaseName } from './identity.ts';

export type GlueDatabaseResource = DesiredBase<'GlueDatabase', CreateDatabaseCommandInput, 'CreateDatabase'>;

/** The Project's Glue database, which holds the CloudTrail table. */
export function compileGlueDatabase(ctx: CompileContext): GlueDatabaseResource[] {
  const project = ctx.specs.project.spec;
  const name = glueDatabaseName(project, ctx.target);
  return [
    {
      kind: 'GlueDatabase',
      id: name,
      source: projectSource(ctx),
      service: 'glue',
      operation: 'CreateDatabase',
      input: glueDatabase({ project, name, tags: ctx.tagsOf(project.id, project) }),
      dependsOn: [],
    },
  ];
}
