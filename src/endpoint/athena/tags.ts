import type * as Athena from '@aws-sdk/client-athena';
import type { OperationsOf } from '../sdk-types.ts';
import type { ServiceContext } from '../service.ts';
import { ServiceError } from '../errors.ts';
import { workGroupKey } from './keys.ts';
import { requireWorkGroup, type WorkGroupRecord } from './workgroups.ts';

type Tag = WorkGroupRecord['Tags'][number];

/** The workgroup an Athena ARN names: `arn:aws:athena:<region>:<account>:workgroup/<name>`. */
function workGroupOf(context: ServiceContext, arn: string): string {
  const match = /^arn:aws[a-z-]*:athena:([a-z0-9-]+):(\d{12}):workgroup\/(.+)$/.exec(arn);
  if (!match || match[1] !== context.region || match[2] !== context.settings.account)
    throw new ServiceError('ResourceNotFoundException', `Resource ${arn} was not found.`, 400, { ResourceName: arn });
  return match[3]!; // the pattern's groups take part in every match
}

async function changeTags(context: ServiceContext, arn: string, change: (tags: readonly Tag[]) => Tag[]): Promise<void> {
  const name = workGroupOf(context, arn);
  await context.store.transact(async (tx) => {
    const workGroup = await requireWorkGroup(context, name, tx);
    tx.put(workGroupKey(context.settings.account, context.region, name), { ...workGroup, Tags: change(workGroup.Tags ?? []) });
  });
}

/** Tags of workgroups, by ARN. */
export const athenaTagOperations = {
  async TagResource(input, context) {
    await changeTags(context, input.ResourceARN, (tags) => {
      const byKey = new Map(tags.map((t) => [t.Key, t.Value]));
      for (const t of input.Tags) byKey.set(t.Key, t.Value);
      return [...byKey].map(([Key, Value]) => ({ Key, Value }));
    });
    return {};
  },
  async UntagResource(input, context) {
    await changeTags(context, input.ResourceARN, (tags) => tags.filter((t) => t.Key === undefined || !input.TagKeys.includes(t.Key)));
    return {};
  },
  async ListTagsForResource(input, context) {
    const workGroup = await requireWorkGroup(context, workGroupOf(context, input.ResourceARN));
    return { Tags: workGroup.Tags ?? [] };
  },
} satisfies OperationsOf<typeof Athena>;
