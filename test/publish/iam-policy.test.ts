import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { iamPolicy, type IamPolicy } from '../../src/aws/iam-policy.ts';
import type { ObservedCall } from '../../src/aws/observe.ts';
import { loadSpecs } from '../../src/language/index.ts';
import { ACCOUNT, Harness, REGION } from './harness.ts';

const QUICKSIGHT_IDS: Record<string, string> = {
  FolderId: 'folder',
  DashboardId: 'dashboard',
  AnalysisId: 'analysis',
  DataSetId: 'dataset',
  DataSourceId: 'datasource',
  ThemeId: 'theme',
};

/** The ARN an IAM evaluation would check a call against, from its input. */
function resourceOf(call: ObservedCall): string {
  const input = call.input as Record<string, any>;
  const arn = input.ResourceArn ?? input.ResourceARN;
  if (arn) return arn;
  const prefix = `arn:aws:${call.service}:${REGION}:${ACCOUNT}`;
  if (call.service === 'quicksight') {
    const key = Object.keys(QUICKSIGHT_IDS).find((k) => input[k]);
    return key ? `${prefix}:${QUICKSIGHT_IDS[key]}/${input[key]}` : '*';
  }
  if (call.service === 'athena') return `${prefix}:workgroup/${input.WorkGroup ?? input.Name}`;
  if (call.service === 'glue') {
    const table = input.TableInput?.Name ?? (call.operation.includes('Table') ? input.Name : undefined);
    if (table) return `${prefix}:table/${input.DatabaseName}/${table}`;
    return `${prefix}:database/${input.DatabaseInput?.Name ?? input.Name}`;
  }
  return '*';
}

function matches(pattern: string, value: string): boolean {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  ).test(value);
}

function allowed(policy: IamPolicy, action: string, resource: string): boolean {
  return policy.Statement.some((s) => s.Action.includes(action) && [s.Resource].flat().some((r) => matches(r, resource)));
}

