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
import type { AwsContext } from '../../aws/context.ts';
import { orMissing } from '../../aws/errors.ts';
import { normaliseTags, type ActualModel, type ComparedParts, type DesiredModel } from '../../plan/index.ts';
import { keyedRecord } from '../../text/keyed-record.ts';
import type { ResourceRef, Started, Tagging } from '../kind.ts';
import { fullRead } from '../shared/full-read.ts';
import { comparedProperties, MANAGED } from '../shared/managed-fields.ts';
import type { WorkGroupResource } from './compile.ts';
import { workGroupArn } from './identity.ts';

/** The compared model of the compiled request: everything but its name, and its tags. */
export function normaliseWorkGroup(resource: WorkGroupResource): ComparedParts {
  return { properties: comparedProperties(resource.input, MANAGED, ['Name']), tags: normaliseTags(resource.input.Tags) };
}

export const workGroupTagging: Tagging = {
  async read(ctx, id) {
    const out = await orMissing(ctx.clients.athena.send(new ListTagsForResourceCommand({ ResourceARN: workGroupArn(ctx, id) })));
    return out ? normaliseTags(out.Tags) : undefined;
  },
  async tag(ctx, id, tags) {
    const Tags = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
    await ctx.clients.athena.send(new TagResourceCommand({ ResourceARN: workGroupArn(ctx, id), Tags }));
  },
  async untag(ctx, id, keys) {
    await ctx.clients.athena.send(new UntagResourceCommand({ ResourceARN: workGroupArn(ctx, id), TagKeys: [...keys] }));
  },
};

/**
 * Athena keeps no LastUpdatedTime that would tell of an edit made elsewhere, and a Project has one
 * workgroup: it is always read in full (GetWorkGroup and its tags), so every publish restores it.
 */
export async function readWorkGroup(ctx: AwsContext, ref: ResourceRef<WorkGroupResource>): Promise<ActualModel | undefined> {
  const out = await orMissing(ctx.clients.athena.send(new GetWorkGroupCommand({ WorkGroup: ref.id })));
  if (!out?.WorkGroup) return undefined;
  const tags = (await workGroupTagging.read(ctx, ref.id)) ?? keyedRecord();
  const properties = comparedProperties(out.WorkGroup, MANAGED, ['Name', 'State']);
  return fullRead({ kind: 'WorkGroup', id: ref.id, properties, tags, fingerprintInTag: true });
}

/** UpdateWorkGroup takes `ConfigurationUpdates`, shaped like the create's `Configuration` but for its result settings. */
function configurationUpdates(input: CreateWorkGroupCommandInput): WorkGroupConfigurationUpdates | undefined {
  if (!input.Configuration) return undefined;
  const { ResultConfiguration, ...rest } = input.Configuration;
  return { ...rest, ...(ResultConfiguration ? { ResultConfigurationUpdates: ResultConfiguration } : {}) };
}

/** The compiled request as it is; the fingerprint tag follows it. */
export async function createWorkGroup(ctx: AwsContext, desired: DesiredModel<WorkGroupResource>): Promise<Started> {
  await ctx.clients.athena.send(new CreateWorkGroupCommand(desired.resource.input));
  return {};
}

export async function updateWorkGroup(ctx: AwsContext, desired: DesiredModel<WorkGroupResource>): Promise<Started> {
  const input = desired.resource.input;
  await ctx.clients.athena.send(
    new UpdateWorkGroupCommand({ WorkGroup: input.Name, Description: input.Description, ConfigurationUpdates: configurationUpdates(input) }),
  );
  return {};
}

export async function removeWorkGroup(ctx: AwsContext, ref: ResourceRef<WorkGroupResource>): Promise<void> {
  await ctx.clients.athena.send(new DeleteWorkGroupCommand({ WorkGroup: ref.id }));
}
