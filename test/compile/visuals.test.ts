import assert from 'node:assert/strict';
import type { AnalysisDefinition, Visual } from '@aws-sdk/client-quicksight';
import { resolveTarget, VISUAL_TYPES } from '../../src/compile/index.ts';
import { compile, type DesiredResource } from '../../src/kinds/index.ts';
import { fixtureSpecs, refusalsWith, withSpec } from './helpers.ts';

const specs = fixtureSpecs();
const resources = compile(specs, resolveTarget(specs.project.spec));
const dashboard = resources.find((r): r is Extract<DesiredResource, { kind: 'Dashboard' }> => r.kind === 'Dashboard' && r.id === 'all-visuals')!;
const definition = dashboard.input.Definition as AnalysisDefinition;

/** The compiled visual `id`, unwrapped from its `…Visual` member. */
function visual(id: string): { type: string; body: any } {
  for (const sheet of definition.Sheets!) {
    for (const v of sheet.Visuals!) {
      const [type, body] = Object.entries(v as Visual)[0] as [string, any];
      if (body.VisualId === id) return { type, body };
    }
  }
  throw new Error(`no visual ${id}`);
}
const wells = (id: string) => Object.values(visual(id).body.ChartConfiguration.FieldWells)[0] as any;

describe('compile: visuals from the one registry', () => {
  it('compiles each spec visual type to its QuickSight visual', () => {
    const expected: Record<string, string> = {
      'calls-kpi': 'KPIVisual',
      'errors-by-name': 'BarChartVisual',
      'calls-over-time': 'LineChartVisual',
      'by-region-donut': 'PieChartVisual',
      'calls-table': 'TableVisual',
      'pivot-users': 'PivotTableVisual',
      heat: 'HeatMapVisual',
      'raw-gauge': 'GaugeChartVisual',
    };
    for (const [id, type] of Object.entries(expected)) assert.equal(visual(id).type, type, id);
    assert.deepEqual(Object.keys(VISUAL_TYPES).sort(), ['bar', 'heatmap', 'kpi', 'line', 'pie', 'pivot', 'raw', 'table']);
  });

  it('picks the field kind from the column type and the aggregation', () => {
    assert.deepEqual(visual('calls-kpi').body.ChartConfiguration.FieldWells.Values, [
      {
        CategoricalMeasureField: {
          FieldId: 'calls-kpi.value.0',
          Column: { DataSetIdentifier: 'events', ColumnName: 'event_id' },
          AggregationFunction: 'COUNT',
        },
      },
    ]);
    assert.deepEqual(visual('errors-kpi').body.ChartConfiguration.FieldWells.Values[0].NumericalMeasureField.AggregationFunction, {
      SimpleNumericalAggregation: 'SUM',
    });
    // a calculated field that aggregates itself is a measure as it is
    assert.deepEqual(visual('rate-kpi').body.ChartConfiguration.FieldWells.Values[0], {
      NumericalMeasureField: { FieldId: 'rate-kpi.value.0', Column: { DataSetIdentifier: 'events', ColumnName: 'error_rate' } },
    });
    const line = wells('calls-over-time');
    assert.deepEqual(line.Category[0].DateDimensionField.DateGranularity, 'DAY');
    assert.ok(line.Colors[0].CategoricalDimensionField, 'a boolean groups as a category');
    assert.deepEqual(line.Values[1].NumericalMeasureField.AggregationFunction, { SimpleNumericalAggregation: 'AVERAGE' });
    assert.deepEqual(wells('first-seen').Values[0].DateMeasureField.AggregationFunction, 'MIN');
    assert.equal(wells('first-seen').Category[0].DateDimensionField.DateGranularity, 'WEEK');
    assert.ok(wells('by-service').Category[0].CategoricalDimensionField, 'an untyped calculated field groups as a category');
    assert.equal(wells('pivot-simple').Values[0].NumericalMeasureField.AggregationFunction.SimpleNumericalAggregation, 'MEDIAN');
  });

  it('gives each field an id from the visual, its role and position', () => {
    const bar = wells('errors-by-name');
    assert.equal(bar.Category[0].CategoricalDimensionField.FieldId, 'errors-by-name.x.0');
    assert.equal(bar.Values[0].CategoricalMeasureField.FieldId, 'errors-by-name.y.0');
    assert.equal(bar.Values[1].NumericalMeasureField.FieldId, 'errors-by-name.y.1');
    assert.equal(bar.Colors[0].CategoricalDimensionField.FieldId, 'errors-by-name.color.0');
  });

  it('sorts by a field of the visual, or by a column with its aggregation; limits keep the top items', () => {
    const bar = visual('errors-by-name').body.ChartConfiguration;
    assert.deepEqual(bar.SortConfiguration, {
      CategorySort: [{ FieldSort: { FieldId: 'errors-by-name.y.1', Direction: 'DESC' } }, { FieldSort: { FieldId: 'errors-by-name.x.0', Direction: 'ASC' } }],
      CategoryItemsLimit: { ItemsLimit: 10, OtherCategories: 'EXCLUDE' },
    });
    assert.deepEqual(visual('by-service').body.ChartConfiguration.SortConfiguration.CategorySort, [
      {
        ColumnSort: {
          SortBy: { DataSetIdentifier: 'events', ColumnName: 'latency' },
          Direction: 'DESC',
          AggregationFunction: { NumericalAggregationFunction: { SimpleNumericalAggregation: 'MAX' } },
        },
      },
    ]);
    assert.deepEqual(visual('top-regions').body.ChartConfiguration.SortConfiguration, {
      CategorySort: [{ FieldSort: { FieldId: 'top-regions.y.0', Direction: 'DESC' } }],
      CategoryItemsLimit: { ItemsLimit: 5, OtherCategories: 'EXCLUDE' },
    });
  });

  it('draws bars horizontal and stacked, with axis labels and a legend title', () => {
    const bar = visual('errors-by-name').body;
    assert.equal(bar.ChartConfiguration.Orientation, 'HORIZONTAL');
    assert.equal(bar.ChartConfiguration.BarsArrangement, 'STACKED');
    assert.deepEqual(bar.ChartConfiguration.CategoryLabelOptions.AxisLabelOptions, [
      { CustomLabel: 'Event', ApplyTo: { FieldId: 'errors-by-name.x.0', Column: { DataSetIdentifier: 'events', ColumnName: 'event_name' } } },
    ]);
    assert.equal(bar.ChartConfiguration.Legend.Title.CustomLabel, 'Principal type');
    assert.deepEqual(bar.Title, { Visibility: 'VISIBLE', FormatText: { PlainText: 'Errors by event' } });
    assert.equal(visual('top-regions').body.ChartConfiguration.Orientation, 'VERTICAL');
    assert.equal(visual('top-regions').body.ChartConfiguration.BarsArrangement, 'CLUSTERED');
  });

  it('uses a KPI field label as its title, and keeps subtitles', () => {
    assert.equal(visual('calls-kpi').body.Title.FormatText.PlainText, 'Calls');
    assert.equal(visual('errors-kpi').body.Subtitle.FormatText.PlainText, 'Failed calls');
  });

  it('draws a donut through DonutOptions and a pie as a whole arc', () => {
    assert.deepEqual(visual('by-region-donut').body.ChartConfiguration.DonutOptions, { ArcOptions: { ArcThickness: 'MEDIUM' } });
    assert.deepEqual(visual('by-type-pie').body.ChartConfiguration.DonutOptions, { ArcOptions: { ArcThickness: 'WHOLE' } });
    assert.deepEqual(visual('by-region-donut').body.ChartConfiguration.SortConfiguration.CategoryItemsLimit, { ItemsLimit: 6, OtherCategories: 'EXCLUDE' });
  });

  it('lists rows in an unaggregated table: formatted times, headers, sort, rows per page', () => {
    const table = visual('calls-table').body.ChartConfiguration;
    const values = table.FieldWells.TableUnaggregatedFieldWells.Values;
    assert.equal(values.length, 4);
    assert.deepEqual(values[0].FormatConfiguration, { DateTimeFormatConfiguration: { DateTimeFormat: 'YYYY-MM-DD HH:mm' } });
    assert.deepEqual(table.FieldOptions.SelectedFieldOptions, [
      { FieldId: 'calls-table.columns.0', CustomLabel: 'Time' },
      { FieldId: 'calls-table.columns.2', CustomLabel: 'User' },
    ]);
    assert.deepEqual(table.SortConfiguration, {
      RowSort: [{ FieldSort: { FieldId: 'calls-table.columns.0', Direction: 'DESC' } }],
      PaginationConfiguration: { PageSize: 100, PageNumber: 1 },
    });
  });

  it('groups an aggregated table, keeps its column order and its top N through a filter on the visual', () => {
    const table = visual('top-users').body.ChartConfiguration;
    const wells = table.FieldWells.TableAggregatedFieldWells;
    assert.equal(wells.GroupBy[0].CategoricalDimensionField.FieldId, 'top-users.columns.0');
    assert.deepEqual(
      wells.Values.map((v: any) => Object.keys(v)[0]),
      ['CategoricalMeasureField', 'DateMeasureField', 'NumericalMeasureField'],
    );
    assert.deepEqual(table.FieldOptions.Order, ['top-users.columns.0', 'top-users.columns.1', 'top-users.columns.2', 'top-users.columns.3']);
    const group = definition.FilterGroups!.find((g) => g.FilterGroupId === 'top-users-limit-group')!;
    assert.deepEqual(group.ScopeConfiguration, {
      SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 'details', Scope: 'SELECTED_VISUALS', VisualIds: ['top-users'] }] },
    });
    assert.deepEqual(group.Filters![0].TopBottomFilter, {
      FilterId: 'top-users-limit',
      Column: { DataSetIdentifier: 'events', ColumnName: 'user_name' },
      Limit: 20,
      AggregationSortConfigurations: [
        {
          Column: { DataSetIdentifier: 'events', ColumnName: 'event_id' },
          SortDirection: 'DESC',
          AggregationFunction: { CategoricalAggregationFunction: 'COUNT' },
        },
      ],
    });
    const byDay = definition.FilterGroups!.find((g) => g.FilterGroupId === 'top-names-limit-group')!;
    assert.equal(byDay.Filters![0].TopBottomFilter!.TimeGranularity, 'DAY');
  });

  it('fills pivot rows, columns and values, with labels as headers', () => {
    const pivot = visual('pivot-users').body.ChartConfiguration;
    const w = pivot.FieldWells.PivotTableAggregatedFieldWells;
    assert.deepEqual([w.Rows.length, w.Columns.length, w.Values.length], [1, 1, 2]);
    assert.deepEqual(pivot.FieldOptions.SelectedFieldOptions, [
      { FieldId: 'pivot-users.rows.0', CustomLabel: 'User' },
      { FieldId: 'pivot-users.values.1', CustomLabel: 'Errors' },
    ]);
  });

  it('limits a heat map to the top rows and columns by its value', () => {
    const heat = visual('heat').body.ChartConfiguration;
    assert.deepEqual(heat.SortConfiguration.HeatMapRowItemsLimitConfiguration, { ItemsLimit: 15, OtherCategories: 'EXCLUDE' });
    assert.deepEqual(heat.SortConfiguration.HeatMapRowSort, [{ FieldSort: { FieldId: 'heat.value.0', Direction: 'DESC' } }]);
    assert.equal(heat.RowLabelOptions.AxisLabelOptions[0].CustomLabel, 'User');
  });

  it('passes a raw visual through untouched', () => {
    const spec = specs.dashboards[0].spec.sheets[1].visuals.find((v) => v.id === 'raw-gauge')!;
    assert.equal(spec.type, 'raw');
    const compiled = definition.Sheets![1].Visuals!.find((v) => v.GaugeChartVisual)!;
    assert.deepEqual(compiled, spec.type === 'raw' ? spec.visual : undefined);
  });

  it('formats numeric measures as numbers or percentages', () => {
    const formatted = withSpec(specs, 'all-visuals', (d) => {
      const kpi = d.sheets[0].visuals.find((v: any) => v.id === 'rate-kpi');
      kpi.value = { column: 'error_rate', format: 'percent', decimals: 1 };
      const top = d.sheets[1].visuals.find((v: any) => v.id === 'top-users');
      top.columns = [...top.columns, { column: 'error_count', aggregation: 'sum', format: 'number', decimals: 0 }];
      const rows = d.sheets[1].visuals.find((v: any) => v.id === 'calls-table');
      rows.columns = [...rows.columns, { column: 'latency', format: 'number', decimals: 2 }];
    });
    const out = compile(formatted, resolveTarget(formatted.project.spec)).find((r) => r.kind === 'Dashboard' && r.id === 'all-visuals')!;
    const sheets = (out.input as { Definition: AnalysisDefinition }).Definition.Sheets!;
    const find = (id: string) =>
      sheets
        .flatMap((s) => s.Visuals!)
        .map((v) => Object.values(v)[0] as any)
        .find((b) => b.VisualId === id);
    assert.deepEqual(find('rate-kpi').ChartConfiguration.FieldWells.Values[0].NumericalMeasureField.FormatConfiguration, {
      FormatConfiguration: { PercentageDisplayFormatConfiguration: { DecimalPlacesConfiguration: { DecimalPlaces: 1 } } },
    });
    const aggregated = find('top-users').ChartConfiguration.FieldWells.TableAggregatedFieldWells;
    assert.deepEqual(aggregated.Values.at(-1).NumericalMeasureField.FormatConfiguration, {
      FormatConfiguration: { NumberDisplayFormatConfiguration: { DecimalPlacesConfiguration: { DecimalPlaces: 0 } } },
    });
    const raw = find('calls-table').ChartConfiguration.FieldWells.TableUnaggregatedFieldWells;
    assert.deepEqual(raw.Values.at(-1).FormatConfiguration, {
      NumberFormatConfiguration: { FormatConfiguration: { NumberDisplayFormatConfiguration: { DecimalPlacesConfiguration: { DecimalPlaces: 2 } } } },
    });

    // Where QuickSight has no number format, the gate refuses one (src/language/rules/field-formats.ts).
    const refusals = refusalsWith(specs, 'all-visuals', (d) => {
      const bar = d.sheets[0].visuals.find((v: any) => v.id === 'errors-by-name');
      bar.x = { column: typeof bar.x === 'string' ? bar.x : bar.x.column, format: 'percent' };
      d.sheets[0].visuals.find((v: any) => v.id === 'calls-kpi').value = { column: 'event_id', aggregation: 'count', format: 'percent' };
    });
    assert.deepEqual(refusals, [
      "count(event_id): `format` and `decimals` are for number columns; 'event_id' is a string column",
      "x groups by 'event_name': `format` and `decimals` are for measures and table rows",
    ]);
  });
});
