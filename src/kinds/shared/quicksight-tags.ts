import { ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-quicksight';
import type { AwsContext } from '../../aws/context.ts';
import { orMissing } from '../../aws/errors.ts';
import { FINGERPRINT_TAG, normaliseTags, parseFingerprintTag } from '../../plan/index.ts';
import { keyedRecord, ownValue } from '../../text/keyed-record.ts';
import type { ArnScope, FingerprintRead, Tagging } from '../kind.ts';

type ArnOf = (scope: ArnScope, id: string) => string;

/** Tagging of a QuickSight resource: ListTagsForResource, TagResource, UntagResource on its ARN. */
export function quicksightTagging(arn: ArnOf): Tagging {
  return {
    async read(ctx, id) {
      const out = await orMissing(ctx.clients.quicksight.send(new ListTagsForResourceCommand({ ResourceArn: arn(ctx, id) })));
      return out ? normaliseTags(out.Tags) : undefined;
    },
    async tag(ctx, id, tags) {
      const Tags = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
      await ctx.clients.quicksight.send(new TagResourceCommand({ ResourceArn: arn(ctx, id), Tags }));
    },
    async untag(ctx, id, keys) {
      await ctx.clients.quicksight.send(new UntagResourceCommand({ ResourceArn: arn(ctx, id), TagKeys: [...keys] }));
    },
  };
}

/** The cheap read of a kind that keeps its fingerprint (and stamp) in a tag: one ListTagsForResource. */
export function fingerprintTagRead(tagging: Tagging): FingerprintRead {
  return {
    async read(ctx: AwsContext, id: string) {
      const tags = await tagging.read(ctx, id);
      if (!tags) return undefined;
      const { fingerprint, stamp } = parseFingerprintTag(ownValue(tags, FINGERPRINT_TAG));
      const compared = fingerprint ? keyedRecord([...Object.entries(tags), [FINGERPRINT_TAG, fingerprint]]) : tags;
      return { tags: compared, ...(fingerprint ? { fingerprint } : {}), ...(stamp ? { stamp } : {}) };
    },
  };
}