describe('trailsight iam-policy', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('allows every call a publish makes (create, update, refresh, prune), on the exact resources', async () => {
    h = await Harness.start();
    const loaded = await loadSpecs([h.specsDir]);
    const { target, resources } = await h.compile();
    const policy = iamPolicy(loaded.checked!.project.spec, target, resources);
    await h.publishEveryWay();
    const denied = h.calls
      .filter((c) => c.service !== 'sts')
      .map((c) => `${c.service}:${c.operation} ${resourceOf(c)}`)
      .filter((line) => {
        const [action, resource] = line.split(' ');
        return !allowed(policy, action, resource);
      });
    assert.deepEqual([...new Set(denied)], []);
  });

  it('--read-only allows every call plan makes (full reads, prune discovery) and no write', async () => {
    h = await Harness.start();
    await h.publish();
    await rm(join(h.specsDir, 'principals.yaml'));
    const loaded = await loadSpecs([h.specsDir]);
    const { target, resources } = await h.compile();
    const policy = iamPolicy(loaded.checked!.project.spec, target, resources, { readOnly: true });
    const { calls } = await h.record(() => h!.plan({ prune: true }));
    const denied = calls
      .filter((c) => !allowed(policy, `${c.service}:${c.operation}`, resourceOf(c)))
      .map((c) => `${c.service}:${c.operation} ${resourceOf(c)}`);
    assert.deepEqual([...new Set(denied)], []);
    // iam:SimulatePrincipalPolicy (doctor's question about QuickSight's service role) changes nothing either.
    assert.ok(policy.Statement.every((s) => s.Action.every((a) => /:(Describe|Get|List)|^iam:SimulatePrincipalPolicy$/.test(a))));
  });

  it('names no resource beyond the Project: exact ARNs, wildcards only for listing and tag-gated pruning', async () => {
    h = await Harness.start();
    const loaded = await loadSpecs([h.specsDir]);
    const { target, resources } = await h.compile();
    const policy = iamPolicy(loaded.checked!.project.spec, target, resources);
    const broad = policy.Statement.filter((s) => [s.Resource].flat().some((r) => r.includes('*')));
    // doctor's DescribeAccountSubscription and DescribeTrails take no resource (an organization trail lives in another account).
    assert.deepEqual(
      broad.map((s) => s.Sid),
      ['PruneListQuickSight', 'PruneReadTags', 'PruneDeleteOwnResources', 'DoctorQuickSightAccount', 'DoctorTrail'],
    );
    const prune = policy.Statement.find((s) => s.Sid === 'PruneDeleteOwnResources')!;
    assert.deepEqual(prune.Condition, { StringEquals: { 'aws:ResourceTag/managed-by': 'trailsight', 'aws:ResourceTag/trailsight:target': 'local' } });
    assert.ok(policy.Statement.every((s) => s.Action.every((a) => /^(glue|athena|quicksight|s3|cloudtrail|iam):[A-Za-z]+$/.test(a))));
  });

  it('a Theme spec adds its statement (its actions on its exact ARN) and its List, tag read and delete to pruning', async () => {
    h = await Harness.start();
    const loaded = await loadSpecs([h.specsDir]);
    const { target, resources } = await h.compile();
    const policy = iamPolicy(loaded.checked!.project.spec, target, resources);
    const themes = policy.Statement.find((s) => s.Sid === 'QuickSightThemes');
    assert.deepEqual(themes, {
      Sid: 'QuickSightThemes',
      Effect: 'Allow',
      Action: [
        'quicksight:DescribeTheme',
        'quicksight:CreateTheme',
        'quicksight:UpdateTheme',
        'quicksight:DeleteTheme',
        'quicksight:DescribeThemePermissions',
        'quicksight:UpdateThemePermissions',
        'quicksight:ListTagsForResource',
        'quicksight:TagResource',
        'quicksight:UntagResource',
      ],
      Resource: ['arn:aws:quicksight:us-east-1:000000000000:theme/night'],
    });
    const sid = (name: string) => policy.Statement.find((s) => s.Sid === name)!;
    assert.ok(sid('PruneListQuickSight').Action.includes('quicksight:ListThemes'));
    assert.ok([sid('PruneReadTags').Resource].flat().includes('arn:aws:quicksight:us-east-1:000000000000:theme/*'));
    assert.ok(sid('PruneDeleteOwnResources').Action.includes('quicksight:DeleteTheme'));
    // Without a Theme spec, no theme statement.
    const bare = iamPolicy(
      loaded.checked!.project.spec,
      target,
      resources.filter((r) => r.kind !== 'Theme'),
    );
    assert.equal(
      bare.Statement.find((s) => s.Sid === 'QuickSightThemes'),
      undefined,
    );
  });

  it('a Folder spec adds its statement (its actions, memberships included, on its exact ARN) and its List and delete to pruning', async () => {
    h = await Harness.start();
    const loaded = await loadSpecs([h.specsDir]);
    const { target, resources } = await h.compile();
    const policy = iamPolicy(loaded.checked!.project.spec, target, resources);
    const folders = policy.Statement.find((s) => s.Sid === 'QuickSightFolders');
    assert.deepEqual(folders?.Resource, ['arn:aws:quicksight:us-east-1:000000000000:folder/security']);
    assert.deepEqual(folders?.Action, [
      'quicksight:DescribeFolder',
      'quicksight:CreateFolder',
      'quicksight:UpdateFolder',
      'quicksight:DeleteFolder',
      'quicksight:ListFolderMembers',
      'quicksight:CreateFolderMembership',
      'quicksight:DeleteFolderMembership',
      'quicksight:DescribeFolderPermissions',
      'quicksight:UpdateFolderPermissions',
      'quicksight:ListTagsForResource',
      'quicksight:TagResource',
      'quicksight:UntagResource',
    ]);
    const sid = (name: string) => policy.Statement.find((s) => s.Sid === name)!;
    assert.ok(sid('PruneListQuickSight').Action.includes('quicksight:ListFolders'));
    assert.ok(sid('PruneDeleteOwnResources').Action.includes('quicksight:DeleteFolder'));
    const preview = iamPolicy(loaded.checked!.project.spec, target, resources, { preview: true });
    assert.deepEqual(preview.Statement.find((s) => s.Sid === 'PreviewListDashboards')?.Action, ['quicksight:ListDashboards', 'quicksight:ListFolders']);
  });
});
