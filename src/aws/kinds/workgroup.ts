import {
  CreateWorkGroupCommand,
  DeleteWorkGroupCommand,
  GetWorkGroupCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateWorkGroupCommand,
  type CreateWorkGroupCommandInput,
  type WorkGroupConfigurationUpdates,
} from '@aws-sdk/client-athena';
import { normaliseTags, type ActualResource } from '../../plan/index.ts';
import { arnOf } from '../arns.ts';
import { orMissing } from '../errors.ts';
import { keyedRecord } from '../../text/keyed-record.ts';
import type { AwsContext, KindAdapter } from './adapter.ts';
import { fullActual } from './resource-state.ts';

async function readTags(ctx: AwsContext, id: string): Promise<Record<string, string> | undefined> {
  const out = await orMissing(ctx.clients.athena.send(new ListTagsForResourceCommand({ ResourceARN: arnOf(ctx, 'WorkGroup', id) })));
  return out ? normaliseTags(out.Tags) : undefined;
}

/** UpdateWorkGroup takes `ConfigurationUpdates`, shaped like the create's `Configuration` but for its result settings. */
function configurationUpdates(input: CreateWorkGroupCommandInput): WorkGroupConfigurationUpdates | undefined {
  if (!input.Configuration) return undefined;
  const { ResultConfiguration, ...rest } = input.Configuration;
  return { ...(rest as WorkGroupConfigurationUpdates), ...(ResultConfiguration ? { ResultConfigurationUpdates: ResultConfiguration } : {}) };
}

async function readWorkGroup(ctx: AwsContext, id: string): Promise<ActualResource> {
  const out = await orMissing(ctx.clients.athena.send(new GetWorkGroupCommand({ WorkGroup: id })));
  if (!out?.WorkGroup) return { kind: 'WorkGroup', id, exists: false };
  const tags = (await readTags(ctx, id)) ?? keyedRecord();
  return fullActual({ kind: 'WorkGroup', id, record: out.WorkGroup, tags });
}

/**
 * Athena keeps no LastUpdatedTime that would tell of an edit made elsewhere, and a Project has one
 * workgroup: it is always read in full (GetWorkGroup and its tags), so every publish restores it.
 */
export const workGroupAdapter: KindAdapter = {
  // The create sends the compiled request as it is; the fingerprint tag follows it.
  fingerprintOnCreate: false,

  readQuick: (ctx, desired) => readWorkGroup(ctx, desired.model.id),
  readFull: (ctx, { id }) => readWorkGroup(ctx, id),

  async create(ctx, desired) {
    const input = desired.resource.input as CreateWorkGroupCommandInput;
    await ctx.clients.athena.send(new CreateWorkGroupCommand(input));
    return {};
  },

  async update(ctx, desired) {
    const input = desired.resource.input as CreateWorkGroupCommandInput;
    await ctx.clients.athena.send(
      new UpdateWorkGroupCommand({ WorkGroup: input.Name, Description: input.Description, ConfigurationUpdates: configurationUpdates(input) }),
    );
    return {};
  },

  async tag(ctx, ref, tags) {
    const Tags = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
    await ctx.clients.athena.send(new TagResourceCommand({ ResourceARN: arnOf(ctx, 'WorkGroup', ref.id), Tags }));
  },
  async untag(ctx, ref, keys) {
    await ctx.clients.athena.send(new UntagResourceCommand({ ResourceARN: arnOf(ctx, 'WorkGroup', ref.id), TagKeys: [...keys] }));
  },
  async remove(ctx, { id }) {
    await ctx.clients.athena.send(new DeleteWorkGroupCommand({ WorkGroup: id }));
  },
};
