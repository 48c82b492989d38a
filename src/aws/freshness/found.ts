import type { ActualModel, Grant } from '../../plan/index.ts';
import type { FingerprintRecord } from '../../kinds/index.ts';

/**
 * What the reads found of one resource, before the freshness verdict (inside this module only):
 * - `nothing`: it does not exist (its read, or its kind's List call, says so);
 * - `full`: read in full (its tags still holding the deployment record, if it holds it);
 * - `fingerprint`: the one cheap read — what trailsight recorded when it last converged it;
 * - `vouched`: not read: the target's deployment record vouches for it.
 * The last two carry the permissions where publish reads them apart (no record covers them).
 */
export type Found =
  | { readonly read: 'nothing' }
  | { readonly read: 'full'; readonly actual: ActualModel }
  | {
      readonly read: 'fingerprint';
      readonly record: FingerprintRecord;
      /** Its LastUpdatedTime as its kind's List call shows it now. */
      readonly lastUpdated?: string;
      readonly permissions?: readonly Grant[];
    }
  | { readonly read: 'vouched'; readonly permissions?: readonly Grant[] };
