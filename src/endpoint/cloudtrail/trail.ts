import type * as CloudTrail from '@aws-sdk/client-cloudtrail';
import type { OutputOf, Wire } from '../sdk-types.ts';

type Sdk = typeof CloudTrail;

/**
 * A trail the endpoint describes, as CloudTrail would, given by the process that starts it (the
 * local target infers it from the log folders it serves; no request can add one). What is not
 * known is left out, and the endpoint then answers that it cannot tell rather than guess.
 */
export interface LocalTrail {
  readonly trail: Wire<CloudTrail.Trail> & { readonly Name: string; readonly TrailARN: string; readonly HomeRegion: string };
  readonly status: OutputOf<Sdk, 'GetTrailStatus'>;
  /** Unset: which events the trail selects is not known (logs do not say what was left out). */
  readonly eventSelectors?: Omit<OutputOf<Sdk, 'GetEventSelectors'>, 'TrailARN'>;
  /** Unset: not known; `[]`: Insights events are not enabled. */
  readonly insightSelectors?: Wire<CloudTrail.InsightSelector>[];
  /** Why the unknowns are unknown, said in the answers that cannot be given. */
  readonly unknownBecause?: string;
}
