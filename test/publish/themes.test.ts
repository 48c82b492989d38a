import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateThemeCommand, DescribeDashboardDefinitionCommand, DescribeThemeCommand, UpdateThemeCommand } from '@aws-sdk/client-quicksight';
import { hasChanges, renderPlanText } from '../../src/plan/index.ts';
import { ACCOUNT, Harness } from './harness.ts';

/** The fixture's Theme (theme.yaml, `night`), which activity.yaml is drawn with, published to the local endpoint. */
describe('publish: a Theme spec', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h?.stop();
  });

  const writesOf = (calls: readonly { operation: string }[]) => calls.filter((c) => !/^(List|Describe|Get)/.test(c.operation)).map((c) => c.operation);

  it('is created before the dashboard drawn with it, which carries its ARN; the theme reads back as specified', async () => {
    const { value } = await h.record(() => h.publish());
    const order = value.results.map((r) => `${r.kind}/${r.id}`);
    assert.ok(order.indexOf('Theme/night') < order.indexOf('Analysis/activity'));
    assert.ok(order.indexOf('Theme/night') < order.indexOf('Dashboard/activity'));
    const qs = h.clients.quicksight;
    const { Theme } = await qs.send(new DescribeThemeCommand({ AwsAccountId: ACCOUNT, ThemeId: 'night' }));
    assert.equal(Theme?.Version?.BaseThemeId, 'MIDNIGHT');
    assert.deepEqual(Theme?.Version?.Configuration?.DataColorPalette?.Colors, ['#5B8FF9', '#61DDAA', '#65789B']);
    const board = await qs.send(new DescribeDashboardDefinitionCommand({ AwsAccountId: ACCOUNT, DashboardId: 'activity' }));
    assert.equal(board.ThemeArn, `arn:aws:quicksight:us-east-1:${ACCOUNT}:theme/night`);
  });

  it('a changed colour updates the theme alone: a new version and its fingerprint, nothing else; then nothing', async () => {
    await h.publish();
    const file = join(h.specsDir, 'theme.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('accent: "#F6BD16"', 'accent: "#D55E00"'));
    const { value, calls } = await h.record(() => h.publish());
    assert.deepEqual(
      value.results.filter((r) => r.outcome !== 'unchanged').map((r) => `${r.kind}/${r.id} ${r.outcome}`),
      ['Theme/night updated'],
    );
    // The deployment record is removed first and written last, around the theme's version and fingerprint.
    assert.deepEqual(writesOf(calls), ['UntagResource', 'UpdateTheme', 'TagResource', 'TagResource']);
    const { Theme } = await h.clients.quicksight.send(new DescribeThemeCommand({ AwsAccountId: ACCOUNT, ThemeId: 'night' }));
    assert.equal(Theme?.Version?.VersionNumber, 2);
    assert.deepEqual(Theme?.Version?.Configuration?.UIColorPalette, { Accent: '#D55E00' });
    assert.equal((await h.record(() => h.publish())).writes, 0);
  });

  it('a theme edited in the console is restored by the next publish', async () => {
    await h.publish();
    const qs = h.clients.quicksight;
    await qs.send(new UpdateThemeCommand({ AwsAccountId: ACCOUNT, ThemeId: 'night', Name: 'Night', BaseThemeId: 'CLASSIC', Configuration: {} }));
    const plan = await h.plan();
    assert.deepEqual(
      plan.operations.filter((op) => op.action !== 'no-op').map((op) => `${op.kind}/${op.id}`),
      ['Theme/night'],
      renderPlanText(plan),
    );
    assert.match(renderPlanText(plan), /drift: changed outside trailsight/);
    const { value } = await h.record(() => h.publish());
    assert.deepEqual(
      value.results.filter((r) => r.outcome !== 'unchanged').map((r) => `${r.kind}/${r.id} ${r.outcome}`),
      ['Theme/night updated'],
    );
    const { Theme } = await qs.send(new DescribeThemeCommand({ AwsAccountId: ACCOUNT, ThemeId: 'night' }));
    assert.equal(Theme?.Version?.BaseThemeId, 'MIDNIGHT');
    assert.equal(hasChanges(await h.plan()), false);
  });

  it('prune: a theme that left the specs is deleted once no board names it; one trailsight did not make is kept', async () => {
    await h.publish();
    const qs = h.clients.quicksight;
    await qs.send(new CreateThemeCommand({ AwsAccountId: ACCOUNT, ThemeId: 'hand-made', Name: 'Hand made', BaseThemeId: 'SEASIDE', Configuration: {} }));
    await rm(join(h.specsDir, 'theme.yaml'));
    const file = join(h.specsDir, 'activity.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('theme: night\n', ''));
    const plan = await h.plan({ prune: true });
    assert.deepEqual(
      plan.operations.filter((op) => op.action === 'delete').map((op) => `${op.kind}/${op.id}`),
      ['Theme/night'],
    );
    const { value, calls } = await h.record(() => h.publish({ prune: true }));
    const results = value.results.filter((r) => r.outcome !== 'unchanged').map((r) => `${r.kind}/${r.id} ${r.outcome}`);
    assert.deepEqual(results.sort(), ['Analysis/activity updated', 'Dashboard/activity updated', 'Theme/night deleted']);
    // Deletes come after every create and update: the boards no longer name it when it goes.
    const ops = calls.map((c) => c.operation);
    assert.ok(ops.indexOf('DeleteTheme') > ops.lastIndexOf('UpdateDashboardPublishedVersion'), ops.join(', '));
    const board = await qs.send(new DescribeDashboardDefinitionCommand({ AwsAccountId: ACCOUNT, DashboardId: 'activity' }));
    assert.equal(board.ThemeArn, undefined);
    await qs.send(new DescribeThemeCommand({ AwsAccountId: ACCOUNT, ThemeId: 'hand-made' }));
    assert.equal(hasChanges(await h.plan({ prune: true })), false);
  });
});
