import {
  CreateDatabaseCommand,
  DeleteDatabaseCommand,
  GetDatabaseCommand,
  GetTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateDatabaseCommand,
} from '@aws-sdk/client-glue';
import type { AwsContext } from '../../aws/context.ts';
import { orMissing } from '../../aws/errors.ts';
import { canonicalObject, normaliseTags, type ActualModel, type ComparedParts, type DesiredModel } from '../../plan/index.ts';
import type { ResourceRef, Started, Tagging } from '../kind.ts';
import { comparedProperties, GLUE_MANAGED } from '../shared/managed-fields.ts';
import type { GlueDatabaseResource } from './compile.ts';
import { glueDatabaseArn } from './identity.ts';

/** The compared model of the compiled request: the database's input, and the Project's tags. */
export function normaliseGlueDatabase(resource: GlueDatabaseResource): ComparedParts {
  return { properties: canonicalObject(resource.input.DatabaseInput), tags: normaliseTags(resource.input.Tags) };
}

export const glueDatabaseTagging: Tagging = {
  async read(ctx, id) {
    const out = await orMissing(ctx.clients.glue.send(new GetTagsCommand({ ResourceArn: glueDatabaseArn(ctx, id) })));
    return out ? normaliseTags(out.Tags) : undefined;
  },
  async tag(ctx, id, tags) {
    await ctx.clients.glue.send(new TagResourceCommand({ ResourceArn: glueDatabaseArn(ctx, id), TagsToAdd: { ...tags } }));
  },
  async untag(ctx, id, keys) {
    await ctx.clients.glue.send(new UntagResourceCommand({ ResourceArn: glueDatabaseArn(ctx, id), TagsToRemove: [...keys] }));
  },
};

/**
 * Glue keeps no fingerprint: the database is always compared in full — its properties (GetDatabase)
 * and, when the specs tag it, its tags (GetTags: the Project's hash lives there, so a Project
 * change shows only in them). Reading fewer here made `publish` miss what `plan` sees.
 */
export async function readGlueDatabase(ctx: AwsContext, ref: ResourceRef<GlueDatabaseResource>): Promise<ActualModel | undefined> {
  const out = await orMissing(ctx.clients.glue.send(new GetDatabaseCommand({ Name: ref.id })));
  if (!out?.Database) return undefined;
  const tags = ref.resource?.input.Tags ? await ctx.clients.glue.send(new GetTagsCommand({ ResourceArn: glueDatabaseArn(ctx, ref.id) })) : undefined;
  return {
    model: {
      kind: 'GlueDatabase',
      id: ref.id,
      properties: comparedProperties(out.Database, GLUE_MANAGED),
      ...(tags ? { tags: normaliseTags(tags.Tags) } : {}),
    },
    managed: false,
  };
}

export async function createGlueDatabase(ctx: AwsContext, desired: DesiredModel<GlueDatabaseResource>): Promise<Started> {
  await ctx.clients.glue.send(new CreateDatabaseCommand(desired.resource.input));
  return {};
}

export async function updateGlueDatabase(ctx: AwsContext, desired: DesiredModel<GlueDatabaseResource>): Promise<Started> {
  const input = desired.resource.input;
  await ctx.clients.glue.send(new UpdateDatabaseCommand({ CatalogId: input.CatalogId, Name: desired.resource.id, DatabaseInput: input.DatabaseInput }));
  return {};
}

export async function removeGlueDatabase(ctx: AwsContext, ref: ResourceRef<GlueDatabaseResource>): Promise<void> {
  await ctx.clients.glue.send(new DeleteDatabaseCommand({ Name: ref.id }));
}
