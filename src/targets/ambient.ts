import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Environment variables that mean "an AWS account is configured here". */
const AWS_ENV = [
  'AWS_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_ENDPOINT_URL',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
];

/**
 * Whether any AWS configuration is present: credentials or a profile in the environment, or the
 * shared config/credentials files. Without any, the default target is `local`.
 */
export function hasAwsConfig(env: NodeJS.ProcessEnv, home: string): boolean {
  if (AWS_ENV.some((name) => !!env[name])) return true;
  if (Object.keys(env).some((name) => name.startsWith('AWS_ENDPOINT_URL_') && !!env[name])) return true;
  const config = env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config');
  const credentials = env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials');
  return existsSync(config) || existsSync(credentials);
}
