import { TargetError } from '../compile/index.ts';
import type { SpecSet } from '../spec/index.ts';
import type { RetryPolicy } from '../aws/retry.ts';
import { hasAwsConfig } from './ambient.ts';
import { ambientTarget, openAwsTarget } from './aws.ts';
import { openLocalTarget, localUser } from './local.ts';
import type { OpenTarget } from './open-target.ts';

export type { OpenTarget } from './open-target.ts';
export { ambientTarget, hasAwsConfig, localUser };
export { discoverLogs, ensureSampleLogs, type LogsLayout } from './logs.ts';

export interface TargetOptions {
  /** `local`, `aws`, or a target of the Project; default `local` unless AWS is configured here, then `aws`. */
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

/** The target's name when none is given: `local` on a machine with no AWS configuration, else `aws`. */
export function defaultTargetName(env: NodeJS.ProcessEnv, home: string): string {
  return hasAwsConfig(env, home) ? 'aws' : 'local';
}

/** Resolves `--target` and connects to it (starting the local endpoint for `local`). Close it when done. */
export async function openTarget(specs: SpecSet, options: TargetOptions): Promise<OpenTarget> {
  const name = options.name ?? defaultTargetName(options.env, options.home);
  if (name === 'local') return openLocalTarget(specs, { workdir: options.workdir, logs: options.logs, retry: options.retry, note: options.note });
  if (options.logs) throw new TargetError(`--logs is for the local target; target "${name}" reads the logs the Project's source points at`);
  return openAwsTarget(specs, { name, env: options.env, retry: options.retry });
}
