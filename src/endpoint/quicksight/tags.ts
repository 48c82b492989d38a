import { invalid, quicksightError } from './errors.ts';
import { parseArn, type Tag } from './records.ts';
import type { Answer, QuickSightOperations } from './sdk.ts';
import { QuickSightState } from './state.ts';

/** Sets tags: a key given again takes the new value. */
export function mergeTags(current: readonly Tag[], added: readonly Tag[] = []): Tag[] {
  const byKey = new Map(current.map((t) => [t.Key, t.Value]));
  for (const t of added) byKey.set(t.Key, t.Value);
  if (byKey.size > 200) throw quicksightError('LimitExceededException', 'A resource can have at most 200 tags.');
  return [...byKey].map(([Key, Value]) => ({ Key, Value }));
}

function resolve(state: QuickSightState, arn: string) {
  const parsed = parseArn(arn);
  if (!parsed) throw invalid(`${arn} is not the ARN of a QuickSight data source, data set, analysis, dashboard, theme or folder.`);
  if (parsed.account !== state.account || parsed.region !== state.region)
    throw quicksightError('ResourceNotFoundException', `Resource ${arn} not found in account ${state.account}, region ${state.region}.`);
  return parsed;
}

/** TagResource, UntagResource and ListTagsForResource, by ARN. */
export const tagOperations = {
  async TagResource(input, context): Promise<Answer<'TagResource'>> {
    const state = new QuickSightState(context);
    const { kind, id } = resolve(state, input.ResourceArn);
    await state.update(kind, id, (record) => void (record.tags = mergeTags(record.tags, input.Tags)));
    return {};
  },
  async UntagResource(input, context): Promise<Answer<'UntagResource'>> {
    const state = new QuickSightState(context);
    const { kind, id } = resolve(state, input.ResourceArn);
    const removed = new Set(input.TagKeys);
    await state.update(kind, id, (record) => void (record.tags = record.tags.filter((t) => !removed.has(t.Key))));
    return {};
  },
  async ListTagsForResource(input, context): Promise<Answer<'ListTagsForResource'>> {
    const state = new QuickSightState(context);
    const { kind, id } = resolve(state, input.ResourceArn);
    return { Tags: (await state.require(kind, id)).tags };
  },
} satisfies QuickSightOperations;
