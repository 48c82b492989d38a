import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExpiredTokenException, GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { connectFailure, missingProfile } from '../../src/aws/connect-errors.ts';
import { runCli } from './cli.ts';
import { FIXTURE_SPECS } from './harness.ts';

/** A port on this machine that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('AWS targets that cannot be used say why: profile, credentials, network, refusal', () => {
  let dir: string;
  let home: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailsight-connect-'));
    home = join(dir, 'home');
    await mkdir(home);
    await cp(FIXTURE_SPECS, join(dir, 'dashboards'), { recursive: true });
    const project = join(dir, 'dashboards', 'project.yaml');
    await writeFile(project, `${await readFile(project, 'utf8')}  prod:\n    account: "111122223333"\n    region: us-east-1\n    profile: security-prod\n`);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A laptop with no AWS set up: HOME empty, no AWS variables, instance metadata off (no request leaves the machine). */
  const bareEnv = () => ({ PATH: process.env.PATH, HOME: home, AWS_EC2_METADATA_DISABLED: 'true' });

  it('plan --target prod with a profile that is not configured names it and the files looked in', async () => {
    const run = await runCli(['plan', '--target', 'prod'], { cwd: dir, env: bareEnv() });
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /AWS profile "security-prod" is not configured/);
    assert.ok(run.stderr.includes(join(home, '.aws', 'config')) && run.stderr.includes(join(home, '.aws', 'credentials')), run.stderr);
    assert.doesNotMatch(run.stderr, /cannot reach|Could not load credentials from any providers/);

    await mkdir(join(home, '.aws'));
    await writeFile(
      join(home, '.aws', 'config'),
      '[default]\nregion = us-east-1\n[profile security-dev]\nregion = us-east-1\n[sso-session corp]\nsso_region = us-east-1\n',
    );
    assert.match((await missingProfile('security-prod', bareEnv())) ?? '', /profiles there: default, security-dev\)/);
    assert.equal(await missingProfile('security-dev', bareEnv()), undefined);
  });

  it('plan --target aws without any credentials says none were found and where the SDK looked', async () => {
    const run = await runCli(['plan', '--target', 'aws'], { cwd: dir, env: { ...bareEnv(), AWS_REGION: 'us-east-1' } });
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /no AWS credentials found for target "aws"/);
    assert.match(run.stderr, /environment .*AWS_ACCESS_KEY_ID.*shared files .*\(profile default\), SSO, .*instance metadata service \(IMDS\)/s);
    assert.doesNotMatch(run.stderr, /cannot reach/);
  });

  it('a network that does not reach AWS, credentials refused and access denied are three different messages', async () => {
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${await closedPort()}`,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
    });
    const unreachable = await sts.send(new GetCallerIdentityCommand({})).then(
      () => assert.fail('nothing listens there'),
      (error: unknown) => error,
    );
    sts.destroy();
    assert.match(
      connectFailure(unreachable, { target: 'prod', profile: 'security-prod' }),
      /^cannot reach AWS for target "prod": the network call to STS failed \(ECONNREFUSED/,
    );

    const expired = new ExpiredTokenException({ message: 'The security token included in the request is expired', $metadata: { httpStatusCode: 400 } });
    assert.match(
      connectFailure(expired, { target: 'prod', profile: 'security-prod' }),
      /^AWS refused the credentials of profile security-prod for target "prod" as invalid or expired \(ExpiredTokenException/,
    );

    const denied = new STSServiceException({
      name: 'AccessDenied',
      $fault: 'client',
      message: 'not authorized to perform sts:GetCallerIdentity',
      $metadata: { httpStatusCode: 403 },
    });
    assert.match(
      connectFailure(denied, { target: 'aws' }),
      /^access denied for target "aws" with the credentials of the standard credential chain \(AccessDenied/,
    );
  });
});
