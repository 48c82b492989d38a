import type { Principals, Tags } from '../language/schema/index.ts';

/** A target with everything compile needs resolved: where resources go and who gets access. */
export interface ResolvedTarget {
  /** Target name: "local" or a name from the Project's `targets`, or "aws" for the ambient configuration. */
  readonly name: string;
  readonly account: string;
  readonly region: string;
  /** Put before every resource id (e.g. "staging-"); empty for none. */
  readonly idPrefix: string;
  readonly principals: Principals;
  /** Extra tags for this target, on top of the Project's. */
  readonly tags?: Tags;
}
