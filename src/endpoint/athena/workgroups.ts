import { pageOf } from '../paging.ts';
import type { Operations, ServiceContext } from '../service.ts';
import type { Transaction } from '../state/store.ts';
import { invalidRequest } from './errors.ts';
import { PRIMARY_WORKGROUP, workGroupKey, workGroupsKey } from './keys.ts';

export interface WorkGroupRecord {
  Name: string;
  State: 'ENABLED' | 'DISABLED';
  Description?: string;
  Configuration: Record<string, any>;
  CreationTime: number;
  Tags: { Key: string; Value: string }[];
}

const DEFAULT_CONFIGURATION = {
  EnforceWorkGroupConfiguration: false,
  PublishCloudWatchMetricsEnabled: false,
  RequesterPaysEnabled: false,
  EngineVersion: { SelectedEngineVersion: 'AUTO', EffectiveEngineVersion: 'Athena engine version 3' },
};

/** The `primary` workgroup exists in every account and region without being created. */
function primary(): WorkGroupRecord {
  return { Name: PRIMARY_WORKGROUP, State: 'ENABLED', Configuration: { ...DEFAULT_CONFIGURATION, ResultConfiguration: {} }, CreationTime: 0, Tags: [] };
}

export async function findWorkGroup(context: ServiceContext, name: string, tx?: Transaction): Promise<WorkGroupRecord | undefined> {
  const stored = await (tx ?? context.store).get<WorkGroupRecord>(workGroupKey(context.settings.account, context.region, name));
  return stored ?? (name === PRIMARY_WORKGROUP ? primary() : undefined);
}

export async function requireWorkGroup(context: ServiceContext, name: string, tx?: Transaction): Promise<WorkGroupRecord> {
  const workGroup = await findWorkGroup(context, name, tx);
  if (!workGroup) throw invalidRequest(`WorkGroup ${name} is not found.`);
  return workGroup;
}

const answer = (w: WorkGroupRecord) => ({
  Name: w.Name,
  State: w.State,
  Description: w.Description,
  Configuration: w.Configuration,
  CreationTime: w.CreationTime / 1000,
});

/** Applies `ConfigurationUpdates` the way Athena's UpdateWorkGroup does. */
function updateConfiguration(current: Record<string, any>, updates: Record<string, any> = {}): Record<string, any> {
  const next = { ...current };
  for (const key of ['EnforceWorkGroupConfiguration', 'PublishCloudWatchMetricsEnabled', 'BytesScannedCutoffPerQuery', 'RequesterPaysEnabled', 'EngineVersion', 'AdditionalConfiguration', 'ExecutionRole', 'CustomerContentEncryptionConfiguration', 'EnableMinimumEncryptionConfiguration', 'QueryResultsS3AccessGrantsConfiguration', 'ManagedQueryResultsConfiguration']) {
    if (updates[key] !== undefined) next[key] = updates[key];
  }
  if (updates.RemoveBytesScannedCutoffPerQuery) delete next.BytesScannedCutoffPerQuery;
  const result = updates.ResultConfigurationUpdates;
  if (result) {
    const rc = { ...(next.ResultConfiguration ?? {}) };
    for (const [field, remove] of [['OutputLocation', 'RemoveOutputLocation'], ['EncryptionConfiguration', 'RemoveEncryptionConfiguration'], ['ExpectedBucketOwner', 'RemoveExpectedBucketOwner'], ['AclConfiguration', 'RemoveAclConfiguration']]) {
      if (result[remove]) delete rc[field];
      if (result[field] !== undefined) rc[field] = result[field];
    }
    next.ResultConfiguration = rc;
  }
  return next;
}

export const workGroupOperations: Operations = {
  async CreateWorkGroup(input: { Name: string; Configuration?: Record<string, any>; Description?: string; Tags?: WorkGroupRecord['Tags'] }, context) {
    const key = workGroupKey(context.settings.account, context.region, input.Name);
    await context.store.transact(async (tx) => {
      if (await findWorkGroup(context, input.Name, tx)) throw invalidRequest(`WorkGroup ${input.Name} is already created`);
      const record: WorkGroupRecord = {
        Name: input.Name,
        State: 'ENABLED',
        Description: input.Description,
        Configuration: { ...DEFAULT_CONFIGURATION, ResultConfiguration: {}, ...(input.Configuration ?? {}) },
        CreationTime: Date.now(),
        Tags: input.Tags ?? [],
      };
      tx.put(key, record);
    });
    return {};
  },
  async GetWorkGroup(input: { WorkGroup: string }, context) {
    return { WorkGroup: answer(await requireWorkGroup(context, input.WorkGroup)) };
  },
  async ListWorkGroups(input: { MaxResults?: number; NextToken?: string }, context) {
    const stored = await context.store.list<WorkGroupRecord>(workGroupsKey(context.settings.account, context.region));
    const all = stored.some((w) => w.Name === PRIMARY_WORKGROUP) ? stored : [primary(), ...stored];
    const { items, NextToken } = pageOf(all, input, { defaultSize: 50, invalidToken: () => invalidRequest('The NextToken is not valid.') });
    return {
      WorkGroups: items.map((w) => ({ Name: w.Name, State: w.State, Description: w.Description, CreationTime: w.CreationTime / 1000, EngineVersion: w.Configuration.EngineVersion })),
      NextToken,
    };
  },
  async UpdateWorkGroup(input: { WorkGroup: string; Description?: string; ConfigurationUpdates?: Record<string, any>; State?: 'ENABLED' | 'DISABLED' }, context) {
    const key = workGroupKey(context.settings.account, context.region, input.WorkGroup);
    await context.store.transact(async (tx) => {
      const current = await requireWorkGroup(context, input.WorkGroup, tx);
      tx.put(key, {
        ...current,
        Description: input.Description ?? current.Description,
        State: input.State ?? current.State,
        Configuration: updateConfiguration(current.Configuration, input.ConfigurationUpdates),
      });
    });
    return {};
  },
  async DeleteWorkGroup(input: { WorkGroup: string }, context) {
    if (input.WorkGroup === PRIMARY_WORKGROUP) throw invalidRequest('The primary workgroup cannot be deleted.');
    const key = workGroupKey(context.settings.account, context.region, input.WorkGroup);
    await context.store.transact(async (tx) => {
      await requireWorkGroup(context, input.WorkGroup, tx);
      tx.delete(key);
    });
    return {};
  },
};
