import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListTagsForResourceCommand, TagResourceCommand } from '@aws-sdk/client-quicksight';
import { resolveTarget, TargetError } from '../../src/compile/index.ts';
import { diffTags, hasChanges, normaliseTags, renderPlanText } from '../../src/plan/index.ts';
import { loadSpecs } from '../../src/language/index.ts';
import { runCli } from '../cli/run-cli.ts';
import { ACCOUNT, FIXTURE_SPECS, Harness, outcomes } from '../publish/harness.ts';

const DASHBOARDS = fileURLToPath(new URL('../../dashboards', import.meta.url));
/** Names `Object.prototype` answers to: as tag keys or target names, they are text like any other. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf'];

describe('security: names of Object.prototype members', () => {
  describe('targets', function () {
    this.timeout(60_000);
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'trailsight-prototype-'));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it('resolveTarget: an Object.prototype name is an unknown target', async () => {
      const { checked } = await loadSpecs([FIXTURE_SPECS]);
      for (const name of PROTOTYPE_NAMES) {
        assert.throws(
          () => resolveTarget(checked!.project.spec, { name, account: ACCOUNT }),
          (e: Error) => e instanceof TargetError && e.message.startsWith(`unknown target "${name}"`),
        );
      }
    });

    for (const command of ['plan', 'publish', 'compile', 'iam-policy']) {
      it(`${command} --target toString is the usual unknown-target error, exit 2`, async () => {
        const args = [command, DASHBOARDS, '--target', 'toString', ...(command === 'compile' ? ['--out', join(dir, 'out')] : [])];
        const result = await runCli(args, dir);
        assert.equal(result.code, 2, result.stderr);
        assert.equal(result.stderr, 'trailsight: unknown target "toString" (the Project defines: local, staging, prod)\n');
      });
    }

    it('a command named after an Object.prototype member is an unknown command, not an internal error', async () => {
      const result = await runCli(['constructor'], dir);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /unknown command 'constructor'/);
      assert.doesNotMatch(result.stderr, /internal error/);
    });
  });

  describe('tag maps', () => {
    it('normaliseTags and diffTags keep every key, __proto__ included', () => {
      const actual = normaliseTags([...PROTOTYPE_NAMES.map((Key) => ({ Key, Value: 'stranger' })), { Key: 'team', Value: 'security' }]);
      assert.deepEqual(Object.keys(actual), [...PROTOTYPE_NAMES, 'team'].sort());
      assert.equal(Object.getPrototypeOf(actual), null);
      const changes = diffTags(
        actual,
        normaliseTags([
          { Key: 'team', Value: 'security' },
          { Key: 'constructor', Value: 'ours' },
        ]),
      );
      assert.deepEqual(
        { set: { ...changes?.set }, remove: changes?.remove },
        { set: { constructor: 'ours' }, remove: PROTOTYPE_NAMES.filter((n) => n !== 'constructor').sort() },
      );
    });
  });

  describe('stranger tags on the data source, through the real pipeline', function () {
    this.timeout(120_000);
    let h: Harness;
    beforeEach(async () => {
      h = await Harness.start();
    });
    afterEach(() => h?.stop());

    it('are drift that plan shows and a plain publish removes, whatever their names', async () => {
      await h.publish();
      const sourceId = await h.dataSourceId();
      const arn = `arn:aws:quicksight:us-east-1:${ACCOUNT}:datasource/${sourceId}`;
      const qs = h.clients.quicksight;
      await qs.send(new TagResourceCommand({ ResourceArn: arn, Tags: PROTOTYPE_NAMES.map((Key) => ({ Key, Value: 'stranger' })) }));

      const plan = await h.plan();
      const text = renderPlanText(plan);
      const changed = plan.operations.filter((op) => op.action !== 'no-op');
      assert.deepEqual(
        changed.map((op) => `${op.action} ${op.kind}/${op.id}`),
        [`update DataSource/${sourceId}`],
        text,
      );
      const op = changed[0]!;
      assert.ok(op.action === 'update' && op.drift);
      assert.deepEqual(op.tags?.remove, [...PROTOTYPE_NAMES].sort(), text);
      for (const name of PROTOTYPE_NAMES) assert.match(text, new RegExp(`tags: remove ${name}\\n`));

      const { results } = await h.publish();
      assert.equal(outcomes(results)[`DataSource/${sourceId}`], 'updated');
      const { Tags } = await qs.send(new ListTagsForResourceCommand({ ResourceArn: arn }));
      const left = (Tags ?? []).map((t) => t.Key);
      for (const name of PROTOTYPE_NAMES) assert.ok(!left.includes(name), `${name} was removed (tags now: ${left.join(', ')})`);
      const after = await h.plan();
      assert.equal(hasChanges(after), false, renderPlanText(after));
    });

    it('a Project tag with such a name is published, and restored when changed elsewhere', async () => {
      const project = join(h.specsDir, 'project.yaml');
      await writeFile(
        project,
        (await readFile(project, 'utf8')).replace('tags:\n  team: security', 'tags:\n  team: security\n  constructor: ours\n  __proto__: also-ours'),
      );
      await h.publish();
      const sourceId = await h.dataSourceId();
      const arn = `arn:aws:quicksight:us-east-1:${ACCOUNT}:datasource/${sourceId}`;
      const qs = h.clients.quicksight;
      const tagged = Object.fromEntries(((await qs.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags ?? []).map((t) => [t.Key, t.Value]));
      assert.equal(tagged.constructor, 'ours');
      // biome-ignore lint/suspicious/noProto: the test is that a tag named __proto__ is a key like any other.
      assert.equal(Object.hasOwn(tagged, '__proto__') && tagged.__proto__, 'also-ours');
      assert.equal(hasChanges(await h.plan()), false);

      await qs.send(
        new TagResourceCommand({
          ResourceArn: arn,
          Tags: [
            { Key: 'constructor', Value: 'changed' },
            { Key: '__proto__', Value: 'changed' },
          ],
        }),
      );
      const plan = await h.plan();
      const op = plan.operations.find((o) => o.kind === 'DataSource');
      assert.ok(op?.action === 'update', renderPlanText(plan));
      assert.deepEqual(Object.entries(op.tags?.set ?? {}).sort(), [
        ['__proto__', 'also-ours'],
        ['constructor', 'ours'],
      ]);
      await h.publish();
      const restored = ((await qs.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags ?? []).filter(
        (t) => t.Key === 'constructor' || t.Key === '__proto__',
      );
      assert.deepEqual(restored.map((t) => `${t.Key}=${t.Value}`).sort(), ['__proto__=also-ours', 'constructor=ours']);
    });
  });
});
