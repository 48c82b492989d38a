import assert from 'node:assert/strict';
import type { AnalysisDefinition } from '@aws-sdk/client-quicksight';
import { resolveTarget, resourceKey } from '../../src/compile/index.ts';
import { ANALYSIS_ACTIONS } from '../../src/kinds/analysis/permissions.ts';
import { DASHBOARD_ACTIONS } from '../../src/kinds/dashboard/permissions.ts';
import { DATA_SET_ACTIONS } from '../../src/kinds/dataset/permissions.ts';
import { compile, KIND_ORDER, type DesiredResource } from '../../src/kinds/index.ts';
import { parameterDeclaration } from '../../src/compile/definition/parameters.ts';
import { fixtureSpecs, withSpec } from './helpers.ts';

const specs = fixtureSpecs();
const local = resolveTarget(specs.project.spec);
const prod = resolveTarget(specs.project.spec, { name: 'prod' });
type Of<K extends DesiredResource['kind']> = Extract<DesiredResource, { kind: K }>;
const find = <K extends DesiredResource['kind']>(resources: DesiredResource[], kind: K, id: string) =>
  resources.find((r): r is Of<K> => r.kind === kind && r.id === id)!;
const resources = compile(specs, local);
const dashboard = find(resources, 'Dashboard', 'all-visuals');
const definition = dashboard.input.Definition as AnalysisDefinition;
const group = (filterId: string) => definition.FilterGroups!.find((g) => g.Filters![0] && Object.values(g.Filters![0])[0]!.FilterId === filterId)!;
const filter = (filterId: string) => Object.entries(group(filterId).Filters![0])[0] as [string, any];

