import { CreateTableCommand, DeleteTableCommand, GetTableCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import type { AwsContext } from '../../aws/context.ts';
import { orMissing } from '../../aws/errors.ts';
import { canonicalObject, type ActualModel, type ComparedParts, type DesiredModel } from '../../plan/index.ts';
import type { ResourceRef, Started } from '../kind.ts';
import { comparedProperties, GLUE_MANAGED } from '../shared/managed-fields.ts';
import type { GlueTableResource } from './compile.ts';
import { glueTableNames } from './identity.ts';

/** The compared model of the compiled request: the table's input (Glue tables carry no tags). */
export function normaliseGlueTable(resource: GlueTableResource): ComparedParts {
  return { properties: canonicalObject(resource.input.TableInput) };
}

/** The table's database and name: from its compiled request when there is one, else from its id. */
function names(ref: ResourceRef<GlueTableResource>): { DatabaseName: string; Name: string } {
  const fromId = glueTableNames(ref.id);
  const input = ref.resource?.input;
  return { DatabaseName: input?.DatabaseName ?? fromId.DatabaseName, Name: input?.TableInput?.Name ?? fromId.Name };
}

/** One GetTable returns every property: a table is always compared in full. */
export async function readGlueTable(ctx: AwsContext, ref: ResourceRef<GlueTableResource>): Promise<ActualModel | undefined> {
  const out = await orMissing(ctx.clients.glue.send(new GetTableCommand(names(ref))));
  if (!out?.Table) return undefined;
  return { model: { kind: 'GlueTable', id: ref.id, properties: comparedProperties(out.Table, GLUE_MANAGED) }, managed: false };
}

export async function createGlueTable(ctx: AwsContext, desired: DesiredModel<GlueTableResource>): Promise<Started> {
  await ctx.clients.glue.send(new CreateTableCommand(desired.resource.input));
  return {};
}

export async function updateGlueTable(ctx: AwsContext, desired: DesiredModel<GlueTableResource>): Promise<Started> {
  const input = desired.resource.input;
  await ctx.clients.glue.send(new UpdateTableCommand({ CatalogId: input.CatalogId, DatabaseName: input.DatabaseName, TableInput: input.TableInput }));
  return {};
}

export async function removeGlueTable(ctx: AwsContext, ref: ResourceRef<GlueTableResource>): Promise<void> {
  await ctx.clients.glue.send(new DeleteTableCommand(names(ref)));
}
