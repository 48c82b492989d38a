import { TargetError } from '../compile/index.ts';
import type { CheckedSpecs } from '../language/index.ts';
import type { RetryPolicy } from '../aws/retry.ts';
import { hasAwsConfig } from './ambient.ts';
import { ambientTarget, openAwsTarget } from './aws.ts';
import { openLocalTarget, localUser } from './local.ts';
import type { OpenTarget } from './open-target.ts';

export type { OpenTarget } from './open-target.ts';
export { ambientTarget, hasAwsConfig, localUser };
export { discoverLogs, type LogsLayout } from './logs.ts';
export { ensureSampleLogs } from './sample-logs.ts';

export interface TargetOptions {
  /** `local`, `aws`, or a target of the Project; default `$TRAILSIGHT_TARGET`, else `local`. */
  readonly name?: string;
  /** Local target: the user's own logs. */
  readonly logs?: string;
  /** trailsight's working folder, `.trailsight/`. */
  readonly workdir: string;
  readonly env: NodeJS.ProcessEnv;
  /** The home folder, where `~/.aws` would be. */
  readonly home: string;
  readonly retry?: RetryPolicy;
  readonly note?: (line: string) => void;
}

/**
 * The target's name when none is given: `$TRAILSIGHT_TARGET`, else `local` — always, even where AWS
 * is configured, so nothing reaches a real account unless a target is named.
 */
export function defaultTargetName(env: NodeJS.ProcessEnv): string {
  return env.TRAILSIGHT_TARGET || 'local';
}

/** Resolves `--target` and connects to it (starting the local endpoint for `local`). Close it when done. */
export async function openTarget(specs: CheckedSpecs, options: TargetOptions): Promise<OpenTarget> {
  const name = options.name ?? defaultTargetName(options.env);
  if (!options.name && name === 'local' && hasAwsConfig(options.env, options.home)) {
    options.note?.(
      'local: AWS is configured here, but without --target trailsight works on the local target (--target aws or a Project target publishes to AWS)',
    );
  }
  if (name === 'local') return openLocalTarget(specs, { workdir: options.workdir, logs: options.logs, retry: options.retry, note: options.note });
  if (options.logs) throw new TargetError(`--logs is for the local target; target "${name}" reads the logs the Project's source points at`);
  return openAwsTarget(specs, { name, env: options.env, retry: options.retry });
}
