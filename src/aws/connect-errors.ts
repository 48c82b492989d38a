import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';

/**
 * Why trailsight could not start talking to AWS, said so a person can act on it: a profile that
 * is not configured, no credentials anywhere the SDK looks, a network that does not reach AWS, or
 * AWS refusing the credentials. (The SDK's own messages — "Could not load credentials from any
 * providers" — say none of that.)
 */

/** The shared files the SDK reads, as it finds them (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, else ~/.aws). */
function sharedFiles(env: NodeJS.ProcessEnv): { config: string; credentials: string } {
  const home = env.HOME || env.USERPROFILE || homedir();
  return { config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'), credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials') };
}

/** Undefined when `profile` is configured in the shared files; else what is wrong, naming the files and the profiles they have. */
export async function missingProfile(profile: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const files = sharedFiles(env);
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ configFilepath: files.config, filepath: files.credentials, ignoreCache: true });
  if (profile in configFile || profile in credentialsFile) return undefined;
  // `[sso-session x]` and `[services x]` sections come back as `sso-session.x`, `services.x`: not profiles.
  const known = [...new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)])].filter((name) => !/^(sso-session|services)\./.test(name)).sort();
  const there = known.length ? `profiles there: ${known.join(', ')}` : 'no profile is configured there';
  return `AWS profile "${profile}" is not configured: it is in neither ${files.config} nor ${files.credentials} (${there}). Add it (\`aws configure --profile ${profile}\` or \`aws configure sso --profile ${profile}\`), or fix the target's profile`;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);
const REFUSED_CREDENTIALS = new Set([
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'IncompleteSignature',
  'InvalidAccessKeyId',
]);
const DENIED = new Set(['AccessDenied', 'AccessDeniedException']);

/** What the first call to AWS (STS GetCallerIdentity) failing with `error` means, for `target` (credentials from `profile` when set). */
export function connectFailure(error: unknown, where: { target: string; profile?: string; env?: NodeJS.ProcessEnv }): string {
  const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = String(e?.name ?? '');
  const message = String(e?.message ?? error);
  const source = where.profile ? `profile ${where.profile}` : 'the standard credential chain';
  const target = `target "${where.target}"`;
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    if (where.profile)
      return `no AWS credentials for ${target} from profile ${where.profile}: ${message} (an SSO profile may need \`aws sso login --profile ${where.profile}\`)`;
    const files = sharedFiles(where.env ?? process.env);
    const profile = (where.env ?? process.env).AWS_PROFILE;
    return (
      `no AWS credentials found for ${target}. The SDK looked in the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ` +
      `AWS_WEB_IDENTITY_TOKEN_FILE), the shared files ${files.config} and ${files.credentials} (profile ${profile ?? 'default'}), ` +
      `SSO, the container credentials endpoint and the EC2 instance metadata service (IMDS), and found none. Configure credentials ` +
      `(\`aws configure\`, \`aws sso login\`), or name a profile in the target`
    );
  }
  const code = String(e?.code ?? '');
  if (
    NETWORK_CODES.has(code) ||
    NETWORK_CODES.has(name) ||
    name === 'TimeoutError' ||
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|socket hang up/.test(message)
  ) {
    const endpoint = where.env?.AWS_ENDPOINT_URL ? ` (AWS_ENDPOINT_URL=${where.env.AWS_ENDPOINT_URL})` : '';
    return `cannot reach AWS for ${target}${endpoint}: the network call to STS failed (${code || name}: ${message}); check the network, a proxy (HTTPS_PROXY) or AWS_ENDPOINT_URL`;
  }
  if (REFUSED_CREDENTIALS.has(name)) return `AWS refused the credentials of ${source} for ${target} as invalid or expired (${name}: ${message})`;
  if (DENIED.has(name) || e?.$metadata?.httpStatusCode === 403) return `access denied for ${target} with the credentials of ${source} (${name}: ${message})`;
  return `cannot use AWS for ${target}${where.profile ? ` (profile ${where.profile})` : ''}: ${name && name !== 'Error' ? `${name}: ` : ''}${message}`;
}
