import {
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteDatabaseCommand,
  DeleteTableCommand,
  GetDatabaseCommand,
  GetTableCommand,
  GetTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateDatabaseCommand,
  UpdateTableCommand,
  type CreateDatabaseCommandInput,
  type CreateTableCommandInput,
} from '@aws-sdk/client-glue';
import { KIND_RULES, normaliseTags, type ActualResource } from '../../plan/index.ts';
import { arnOf } from '../arns.ts';
import { orMissing } from '../errors.ts';
import type { AwsContext, KindAdapter, ResourceRef } from './adapter.ts';

/**
 * Glue keeps no fingerprint: the database is always compared in full — its properties (GetDatabase)
 * and, when the specs tag it, its tags (GetTags: the Project's hash lives there, so a Project
 * change shows only in them). Reading fewer here made `publish` miss what `plan` sees.
 */
async function readDatabase(ctx: AwsContext, id: string, withTags: boolean): Promise<ActualResource> {
  const out = await orMissing(ctx.clients.glue.send(new GetDatabaseCommand({ Name: id })));
  if (!out?.Database) return { kind: 'GlueDatabase', id, exists: false };
  const tags = withTags ? await ctx.clients.glue.send(new GetTagsCommand({ ResourceArn: arnOf(ctx, 'GlueDatabase', id) })) : undefined;
  return {
    kind: 'GlueDatabase',
    id,
    exists: true,
    depth: 'full',
    model: {
      kind: 'GlueDatabase',
      id,
      properties: KIND_RULES.GlueDatabase.actualProperties(out.Database),
      ...(tags ? { tags: normaliseTags(tags.Tags) } : {}),
    },
    managed: false,
  };
}

const hasTags = (resource: ResourceRef['resource']) => !!(resource?.input as CreateDatabaseCommandInput | undefined)?.Tags;

export const glueDatabaseAdapter: KindAdapter = {
  fingerprintOnCreate: true,
  readQuick: (ctx, desired) => readDatabase(ctx, desired.model.id, hasTags(desired.resource)),
  readFull: (ctx, ref) => readDatabase(ctx, ref.id, hasTags(ref.resource)),
  async create(ctx, desired) {
    await ctx.clients.glue.send(new CreateDatabaseCommand(desired.resource.input as CreateDatabaseCommandInput));
    return {};
  },
  async update(ctx, desired) {
    const input = desired.resource.input as CreateDatabaseCommandInput;
    await ctx.clients.glue.send(new UpdateDatabaseCommand({ CatalogId: input.CatalogId, Name: desired.model.id, DatabaseInput: input.DatabaseInput }));
    return {};
  },
  async tag(ctx, ref, tags) {
    await ctx.clients.glue.send(new TagResourceCommand({ ResourceArn: arnOf(ctx, 'GlueDatabase', ref.id), TagsToAdd: { ...tags } }));
  },
  async untag(ctx, ref, keys) {
    await ctx.clients.glue.send(new UntagResourceCommand({ ResourceArn: arnOf(ctx, 'GlueDatabase', ref.id), TagsToRemove: [...keys] }));
  },
  async remove(ctx, { id }) {
    await ctx.clients.glue.send(new DeleteDatabaseCommand({ Name: id }));
  },
};

/** A Glue table's id is `database.table`; its compiled request names both. */
function tableOf(ref: ResourceRef): { DatabaseName: string; Name: string } {
  const input = ref.resource?.input as CreateTableCommandInput | undefined;
  const [database, ...rest] = ref.id.split('.');
  return { DatabaseName: input?.DatabaseName ?? database, Name: input?.TableInput?.Name ?? rest.join('.') };
}

async function readTable(ctx: AwsContext, ref: ResourceRef): Promise<ActualResource> {
  const out = await orMissing(ctx.clients.glue.send(new GetTableCommand(tableOf(ref))));
  if (!out?.Table) return { kind: 'GlueTable', id: ref.id, exists: false };
  const properties = KIND_RULES.GlueTable.actualProperties(out.Table);
  return { kind: 'GlueTable', id: ref.id, exists: true, depth: 'full', model: { kind: 'GlueTable', id: ref.id, properties }, managed: false };
}

export const glueTableAdapter: KindAdapter = {
  fingerprintOnCreate: true,
  readQuick: (ctx, desired) => readTable(ctx, { kind: 'GlueTable', id: desired.model.id, resource: desired.resource }),
  readFull: readTable,
  async create(ctx, desired) {
    await ctx.clients.glue.send(new CreateTableCommand(desired.resource.input as CreateTableCommandInput));
    return {};
  },
  async update(ctx, desired) {
    const input = desired.resource.input as CreateTableCommandInput;
    await ctx.clients.glue.send(new UpdateTableCommand({ CatalogId: input.CatalogId, DatabaseName: input.DatabaseName, TableInput: input.TableInput }));
    return {};
  },
  async remove(ctx, ref) {
    await ctx.clients.glue.send(new DeleteTableCommand(tableOf(ref)));
  },
};
