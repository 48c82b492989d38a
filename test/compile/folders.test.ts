import assert from 'node:assert/strict';
import { resolveTarget } from '../../src/compile/index.ts';
import { FOLDER_ACTIONS } from '../../src/kinds/folder/permissions.ts';
import { compile, KIND_ORDER, requestFiles } from '../../src/kinds/index.ts';
import { fixtureSpecs, withSpec } from './helpers.ts';

const specs = fixtureSpecs();
const prod = resolveTarget(specs.project.spec, { name: 'prod' });
const OWNER = 'arn:aws:quicksight:eu-central-1:333333333333:user/default/admin';
const VIEWERS = ['arn:aws:quicksight:us-east-1:111111111111:group/default/owners', 'arn:aws:quicksight:us-east-1:111111111111:group/default/viewers'];

const folderOf = (resources: ReturnType<typeof compile>) => {
  const folder = resources.find((r) => r.kind === 'Folder');
  assert.ok(folder?.kind === 'Folder');
  return folder;
};

describe('compile: folders', () => {
  it('a Folder spec is one CreateFolder (SHARED) and a membership per member, made after its members', () => {
    const folder = folderOf(compile(specs, prod));
    const { Tags, ...input } = folder.input;
    assert.deepEqual(input, {
      AwsAccountId: '333333333333',
      FolderId: 'prod-shelf',
      Name: 'Shelf',
      FolderType: 'SHARED',
      // It holds a dataset and the analysis behind a dashboard: owners only (a folder's viewers see everything in it).
      Permissions: [{ Principal: OWNER, Actions: [...FOLDER_ACTIONS.owner] }],
    });
    assert.ok(Tags?.some((t) => t.Key === 'trailsight:spec-id' && t.Value === 'shelf'));
    assert.deepEqual(folder.members, [
      { type: 'ANALYSIS', id: 'prod-explore' },
      { type: 'DASHBOARD', id: 'prod-all-visuals' },
      { type: 'DATASET', id: 'prod-events' },
    ]);
    assert.deepEqual(folder.dependsOn, ['Analysis/prod-explore', 'Dashboard/prod-all-visuals', 'DataSet/prod-events']);
    assert.equal(KIND_ORDER[KIND_ORDER.length - 1], 'Folder');
  });

  it("the Project's viewers are granted a folder holding dashboards and analysis-only specs alone", () => {
    const shared = withSpec(specs, 'shelf', (f) => (f.members = { dashboards: ['all-visuals'], analyses: ['explore'] }));
    assert.deepEqual(folderOf(compile(shared, prod)).input.Permissions, [
      { Principal: OWNER, Actions: [...FOLDER_ACTIONS.owner] },
      ...VIEWERS.map((Principal) => ({ Principal, Actions: [...FOLDER_ACTIONS.viewer] })),
    ]);
    // The analysis behind a dashboard is not for viewers (they see its dashboard).
    const behind = withSpec(specs, 'shelf', (f) => (f.members = { analyses: ['all-visuals'] }));
    assert.equal(folderOf(compile(behind, prod)).input.Permissions?.length, 1);
  });

  it('compile --out writes CreateFolder and each CreateFolderMembership, named by folder, member type and member', () => {
    const names = requestFiles(compile(specs, prod))
      .map((f) => f.name)
      .filter((n) => n.includes('Folder'));
    assert.deepEqual(names, [
      'quicksight.CreateFolder.prod-shelf.json',
      'quicksight.CreateFolderMembership.prod-shelf.analysis.prod-explore.json',
      'quicksight.CreateFolderMembership.prod-shelf.dashboard.prod-all-visuals.json',
      'quicksight.CreateFolderMembership.prod-shelf.dataset.prod-events.json',
    ]);
    const membership = requestFiles(compile(specs, prod)).find((f) => f.name.endsWith('dashboard.prod-all-visuals.json'))!;
    assert.deepEqual(JSON.parse(membership.content), {
      AwsAccountId: '333333333333',
      FolderId: 'prod-shelf',
      MemberId: 'prod-all-visuals',
      MemberType: 'DASHBOARD',
    });
  });
});