/** What the console writes on a dropdown (test/quicksight/corpus): `Select all` and the title shown. */
const CONSOLE_DROPDOWN_DISPLAY = {
  SelectAllOptions: { Visibility: 'VISIBLE' },
  TitleOptions: { FontConfiguration: { FontSize: { Relative: 'MEDIUM' } }, Visibility: 'VISIBLE' },
};
describe('compile: analyses and dashboards', () => {
  it('compiles a Dashboard to an analysis and a dashboard with the same definition; an Analysis to an analysis only', () => {
    const analysis = find(resources, 'Analysis', 'all-visuals');
    assert.deepEqual(analysis.input.Definition, dashboard.input.Definition);
    assert.ok(find(resources, 'Analysis', 'explore'));
    assert.equal(find(resources, 'Dashboard', 'explore'), undefined);
    assert.equal((dashboard.input as { SourceEntity?: unknown }).SourceEntity, undefined);
  });

  it('declares each dataset by its alias with the ARN in the target account and Region; waits for them and its theme', () => {
    const explore = find(compile(specs, prod), 'Analysis', 'prod-explore');
    assert.deepEqual(explore.input.Definition!.DataSetIdentifierDeclarations, [
      { Identifier: 'calls', DataSetArn: 'arn:aws:quicksight:eu-central-1:333333333333:dataset/prod-events' },
      { Identifier: 'logins', DataSetArn: 'arn:aws:quicksight:eu-central-1:333333333333:dataset/prod-logins' },
      { Identifier: 'svc', DataSetArn: 'arn:aws:quicksight:eu-central-1:333333333333:dataset/prod-services' },
    ]);
    assert.deepEqual(explore.dependsOn, ['DataSet/prod-events', 'DataSet/prod-logins', 'DataSet/prod-services', 'Theme/prod-dusk']);
  });

  it('publishes with the spec options', () => {
    assert.deepEqual(dashboard.input.DashboardPublishOptions, {
      AdHocFilteringOption: { AvailabilityStatus: 'DISABLED' },
      ExportToCSVOption: { AvailabilityStatus: 'DISABLED' },
      SheetControlsOption: { VisibilityState: 'COLLAPSED' },
    });
  });

  it('declares parameters by type with their defaults, and what they are when unset as the console writes it', () => {
    const recommended = { ValueWhenUnset: { ValueWhenUnsetOption: 'RECOMMENDED_VALUE' } };
    assert.deepEqual(definition.ParameterDeclarations, [
      { StringParameterDeclaration: { Name: 'user', ParameterValueType: 'SINGLE_VALUED', DefaultValues: { StaticValues: ['alice'] }, ...recommended } },
      {
        StringParameterDeclaration: {
          Name: 'regions',
          ParameterValueType: 'MULTI_VALUED',
          DefaultValues: { StaticValues: ['us-east-1', 'eu-central-1'] },
          ...recommended,
        },
      },
      { IntegerParameterDeclaration: { Name: 'minErrors', ParameterValueType: 'SINGLE_VALUED', DefaultValues: { StaticValues: [0] }, ...recommended } },
      { DecimalParameterDeclaration: { Name: 'maxLatency', ParameterValueType: 'SINGLE_VALUED', DefaultValues: { StaticValues: [10.5] }, ...recommended } },
      { DateTimeParameterDeclaration: { Name: 'day', TimeGranularity: 'DAY', DefaultValues: { StaticValues: [new Date('2026-01-01T00:00:00Z')] } } },
    ]);
    const unset = parameterDeclaration({ name: 'who', type: 'string', multiValue: false, defaults: [] });
    assert.deepEqual(unset, {
      StringParameterDeclaration: { Name: 'who', ParameterValueType: 'SINGLE_VALUED', DefaultValues: {}, ValueWhenUnset: { ValueWhenUnsetOption: 'NULL' } },
    });
  });

  it('writes the defaults of new sheets as the console does: interactive, on the grid canvas of the sheets', () => {
    const canvas = definition.Sheets?.[0]?.Layouts?.[0]?.Configuration?.GridLayout?.CanvasSizeOptions;
    assert.deepEqual(definition.AnalysisDefaults, {
      DefaultNewSheetConfiguration: { InteractiveLayoutConfiguration: { Grid: { CanvasSizeOptions: canvas } }, SheetContentType: 'INTERACTIVE' },
    });
  });

  it("places each sheet's controls in its control layout, as the console does", () => {
    for (const sheet of definition.Sheets ?? []) {
      const controls = [...(sheet.ParameterControls ?? []), ...(sheet.FilterControls ?? [])].map(
        (c) => Object.values(c)[0] as { ParameterControlId?: string; FilterControlId?: string },
      );
      if (controls.length === 0) {
        assert.equal(sheet.SheetControlLayouts, undefined);
        continue;
      }
      const elements = sheet.SheetControlLayouts?.[0]?.Configuration?.GridLayout?.Elements ?? [];
      assert.deepEqual(new Set(elements.map((e) => e.ElementId)), new Set(controls.map((c) => c.ParameterControlId ?? c.FilterControlId)));
      assert.ok(elements.every((e) => e.ColumnSpan === 2 && e.RowSpan === 1 && (e.ElementType === 'FILTER_CONTROL' || e.ElementType === 'PARAMETER_CONTROL')));
    }
  });

  it('compiles each filter by its condition and column type', () => {
    assert.deepEqual(filter('by-user'), [
      'CategoryFilter',
      {
        FilterId: 'by-user',
        Column: { DataSetIdentifier: 'events', ColumnName: 'user_name' },
        Configuration: { CustomFilterConfiguration: { MatchOperator: 'EQUALS', ParameterName: 'user', NullOption: 'ALL_VALUES' } },
      },
    ]);
    assert.deepEqual(filter('principal-types')[1].Configuration, {
      FilterListConfiguration: { MatchOperator: 'EQUALS', CategoryValues: ['IAMUser', 'AssumedRole'], NullOption: 'ALL_VALUES' },
    });
    assert.deepEqual(filter('not-denied')[1].Configuration.FilterListConfiguration.MatchOperator, 'DOES_NOT_EQUAL');
    assert.deepEqual(filter('errors-only'), [
      'NumericEqualityFilter',
      {
        FilterId: 'errors-only',
        Column: { DataSetIdentifier: 'events', ColumnName: 'error_count' },
        NullOption: 'ALL_VALUES',
        MatchOperator: 'EQUALS',
        Value: 1,
      },
    ]);
    assert.deepEqual(filter('error-range')[1].RangeMinimum, { StaticValue: 0 });
    assert.deepEqual(filter('latency-range')[1].RangeMaximum, { Parameter: 'maxLatency' });
    assert.equal(filter('error-range')[1].NullOption, 'NON_NULLS_ONLY');
    assert.deepEqual(filter('period')[0], 'TimeRangeFilter');
    assert.deepEqual(filter('period')[1].RangeMinimumValue, { StaticValue: new Date('2026-01-01T00:00:00Z') });
    assert.equal(filter('period')[1].TimeGranularity, 'DAY'); // whole days, as the console writes a day range
    assert.deepEqual(filter('recent'), [
      'RelativeDatesFilter',
      {
        FilterId: 'recent',
        Column: { DataSetIdentifier: 'events', ColumnName: 'event_time' },
        NullOption: 'NON_NULLS_ONLY',
        AnchorDateConfiguration: { AnchorOption: 'NOW' },
        MinimumGranularity: 'DAY',
        TimeGranularity: 'DAY',
        RelativeDateType: 'LAST',
        RelativeDateValue: 7,
      },
    ]);
    assert.deepEqual(filter('on-day'), [
      'TimeEqualityFilter',
      { FilterId: 'on-day', Column: { DataSetIdentifier: 'events', ColumnName: 'event_time' }, ParameterName: 'day' },
    ]);
  });

  it('scopes filters to every sheet, some sheets, or the visuals named (on their sheets)', () => {
    assert.deepEqual(group('by-region').ScopeConfiguration, { AllSheets: {} });
    assert.deepEqual(group('principal-types').ScopeConfiguration, {
      SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 'overview', Scope: 'ALL_VISUALS' }] },
    });
    assert.deepEqual(group('errors-only').ScopeConfiguration, {
      SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 'overview', Scope: 'SELECTED_VISUALS', VisualIds: ['errors-kpi', 'errors-by-name'] }] },
    });
    assert.equal(group('by-region').FilterGroupId, 'by-region-group');
    assert.equal(group('by-region').CrossDataset, 'SINGLE_DATASET');
  });

  it('binds controls to parameters (dropdown linked to a column) and filters (date range, relative, slider)', () => {
    const [overview, details] = definition.Sheets!;
    assert.deepEqual(overview.ParameterControls![0], {
      Dropdown: {
        ParameterControlId: 'overview-parameter-user-dropdown',
        Title: 'User',
        SourceParameterName: 'user',
        Type: 'SINGLE_SELECT',
        DisplayOptions: CONSOLE_DROPDOWN_DISPLAY,
        SelectableValues: { LinkToDataSetColumn: { DataSetIdentifier: 'events', ColumnName: 'user_name' } },
      },
    });
    assert.deepEqual(overview.ParameterControls![1].Dropdown!.SelectableValues, { Values: ['us-east-1', 'eu-central-1'] });
    assert.equal(overview.ParameterControls![1].Dropdown!.Type, 'MULTI_SELECT');
    assert.ok(overview.ParameterControls![2].TextField);
    assert.deepEqual(overview.FilterControls, [
      {
        Dropdown: {
          FilterControlId: 'overview-filter-principal-types-dropdown',
          Title: 'Principal type',
          SourceFilterId: 'principal-types',
          Type: 'MULTI_SELECT',
          DisplayOptions: CONSOLE_DROPDOWN_DISPLAY,
          SelectableValues: { Values: ['IAMUser', 'AssumedRole', 'Root'] },
        },
      },
      { DateTimePicker: { FilterControlId: 'overview-filter-period-date-range', Title: 'Period', SourceFilterId: 'period', Type: 'DATE_RANGE' } },
    ]);
    assert.deepEqual(
      details.FilterControls!.map((c) => Object.keys(c)[0]),
      ['Slider', 'RelativeDateTime', 'TextField'],
    );
    assert.deepEqual(details.FilterControls![0].Slider, {
      FilterControlId: 'details-filter-error-range-slider',
      Title: 'Errors',
      SourceFilterId: 'error-range',
      Type: 'RANGE',
      MinimumValue: 0,
      MaximumValue: 5,
      StepSize: 1,
    });
    assert.ok(details.ParameterControls![0].DateTimePicker);
  });

  it('shows a single date picker for a date control on a time-range filter', () => {
    const dated = withSpec(specs, 'all-visuals', (d) => (d.sheets[0].controls[3].type = 'date'));
    const d = find(compile(dated, local), 'Dashboard', 'all-visuals').input.Definition!;
    assert.deepEqual(d.Sheets![0].FilterControls![1], {
      DateTimePicker: { FilterControlId: 'overview-filter-period-date', Title: 'Period', SourceFilterId: 'period', Type: 'SINGLE_VALUED' },
    });
  });

  it('bounds every time range, with rolling dates at the precision they name; the last N hours is a relative dates filter in hours', () => {
    const timed = withSpec(specs, 'all-visuals', (d) => {
      d.filters.find((f: any) => f.id === 'period').timeRange = { from: { rolling: "addDateTime(-24, 'HH', now())" }, to: { rolling: 'now()' } };
      const recent = d.filters.find((f: any) => f.id === 'recent');
      delete recent.lastDays;
      recent.lastHours = 6;
    });
    const d = find(compile(timed, local), 'Dashboard', 'all-visuals').input.Definition!;
    const of = (id: string) => Object.values(d.FilterGroups!.find((g) => g.FilterGroupId === `${id}-group`)!.Filters![0]!)[0];
    assert.deepEqual(of('period'), {
      FilterId: 'period',
      Column: { DataSetIdentifier: 'events', ColumnName: 'event_time' },
      NullOption: 'NON_NULLS_ONLY',
      IncludeMinimum: true,
      RangeMinimumValue: { RollingDate: { Expression: "addDateTime(-24, 'HH', now())" } },
      IncludeMaximum: true,
      RangeMaximumValue: { RollingDate: { Expression: 'now()' } },
      TimeGranularity: 'MINUTE',
    });
    assert.deepEqual(of('recent'), {
      FilterId: 'recent',
      Column: { DataSetIdentifier: 'events', ColumnName: 'event_time' },
      NullOption: 'NON_NULLS_ONLY',
      AnchorDateConfiguration: { AnchorOption: 'NOW' },
      MinimumGranularity: 'HOUR',
      TimeGranularity: 'HOUR',
      RelativeDateType: 'LAST',
      RelativeDateValue: 6,
    });
  });

  it('shows the controls of a filter on several sheets as cross-sheet controls, the filter carrying the control they share, as the console writes it', () => {
    const shared = withSpec(specs, 'all-visuals', (d) => {
      d.filters.find((f: any) => f.id === 'principal-types').scope = { sheets: ['overview', 'details'] };
      d.sheets[1].controls.push({ type: 'dropdown', filter: 'principal-types', title: 'Principal type', values: ['IAMUser', 'AssumedRole', 'Root'] });
    });
    const d = find(compile(shared, local), 'Dashboard', 'all-visuals').input.Definition!;
    const [overview, details] = d.Sheets!;
    assert.deepEqual(overview.FilterControls![0], {
      CrossSheet: { FilterControlId: 'overview-filter-principal-types-dropdown', SourceFilterId: 'principal-types' },
    });
    assert.deepEqual(details.FilterControls!.at(-1), {
      CrossSheet: { FilterControlId: 'details-filter-principal-types-dropdown', SourceFilterId: 'principal-types' },
    });
    assert.ok(
      details.SheetControlLayouts![0].Configuration!.GridLayout!.Elements!.some(
        (e) => e.ElementId === 'details-filter-principal-types-dropdown' && e.ElementType === 'FILTER_CONTROL',
      ),
    );
    const group = d.FilterGroups!.find((g) => g.FilterGroupId === 'principal-types-group')!;
    assert.deepEqual(group.Filters![0].CategoryFilter!.DefaultFilterControlConfiguration, {
      Title: 'Principal type',
      ControlOptions: {
        DefaultDropdownOptions: {
          DisplayOptions: {
            SelectAllOptions: { Visibility: 'VISIBLE' },
            TitleOptions: { FontConfiguration: { FontSize: { Relative: 'MEDIUM' } }, Visibility: 'VISIBLE' },
          },
          Type: 'MULTI_SELECT',
          SelectableValues: { Values: ['IAMUser', 'AssumedRole', 'Root'] },
        },
      },
    });
    // A filter on one sheet keeps its own control, and no shared one.
    assert.equal(filter('principal-types')[1].DefaultFilterControlConfiguration, undefined);
  });

  it('lays visuals out on the 36-column grid: flowing left to right, or where `grid` says', () => {
    const elements = definition.Sheets![0].Layouts![0].Configuration!.GridLayout!.Elements!;
    const at = (id: string) => {
      const e = elements.find((x) => x.ElementId === id)!;
      return [e.ColumnIndex, e.RowIndex, e.ColumnSpan, e.RowSpan];
    };
    assert.deepEqual(at('calls-kpi'), [0, 46, 12, 4]);
    assert.deepEqual(at('errors-kpi'), [12, 46, 12, 4]);
    assert.deepEqual(at('rate-kpi'), [24, 46, 12, 4]);
    assert.deepEqual(at('errors-by-name'), [0, 50, 18, 8]);
    assert.deepEqual(at('top-regions'), [18, 50, 18, 8]);
    assert.deepEqual(at('by-service'), [0, 58, 18, 8]);
    assert.deepEqual(at('calls-over-time'), [0, 66, 36, 8]);
    assert.deepEqual(at('first-seen'), [0, 40, 18, 6]);
    assert.ok(elements.every((e) => e.ElementType === 'VISUAL'));
  });

  it('grants owners the owner actions everywhere and viewers only dashboards and analysis-only specs', () => {
    const owners = 'arn:aws:quicksight:us-east-1:111111111111:group/default/owners';
    const viewers = 'arn:aws:quicksight:us-east-1:111111111111:group/default/viewers';
    assert.deepEqual(dashboard.input.Permissions, [
      { Principal: owners, Actions: [...DASHBOARD_ACTIONS.owner] },
      { Principal: viewers, Actions: [...DASHBOARD_ACTIONS.viewer] },
    ]);
    assert.deepEqual(find(resources, 'Analysis', 'all-visuals').input.Permissions, [{ Principal: owners, Actions: [...ANALYSIS_ACTIONS.owner] }]);
    assert.deepEqual(
      find(resources, 'Analysis', 'explore').input.Permissions!.map((p) => p.Principal),
      [owners, viewers],
    );
    assert.deepEqual(find(resources, 'DataSet', 'events').input.Permissions, [{ Principal: owners, Actions: [...DATA_SET_ACTIONS.owner] }]);
  });

  it('tags everything with trailsight, the target, the spec id and a hash of the spec that changes with it', () => {
    const tags = Object.fromEntries(dashboard.input.Tags!.map((t) => [t.Key, t.Value]));
    assert.equal(tags['managed-by'], 'trailsight');
    assert.equal(tags['trailsight:target'], 'local');
    const prodBoard = compile(specs, prod).find((r) => r.kind === 'Dashboard' && r.source.specId === 'all-visuals');
    assert.ok(prodBoard?.kind === 'Dashboard');
    const prodTags = prodBoard.input.Tags!;
    assert.equal(prodTags.find((t) => t.Key === 'trailsight:target')?.Value, 'prod');
    assert.equal(tags['trailsight:spec-id'], 'all-visuals');
    assert.match(tags['trailsight:spec-hash'], /^[0-9a-f]{16}$/);
    assert.equal(tags.team, 'security');
    const renamed = compile(
      withSpec(specs, 'all-visuals', (d) => (d.name = 'Renamed')),
      local,
    );
    const after = find(renamed, 'Dashboard', 'all-visuals').input.Tags!.find((t) => t.Key === 'trailsight:spec-hash')!.Value;
    assert.notEqual(after, tags['trailsight:spec-hash']);
    const otherHash = find(renamed, 'DataSet', 'events').input.Tags!.find((t) => t.Key === 'trailsight:spec-hash')!.Value;
    assert.equal(otherHash, find(resources, 'DataSet', 'events').input.Tags!.find((t) => t.Key === 'trailsight:spec-hash')!.Value);
  });

  it('orders resources by dependency: each depends only on resources before it', () => {
    const seen = new Set<string>();
    let lastKind = 0;
    for (const r of resources) {
      assert.ok(KIND_ORDER.indexOf(r.kind) >= lastKind, `${resourceKey(r)} is out of kind order`);
      lastKind = KIND_ORDER.indexOf(r.kind);
      for (const d of r.dependsOn) assert.ok(seen.has(d), `${resourceKey(r)} depends on ${d}, which is not before it`);
      seen.add(resourceKey(r));
    }
  });
});
