import assert from 'node:assert/strict';
import {
  CreateAnalysisCommand,
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  CreateThemeCommand,
  DeleteThemeCommand,
  DescribeAnalysisDefinitionCommand,
  DescribeDashboardDefinitionCommand,
  DescribeThemeCommand,
  DescribeThemePermissionsCommand,
  ListTagsForResourceCommand,
  ListThemesCommand,
  ListThemeVersionsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateThemeCommand,
  UpdateThemePermissionsCommand,
  type QuickSightClient,
  type ThemeConfiguration,
} from '@aws-sdk/client-quicksight';
import { arn, dataSetInput, dataSourceInput, definition, USER } from './fixtures.ts';
import { ACCOUNT, clients, failure, poll, startTestEndpoint, stopTestEndpoint } from './helpers.ts';

const A = { AwsAccountId: ACCOUNT };
const CONFIGURATION: ThemeConfiguration = {
  DataColorPalette: { Colors: ['#0072B2', '#E69F00'], MinMaxGradient: ['#DEEBF7', '#08519C'] },
  UIColorPalette: { PrimaryBackground: '#FFFFFF', Accent: '#0972D3' },
  Typography: { FontFamilies: [{ FontFamily: 'Amazon Ember' }] },
};

describe('endpoint: QuickSight themes over the SDK', () => {
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;
  let qs: QuickSightClient;

  before(async () => {
    endpoint = await startTestEndpoint();
    qs = clients(endpoint.url).quicksight;
  });
  after(() => stopTestEndpoint(endpoint));

  const describeTheme = (ThemeId: string, VersionNumber?: number) =>
    qs.send(new DescribeThemeCommand({ ...A, ThemeId, ...(VersionNumber ? { VersionNumber } : {}) }));

  it('a theme: created in progress, then successful; each update a new version; listed (CUSTOM); deleted', async () => {
    const created = await qs.send(
      new CreateThemeCommand({
        ...A,
        ThemeId: 'night',
        Name: 'Night',
        BaseThemeId: 'MIDNIGHT',
        Configuration: CONFIGURATION,
        Tags: [{ Key: 'team', Value: 'security' }],
      }),
    );
    assert.equal(created.Arn, arn('theme', 'night'));
    assert.equal(created.VersionArn, `${arn('theme', 'night')}/version/1`);
    assert.equal(created.CreationStatus, 'CREATION_IN_PROGRESS');
    const settled = await poll(
      () => describeTheme('night'),
      (d) => d.Theme?.Version?.Status !== 'CREATION_IN_PROGRESS',
    );
    assert.equal(settled.Theme?.Version?.Status, 'CREATION_SUCCESSFUL');
    assert.equal(settled.Theme?.Type, 'CUSTOM');
    assert.equal(settled.Theme?.Version?.BaseThemeId, 'MIDNIGHT');
    assert.deepEqual(settled.Theme?.Version?.Configuration, CONFIGURATION);
    assert.ok(settled.Theme?.LastUpdatedTime instanceof Date);

    const Configuration = { ...CONFIGURATION, UIColorPalette: { Accent: '#D55E00' } };
    const updated = await qs.send(new UpdateThemeCommand({ ...A, ThemeId: 'night', Name: 'Night 2', BaseThemeId: 'CLASSIC', Configuration }));
    assert.equal(updated.VersionArn, `${arn('theme', 'night')}/version/2`);
    const second = await poll(
      () => describeTheme('night'),
      (d) => d.Theme?.Version?.Status === 'UPDATE_SUCCESSFUL',
    );
    assert.equal(second.Theme?.Name, 'Night 2');
    assert.equal(second.Theme?.Version?.VersionNumber, 2);
    assert.deepEqual(second.Theme?.Version?.Configuration?.UIColorPalette, { Accent: '#D55E00' });
    assert.equal((await describeTheme('night', 1)).Theme?.Version?.BaseThemeId, 'MIDNIGHT', 'version 1 is kept');
    const versions = await qs.send(new ListThemeVersionsCommand({ ...A, ThemeId: 'night' }));
    assert.deepEqual(
      versions.ThemeVersionSummaryList?.map((v) => [v.VersionNumber, v.Status]),
      [
        [1, 'CREATION_SUCCESSFUL'],
        [2, 'UPDATE_SUCCESSFUL'],
      ],
    );

    const listed = await qs.send(new ListThemesCommand({ ...A, Type: 'CUSTOM' }));
    assert.deepEqual(
      listed.ThemeSummaryList?.map((t) => [t.ThemeId, t.LatestVersionNumber]),
      [['night', 2]],
    );
    assert.ok(listed.ThemeSummaryList?.[0]?.LastUpdatedTime instanceof Date);

    await qs.send(new CreateThemeCommand({ ...A, ThemeId: 'spare', Name: 'Spare', BaseThemeId: 'night', Configuration: {} }));
    await qs.send(new DeleteThemeCommand({ ...A, ThemeId: 'spare' }));
    assert.equal((await failure(describeTheme('spare'))).name, 'ResourceNotFoundException');
  });

  it('refuses what QuickSight refuses: an unknown base theme, a second theme of one id, colours outside #RRGGBB (its model)', async () => {
    const base = await failure(qs.send(new CreateThemeCommand({ ...A, ThemeId: 'odd', Name: 'Odd', BaseThemeId: 'NOCTURNE', Configuration: {} })));
    assert.equal(base.name, 'InvalidParameterValueException');
    assert.match(base.message, /BaseThemeId "NOCTURNE"/);
    const twice = await failure(qs.send(new CreateThemeCommand({ ...A, ThemeId: 'night', Name: 'Night', BaseThemeId: 'CLASSIC', Configuration: {} })));
    assert.equal(twice.name, 'ResourceExistsException');
    const lower = await failure(
      qs.send(
        new CreateThemeCommand({ ...A, ThemeId: 'pale', Name: 'Pale', BaseThemeId: 'CLASSIC', Configuration: { UIColorPalette: { Accent: '#d55e00' } } }),
      ),
    );
    // A value its API model refuses is QuickSight's synchronous ValidationException (issue 14), naming the member.
    assert.equal(lower.name, 'ValidationException');
    assert.match(lower.message, /accent/i);
  });

  it('permissions and tags, as for the other kinds', async () => {
    await qs.send(
      new UpdateThemePermissionsCommand({
        ...A,
        ThemeId: 'night',
        GrantPermissions: [{ Principal: USER, Actions: ['quicksight:DescribeTheme', 'quicksight:ListThemeVersions'] }],
      }),
    );
    const permissions = await qs.send(new DescribeThemePermissionsCommand({ ...A, ThemeId: 'night' }));
    assert.equal(permissions.ThemeArn, arn('theme', 'night'));
    assert.deepEqual(permissions.Permissions, [{ Principal: USER, Actions: ['quicksight:DescribeTheme', 'quicksight:ListThemeVersions'] }]);
    const before = (await describeTheme('night')).Theme?.LastUpdatedTime;
    await qs.send(new TagResourceCommand({ ResourceArn: arn('theme', 'night'), Tags: [{ Key: 'owner', Value: 'me' }] }));
    await qs.send(new UntagResourceCommand({ ResourceArn: arn('theme', 'night'), TagKeys: ['team'] }));
    assert.deepEqual((await qs.send(new ListTagsForResourceCommand({ ResourceArn: arn('theme', 'night') }))).Tags, [{ Key: 'owner', Value: 'me' }]);
    assert.deepEqual((await describeTheme('night')).Theme?.LastUpdatedTime, before, 'tags move no LastUpdatedTime');
  });

  it("an analysis or dashboard drawn with a theme names one that exists (or a starting theme's ARN), and reads it back", async () => {
    await qs.send(new CreateDataSourceCommand(dataSourceInput()));
    await qs.send(new CreateDataSetCommand(dataSetInput('events')));
    const ThemeArn = arn('theme', 'night');
    await qs.send(new CreateAnalysisCommand({ ...A, AnalysisId: 'themed', Name: 'Themed', ThemeArn, Definition: definition() }));
    assert.equal((await qs.send(new DescribeAnalysisDefinitionCommand({ ...A, AnalysisId: 'themed' }))).ThemeArn, ThemeArn);
    await qs.send(new CreateDashboardCommand({ ...A, DashboardId: 'themed', Name: 'Themed', ThemeArn, Definition: definition() }));
    assert.equal((await qs.send(new DescribeDashboardDefinitionCommand({ ...A, DashboardId: 'themed' }))).ThemeArn, ThemeArn);
    await qs.send(
      new CreateDashboardCommand({
        ...A,
        DashboardId: 'classic',
        Name: 'Classic',
        ThemeArn: 'arn:aws:quicksight::aws:theme/CLASSIC',
        Definition: definition(),
      }),
    );

    const missing = await failure(
      qs.send(new CreateDashboardCommand({ ...A, DashboardId: 'dangling', Name: 'Dangling', ThemeArn: arn('theme', 'gone'), Definition: definition() })),
    );
    assert.equal(missing.name, 'ResourceNotFoundException');
    assert.match(missing.message, /Theme gone not found/);
  });
});
