import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { resolveTarget, TargetError, targetSpec, type ResolvedTarget } from '../compile/index.ts';
import type { ProjectSpec, CheckedSpecs } from '../language/index.ts';
import { createClients, destroyClients } from '../aws/clients.ts';
import { connectFailure, missingProfile } from '../aws/connect-errors.ts';
import type { RetryPolicy } from '../aws/retry.ts';
import type { OpenTarget } from './open-target.ts';

/** Credentials the environment itself provides (as a CI job with an OIDC role has them). */
const ENV_CREDENTIALS = ['AWS_ACCESS_KEY_ID', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'];

export interface AwsTargetOptions {
  /** A target of the Project, or `aws` for the ambient configuration. */
  readonly name: string;
  readonly env: NodeJS.ProcessEnv;
  readonly retry?: RetryPolicy;
}

/**
 * An AWS target: a named one from the Project (account, Region, profile, id prefix, principals) or
 * `aws`, the ambient configuration. Credentials come from the standard chain — the target's profile
 * when it names one, unless the environment carries credentials (a CI role); the account is the
 * caller's, from STS, and must match the target's.
 */
export async function openAwsTarget(specs: CheckedSpecs, options: AwsTargetOptions): Promise<OpenTarget> {
  const project = specs.project.spec;
  const named = targetSpec(project, options.name);
  if (!named && options.name !== 'aws') resolveTarget(project, { name: options.name }); // throws TargetError naming the known targets
  // A CI job's role (OIDC, env credentials) wins over the profile a target names for laptops.
  const envCredentials = ENV_CREDENTIALS.some((name) => !!options.env[name]);
  const profile = envCredentials ? undefined : named?.profile;
  const noProfile = profile && (await missingProfile(profile, options.env));
  if (noProfile) throw new TargetError(`target "${options.name}": ${noProfile}`);
  const region = named?.region ?? (await ambientRegion(profile));
  if (!region) {
    throw new TargetError(
      `no AWS Region for target "${options.name}": set AWS_REGION, the profile's region${named ? `, or targets.${options.name}.region` : ''}`,
    );
  }
  const connection = { region, ...(profile ? { profile } : {}) };
  const clients = createClients(connection, options.retry);
  let account: string;
  try {
    account = (await clients.sts.send(new GetCallerIdentityCommand({}))).Account ?? '';
  } catch (error) {
    destroyClients(clients);
    throw new TargetError(connectFailure(error, { target: options.name, ...(profile ? { profile } : {}), env: options.env }));
  }
  if (named?.account && named.account !== account) {
    destroyClients(clients);
    throw new TargetError(`target "${options.name}" is account ${named.account}, but the credentials are for account ${account}`);
  }
  const target = named ? resolveTarget(project, { name: options.name, account, region }) : ambientTarget(project, account, region);
  const endpoint = options.env.AWS_ENDPOINT_URL ? `, endpoint ${options.env.AWS_ENDPOINT_URL}` : '';
  return {
    target,
    specs,
    connection,
    clients,
    description: `${target.name} (account ${account}, ${region}${profile ? `, profile ${profile}` : named?.profile ? ', credentials from the environment' : ''}${endpoint})`,
    close: async () => destroyClients(clients),
  };
}

/** The `aws` target: the caller's account and Region, no id prefix, the Project's principals. */
export function ambientTarget(project: ProjectSpec, account: string, region: string): ResolvedTarget {
  const principals = project.quicksight.principals;
  return { name: 'aws', account, region, idPrefix: '', principals: { owners: principals?.owners ?? [], viewers: principals?.viewers ?? [] } };
}

/** The Region the SDK would use: AWS_REGION, then the profile's `region` in the shared config. */
async function ambientRegion(profile: string | undefined): Promise<string | undefined> {
  const client = new STSClient(profile ? { profile } : {});
  try {
    return await client.config.region();
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}
