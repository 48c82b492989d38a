import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTarget } from '../../src/compile/index.ts';
import { compile, requestFiles } from '../../src/kinds/index.ts';
import { dashboardSpecs, REPO } from './helpers.ts';

/** Runs `bin/trailsight.js` as a user would, capturing what it prints. */
function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(REPO, 'bin', 'trailsight.js'), ...args], { cwd: REPO }, (error, out, err) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err });
    });
  });
}

describe('trailsight compile', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'trailsight-compile-cli-'))));
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('writes one file per request, exactly the SDK inputs, and replaces stale ones', async () => {
    await writeFile(join(dir, 'quicksight.CreateDashboard.gone.json'), '{}');
    await writeFile(join(dir, 'notes.txt'), 'kept');
    const { code, out } = await run(['compile', join(REPO, 'dashboards'), '--target', 'staging', '--out', dir]);
    assert.equal(code, 0);
    assert.match(out, /compile: 32 requests for target staging \(account 123456789012, eu-west-1\)/);
    const specs = await dashboardSpecs();
    const expected = requestFiles(compile(specs, resolveTarget(specs.project.spec, { name: 'staging' })));
    assert.deepEqual((await readdir(dir)).sort(), [...expected.map((f) => f.name), 'notes.txt'].sort());
    for (const file of expected) assert.equal(await readFile(join(dir, file.name), 'utf8'), file.content);
    assert.ok(expected.some((f) => f.name === 'quicksight.CreateDashboard.staging-ec2-state-changes.json'));
    assert.ok(
      expected.some((f) => f.name === 'quicksight.CreateTheme.staging-trailsight.json'),
      'dashboards/theme.yaml',
    );
    assert.ok(
      expected.some((f) => f.name === 'quicksight.CreateFolderMembership.staging-cloudtrail-security.dashboard.staging-ec2-state-changes.json'),
      'dashboards/folder.yaml',
    );
  });

  it('compiles for local with the account given', async () => {
    const { code } = await run(['compile', join(REPO, 'dashboards'), '--account', '210987654321', '--out', dir]);
    assert.equal(code, 0);
    const input = JSON.parse(await readFile(join(dir, 'quicksight.CreateDataSource.trailsight.json'), 'utf8'));
    assert.equal(input.AwsAccountId, '210987654321');
  });

  it('refuses an unknown target or a bad account as usage errors', async () => {
    const unknown = await run(['compile', join(REPO, 'dashboards'), '--target', 'nowhere', '--out', dir]);
    assert.equal(unknown.code, 2, unknown.err);
    assert.match(unknown.err, /unknown target "nowhere" \(the Project defines: local, staging, prod\)/);
    const typo = await run(['compile', join(REPO, 'dashboards'), '--target', 'prodd', '--out', dir]);
    assert.equal(typo.code, 2, typo.err);
    assert.match(typo.err, /unknown target "prodd" — did you mean "prod"\?/);
    assert.equal((await run(['compile', join(REPO, 'dashboards'), '--account', '12', '--out', dir])).code, 2);
    assert.deepEqual(await readdir(dir), []);
  });
});
