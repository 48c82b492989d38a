import assert from 'node:assert/strict';
import { resolveTarget, resourceKey } from '../../src/compile/index.ts';
import { compile, KIND_ORDER, requestFiles } from '../../src/kinds/index.ts';
import { THEME_ACTIONS } from '../../src/kinds/theme/permissions.ts';
import { fixtureSpecs, withSpec } from './helpers.ts';

const specs = fixtureSpecs();
const prod = resolveTarget(specs.project.spec, { name: 'prod' });

describe('compile: themes', () => {
  it('a Theme spec is one CreateTheme: its base, its colours upper-case, its fonts and sheet style, owners and viewers, tags', () => {
    const theme = compile(specs, prod).find((r) => r.kind === 'Theme');
    assert.ok(theme?.kind === 'Theme');
    assert.equal(theme.id, 'prod-dusk');
    assert.deepEqual(theme.dependsOn, []);
    const { Tags, ...input } = theme.input;
    assert.deepEqual(input, {
      AwsAccountId: '333333333333',
      ThemeId: 'prod-dusk',
      Name: 'Dusk',
      BaseThemeId: 'MIDNIGHT',
      Configuration: {
        DataColorPalette: { Colors: ['#5B8FF9', '#61DDAA'], MinMaxGradient: ['#0B1D33', '#F6BD16'], EmptyFillColor: '#1F1F1F' },
        UIColorPalette: { PrimaryBackground: '#141414', SecondaryBackground: '#000000', Accent: '#F6BD16' },
        Sheet: { Tile: { Border: { Show: false } }, TileLayout: { Gutter: { Show: true } } },
        Typography: { FontFamilies: [{ FontFamily: 'Amazon Ember' }] },
      },
      // prod's owner owns it; the Project's viewers (who open the themed Analysis spec) may use it.
      Permissions: [
        { Principal: 'arn:aws:quicksight:eu-central-1:333333333333:user/default/admin', Actions: [...THEME_ACTIONS.owner] },
        { Principal: 'arn:aws:quicksight:us-east-1:111111111111:group/default/owners', Actions: [...THEME_ACTIONS.viewer] },
        { Principal: 'arn:aws:quicksight:us-east-1:111111111111:group/default/viewers', Actions: [...THEME_ACTIONS.viewer] },
      ],
    });
    assert.ok(
      Tags?.some((t) => t.Key === 'trailsight:spec-id' && t.Value === 'dusk'),
      JSON.stringify(Tags),
    );
  });

  it('the boards that name it carry its ARN and wait for it; the others carry none', () => {
    const resources = compile(specs, prod);
    const explore = resources.find((r) => r.kind === 'Analysis' && r.id === 'prod-explore');
    assert.ok(explore?.kind === 'Analysis');
    assert.equal(explore.input.ThemeArn, 'arn:aws:quicksight:eu-central-1:333333333333:theme/prod-dusk');
    assert.ok(explore.dependsOn.includes(resourceKey({ kind: 'Theme', id: 'prod-dusk' })));
    for (const other of resources.filter((r) => (r.kind === 'Analysis' || r.kind === 'Dashboard') && r.id !== 'prod-explore')) {
      assert.ok(!('ThemeArn' in other.input), `${other.kind}/${other.id} names no theme`);
    }
    // A dashboard drawn with it: its analysis and its dashboard both.
    const themed = compile(
      withSpec(specs, 'all-visuals', (d) => (d.theme = 'dusk')),
      prod,
    );
    for (const kind of ['Analysis', 'Dashboard'] as const) {
      const board = themed.find((r) => r.kind === kind && r.id === 'prod-all-visuals');
      assert.ok(board && 'ThemeArn' in board.input && board.input.ThemeArn?.endsWith(':theme/prod-dusk'), kind);
    }
  });

  it('themes are created before the analyses and dashboards (the order is derived from their dependencies)', () => {
    assert.ok(KIND_ORDER.indexOf('Theme') < KIND_ORDER.indexOf('Analysis'));
    assert.ok(KIND_ORDER.indexOf('Theme') < KIND_ORDER.indexOf('Dashboard'));
  });

  it('compile --out writes its request as quicksight.CreateTheme.<id>.json', () => {
    const names = requestFiles(compile(specs, prod)).map((f) => f.name);
    assert.ok(names.includes('quicksight.CreateTheme.prod-dusk.json'), names.join(', '));
  });
});
