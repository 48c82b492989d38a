import type { CreateTableCommandInput } from '@aws-sdk/client-glue';
import { TRAIL_TABLES, type TrailTableKind } from '../../cloudtrail/index.ts';
import { resourceKey, type DesiredBase } from '../../compile/index.ts';
import { glueTable } from '../../compile/glue/table.ts';
import type { CompileContext } from '../kind.ts';
import { projectSource } from '../shared/requests.ts';
import { glueDatabaseName } from '../glue-database/identity.ts';
import { glueTableId } from './identity.ts';

export type GlueTableResource = DesiredBase<'GlueTable', CreateTableCommandInput, 'CreateTable'> & {
  /** Which of the trail's tables it is: its events, or its Insights events. */
  readonly records: TrailTableKind;
};

/** The trail's two tables, in the Project's database: its events, then its Insights events. */
export function compileGlueTable(ctx: CompileContext): GlueTableResource[] {
  const project = ctx.specs.project.spec;
  const database = glueDatabaseName(project, ctx.target);
  return [TRAIL_TABLES.logs, TRAIL_TABLES.insights].map((table) => ({
    kind: 'GlueTable',
    id: glueTableId(project, ctx.target, table.kind),
    source: projectSource(ctx),
    service: 'glue',
    operation: 'CreateTable',
    input: glueTable({ project, database, table }),
    records: table.kind,
    dependsOn: [resourceKey({ kind: 'GlueDatabase', id: database })],
  }));
}
