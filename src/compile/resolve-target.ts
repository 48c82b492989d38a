import type { ProjectSpec, TargetSpec } from '../language/schema/index.ts';
import { ownValue } from '../text/keyed-record.ts';
import { closest } from '../language/suggest.ts';
import type { ResolvedTarget } from './target.ts';

/** The account compile uses for the `local` target when none is given: no real account has it. */
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'us-east-1';

/** A target that cannot be resolved (unknown name, no account): the message says what to do. */
export class TargetError extends Error {
  override name = 'TargetError';
}

export interface ResolveTargetOptions {
  /** Target name; default `local`. */
  readonly name?: string;
  /** Overrides the target's account (e.g. `--account`, or the caller's account from STS). */
  readonly account?: string;
  /** Overrides the target's Region. */
  readonly region?: string;
}

/** The Project's own target of that name; never a member of `Object.prototype` (`--target toString`). */
export function targetSpec(project: ProjectSpec, name: string): TargetSpec | undefined {
  return ownValue(project.targets, name);
}

/**
 * Resolves a target of the Project: `local` (always there; account `000000000000` and us-east-1 unless
 * given) or a named one from `targets`. The target's principals replace the Project's, per role.
 */
export function resolveTarget(project: ProjectSpec, options: ResolveTargetOptions = {}): ResolvedTarget {
  const name = options.name ?? 'local';
  const spec = targetSpec(project, name);
  if (name !== 'local' && !spec) {
    const names = ['local', ...Object.keys(project.targets ?? {}).filter((t) => t !== 'local')];
    const meant = closest(name, names);
    throw new TargetError(`unknown target "${name}"${meant ? ` — did you mean "${meant}"?` : ''} (the Project defines: ${names.join(', ')})`);
  }
  const account = options.account ?? spec?.account ?? (name === 'local' ? LOCAL_ACCOUNT : undefined);
  if (!account) throw new TargetError(`target "${name}" has no account: set targets.${name}.account in the Project or pass --account`);
  const region = options.region ?? spec?.region ?? LOCAL_REGION;
  const principals = {
    owners: spec?.principals?.owners ?? project.quicksight.principals?.owners ?? [],
    viewers: spec?.principals?.viewers ?? project.quicksight.principals?.viewers ?? [],
  };
  return { name, account, region, idPrefix: spec?.idPrefix ?? '', principals };
}
