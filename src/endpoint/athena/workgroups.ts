import type * as Athena from '@aws-sdk/client-athena';
import { pageOf } from '../paging.ts';
import type { OperationsOf, Wire } from '../sdk-types.ts';
import type { ServiceContext } from '../service.ts';
import type { Transaction } from '../state/store.ts';
import { invalidRequest } from './errors.ts';
import { PRIMARY_WORKGROUP, workGroupKey, workGroupsKey } from './keys.ts';

type Configuration = Wire<Athena.WorkGroupConfiguration>;

export interface WorkGroupRecord {
  readonly Name: string;
  readonly State: Athena.WorkGroupState;
  readonly Description?: string;
  readonly Configuration: Configuration;
  /** Epoch milliseconds. */
  readonly CreationTime: number;
  readonly Tags: readonly Wire<Athena.Tag>[];
}

const DEFAULT_CONFIGURATION: Configuration = {
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

/**
 * Applies `ConfigurationUpdates` the way Athena's UpdateWorkGroup does: a member given replaces
 * the current one, a `Remove…` flag removes it, result settings are updated member by member.
 */
function updateConfiguration(current: Configuration, updates: Wire<Athena.WorkGroupConfigurationUpdates> = {}): Configuration {
  const {
    ResultConfigurationUpdates,
    ManagedQueryResultsConfigurationUpdates,
    RemoveBytesScannedCutoffPerQuery,
    RemoveCustomerContentEncryptionConfiguration,
    ...replaced
  } = updates;
  const next: Configuration = { ...current, ...replaced };
  if (RemoveBytesScannedCutoffPerQuery) delete next.BytesScannedCutoffPerQuery;
  if (RemoveCustomerContentEncryptionConfiguration) delete next.CustomerContentEncryptionConfiguration;
  if (ResultConfigurationUpdates) next.ResultConfiguration = updateResultConfiguration(next.ResultConfiguration ?? {}, ResultConfigurationUpdates);
  if (ManagedQueryResultsConfigurationUpdates) {
    const { RemoveEncryptionConfiguration, ...managed } = ManagedQueryResultsConfigurationUpdates;
    const merged = { Enabled: false, ...next.ManagedQueryResultsConfiguration, ...managed };
    if (RemoveEncryptionConfiguration) delete merged.EncryptionConfiguration;
    next.ManagedQueryResultsConfiguration = merged;
  }
  return next;
}

function updateResultConfiguration(
  current: Wire<Athena.ResultConfiguration>,
  updates: Wire<Athena.ResultConfigurationUpdates>,
): Wire<Athena.ResultConfiguration> {
  const { RemoveOutputLocation, RemoveEncryptionConfiguration, RemoveExpectedBucketOwner, RemoveAclConfiguration, ...replaced } = updates;
  const next = { ...current, ...replaced };
  if (RemoveOutputLocation) delete next.OutputLocation;
  if (RemoveEncryptionConfiguration) delete next.EncryptionConfiguration;
  if (RemoveExpectedBucketOwner) delete next.ExpectedBucketOwner;
  if (RemoveAclConfiguration) delete next.AclConfiguration;
  return next;
}

export const workGroupOperations = {
  async CreateWorkGroup(input, context) {
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
  async GetWorkGroup(input, context) {
    return { WorkGroup: answer(await requireWorkGroup(context, input.WorkGroup)) };
  },
  async ListWorkGroups(input, context) {
    const stored = await context.store.list<WorkGroupRecord>(workGroupsKey(context.settings.account, context.region));
    const all = stored.some((w) => w.Name === PRIMARY_WORKGROUP) ? stored : [primary(), ...stored];
    const { items, NextToken } = pageOf(all, input, { defaultSize: 50, invalidToken: () => invalidRequest('The NextToken is not valid.') });
    return {
      WorkGroups: items.map((w) => ({
        Name: w.Name,
        State: w.State,
        Description: w.Description,
        CreationTime: w.CreationTime / 1000,
        EngineVersion: w.Configuration.EngineVersion,
      })),
      NextToken,
    };
  },
  async UpdateWorkGroup(input, context) {
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
  async DeleteWorkGroup(input, context) {
    if (input.WorkGroup === PRIMARY_WORKGROUP) throw invalidRequest('The primary workgroup cannot be deleted.');
    const key = workGroupKey(context.settings.account, context.region, input.WorkGroup);
    await context.store.transact(async (tx) => {
      await requireWorkGroup(context, input.WorkGroup, tx);
      tx.delete(key);
    });
    return {};
  },
} satisfies OperationsOf<typeof Athena>;
