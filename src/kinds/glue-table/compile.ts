import type { CreateTableCommandInput } from '@aws-sdk/client-glue';
import { resourceKey, type DesiredBase } from '../../compile/index.ts';
import { glueTable } from '../../compile/glue/table.ts';
import type { CompileContext } from '../kind.ts';
import { projectSource } from '../shared/requests.ts';
import { glueDatabaseName } from '../glue-database/identity.ts';
import { glueTableId } from './identity.ts';

export type GlueTableResource = DesiredBase<'GlueTable', CreateTableCommandInput, 'CreateTable'>;

/** The CloudTrail table, in the Project's database. */
export function compileGlueTable(ctx: CompileContext): GlueTableResource[] {
  const project = ctx.specs.project.spec;
  const database = glueDatabaseName(project, ctx.target);
  return [
    {
      kind: 'GlueTable',
      id: glueTableId(project, ctx.target),
      source: projectSource(ctx),
      service: 'glue',
      operation: 'CreateTable',
      input: glueTable({ project, database }),
      dependsOn: [resourceKey({ kind: 'GlueDatabase', id: database })],
    },
  ];
}
