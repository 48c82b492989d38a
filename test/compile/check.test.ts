import assert from 'node:assert/strict';
import type { AnalysisDefinition } from '@aws-sdk/client-quicksight';
import { checkDefinition, compile, resolveTarget, type DatasetColumns } from '../../src/compile/index.ts';
import { dashboardSpecs, fixtureSpecs } from './helpers.ts';

const ev = (ColumnName: string) => ({ DataSetIdentifier: 'ev', ColumnName });
const DATASETS: DatasetColumns[] = [
  {
    identifier: 'ev',
    columns: [
      { name: 'event_name', type: 'STRING' },
      { name: 'event_time', type: 'DATETIME' },
      { name: 'errors', type: 'INTEGER' },
      { name: 'rate' },
    ],
  },
];

/** A small valid definition: two sheets, a bar and a KPI, a filter scoped to the bar, a control. */
function base(): AnalysisDefinition {
  return {
    DataSetIdentifierDeclarations: [{ Identifier: 'ev', DataSetArn: 'arn:aws:quicksight:us-east-1:000000000000:dataset/ev' }],
    ParameterDeclarations: [{ StringParameterDeclaration: { Name: 'who', ParameterValueType: 'SINGLE_VALUED' } }],
    Sheets: [
      {
        SheetId: 's1',
        Name: 'One',
        Visuals: [
          {
            BarChartVisual: {
              VisualId: 'bar',
              ChartConfiguration: {
                FieldWells: {
                  BarChartAggregatedFieldWells: {
                    Category: [{ CategoricalDimensionField: { FieldId: 'bar.x', Column: ev('event_name') } }],
                    Values: [{ NumericalMeasureField: { FieldId: 'bar.y', Column: ev('errors'), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } }],
                  },
                },
              },
            },
          },
        ],
        FilterControls: [{ Dropdown: { FilterControlId: 'c1', Title: 'Name', SourceFilterId: 'f1' } }],
        Layouts: [{ Configuration: { GridLayout: { Elements: [{ ElementId: 'bar', ElementType: 'VISUAL', ColumnSpan: 18, RowSpan: 8 }] } } }],
      },
      {
        SheetId: 's2',
        Name: 'Two',
        Visuals: [{ KPIVisual: { VisualId: 'kpi', ChartConfiguration: { FieldWells: { Values: [{ CategoricalMeasureField: { FieldId: 'kpi.v', Column: ev('event_name'), AggregationFunction: 'COUNT' } }] } } } }],
      },
    ],
    FilterGroups: [
      {
        FilterGroupId: 'g1',
        CrossDataset: 'SINGLE_DATASET',
        ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 's1', Scope: 'SELECTED_VISUALS', VisualIds: ['bar'] }] } },
        Filters: [{ CategoryFilter: { FilterId: 'f1', Column: ev('event_name'), Configuration: { CustomFilterConfiguration: { MatchOperator: 'EQUALS', ParameterName: 'who', NullOption: 'ALL_VALUES' } } } }],
      },
    ],
  };
}

/** The problems of the base definition after `change`, as `rule: message`. */
function problemsAfter(change: (d: any) => void): string[] {
  const definition = structuredClone(base());
  change(definition);
  return checkDefinition(definition, DATASETS).map((p) => `${p.rule}: ${p.message}`);
}

describe('checkDefinition: QuickSight rules the API model cannot express', () => {
  it('finds nothing wrong with a sound definition', () => {
    assert.deepEqual(checkDefinition(base(), DATASETS), []);
  });

  it('finds nothing wrong with anything compiled from dashboards/ and the fixtures', async () => {
    for (const specs of [await dashboardSpecs(), fixtureSpecs()]) {
      const resources = compile(specs, resolveTarget(specs.project.spec));
      const datasets = new Map(resources.filter((r) => r.kind === 'DataSet').map((r) => [r.id, r]));
      for (const r of resources) {
        if (r.kind !== 'Dashboard' && r.kind !== 'Analysis') continue;
        const definition = r.input.Definition!;
        // Columns as QuickSight sees them: the input columns and calculated fields of each dataset.
        const columns = definition.DataSetIdentifierDeclarations!.map((d) => {
          const ds = datasets.get(d.DataSetArn!.split('/').pop()!)!;
          if (ds.kind !== 'DataSet') throw new Error('not a dataset');
          const input = Object.values(ds.input.PhysicalTableMap!)[0].CustomSql!.Columns!.map((c) => ({ name: c.Name!, type: c.Type }));
          const calculated = Object.values(ds.input.LogicalTableMap!)[0].DataTransforms?.flatMap((t) => t.CreateColumnsOperation?.Columns ?? []) ?? [];
          return { identifier: d.Identifier!, columns: [...input, ...calculated.map((c) => ({ name: c.ColumnName! }))] };
        });
        assert.deepEqual(checkDefinition(definition, columns), [], `${r.kind} ${r.id}`);
      }
    }
  });

  it('wants sheet, visual, field, filter and control ids unique', () => {
    assert.deepEqual(
      problemsAfter((d) => {
        d.Sheets[1].SheetId = 's1';
        d.Sheets[1].Visuals[0].KPIVisual.VisualId = 'bar';
        d.Sheets[1].Visuals[0].KPIVisual.ChartConfiguration.FieldWells.Values[0].CategoricalMeasureField.FieldId = 'bar.x';
        d.FilterGroups.push(structuredClone(d.FilterGroups[0]));
        d.Sheets[0].FilterControls.push(structuredClone(d.Sheets[0].FilterControls[0]));
      }).filter((p) => p.startsWith('unique-id')),
      [
        'unique-id: sheet id "s1" is already used at Sheets[0].SheetId',
        'unique-id: visual id "bar" is already used at Sheets[0].Visuals[0].BarChartVisual.VisualId',
        'unique-id: field id "bar.x" is already used at Sheets[0].Visuals[0].BarChartVisual.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells.Category[0].CategoricalDimensionField.FieldId',
        'unique-id: filter id "f1" is already used at FilterGroups[0].Filters[0].CategoryFilter.FilterId',
        'unique-id: filter group id "g1" is already used at FilterGroups[0].FilterGroupId',
        'unique-id: control id "c1" is already used at Sheets[0].FilterControls[0].Dropdown.FilterControlId',
      ],
    );
  });

  it('wants every dataset identifier declared and every column in its dataset', () => {
    assert.deepEqual(
      problemsAfter((d) => {
        d.Sheets[0].Visuals[0].BarChartVisual.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells.Category[0].CategoricalDimensionField.Column = { DataSetIdentifier: 'other', ColumnName: 'x' };
        d.Sheets[1].Visuals[0].KPIVisual.ChartConfiguration.FieldWells.Values[0].CategoricalMeasureField.Column.ColumnName = 'missing';
      }),
      ['dataset-declared: dataset identifier "other" is not in DataSetIdentifierDeclarations', 'column-exists: dataset "ev" has no column "missing"'],
    );
  });

  it('wants column types that fit: numeric measures unless counted, dates for date fields and time filters', () => {
    assert.deepEqual(
      problemsAfter((d) => {
        const wells = d.Sheets[0].Visuals[0].BarChartVisual.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells;
        wells.Values.push({ NumericalMeasureField: { FieldId: 'bar.y2', Column: ev('event_name'), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } });
        wells.Values.push({ NumericalMeasureField: { FieldId: 'bar.y3', Column: ev('event_name'), AggregationFunction: { SimpleNumericalAggregation: 'DISTINCT_COUNT' } } });
        wells.Values.push({ NumericalMeasureField: { FieldId: 'bar.y4', Column: ev('rate') } });
        wells.Category.push({ DateDimensionField: { FieldId: 'bar.x2', Column: ev('errors') } });
        wells.Category.push({ CategoricalDimensionField: { FieldId: 'bar.x3', Column: ev('event_time') } });
        d.FilterGroups[0].Filters.push({ TimeRangeFilter: { FilterId: 'f2', Column: ev('event_name'), NullOption: 'ALL_VALUES' } });
        d.FilterGroups[0].Filters.push({ CategoryFilter: { FilterId: 'f3', Column: ev('errors'), Configuration: {} } });
      }),
      [
        'column-type: errors is INTEGER, which does not fit a date dimension',
        'column-type: event_time is DATETIME, which does not fit a categorical dimension (use a DateDimensionField)',
        'column-type: event_name is STRING, which does not fit a numerical measure (SUM)',
        'column-type: event_name is STRING, which does not fit a TimeRangeFilter',
        'column-type: errors is INTEGER, which does not fit a CategoryFilter',
      ],
    );
  });

  it('wants filter scopes on existing sheets and on visuals of those sheets that show the dataset', () => {
    assert.deepEqual(
      problemsAfter((d) => {
        d.FilterGroups[0].ScopeConfiguration.SelectedSheets.SheetVisualScopingConfigurations = [
          { SheetId: 'nope', Scope: 'ALL_VISUALS' },
          { SheetId: 's1', Scope: 'SELECTED_VISUALS', VisualIds: ['kpi'] },
          { SheetId: 's2', Scope: 'SELECTED_VISUALS', VisualIds: [] },
        ];
      }),
      [
        'filter-scope: filter group g1 is scoped to sheet "nope", which does not exist',
        'filter-scope: filter group g1 is scoped to visual "kpi", which is not on sheet s1',
        'filter-scope: filter group g1 selects visuals on sheet s2 but names none',
      ],
    );
    assert.deepEqual(
      problemsAfter((d) => {
        d.DataSetIdentifierDeclarations.push({ Identifier: 'other', DataSetArn: 'arn:aws:quicksight:us-east-1:000000000000:dataset/other' });
        d.FilterGroups[0].Filters[0].CategoryFilter.Column.DataSetIdentifier = 'other';
      }),
      ['filter-scope: filter group g1 filters other, but visual bar shows ev'],
    );
  });

  it('wants controls and filters to refer to what exists, and layouts to place each visual of the sheet', () => {
    assert.deepEqual(
      problemsAfter((d) => {
        d.Sheets[1].FilterControls = [{ DateTimePicker: { FilterControlId: 'c2', Title: 'x', SourceFilterId: 'f1' } }];
        d.Sheets[0].FilterControls[0].Dropdown.SourceFilterId = 'gone';
        d.FilterGroups[0].Filters[0].CategoryFilter.Configuration.CustomFilterConfiguration.ParameterName = 'nobody';
        d.Sheets[0].Layouts[0].Configuration.GridLayout.Elements = [{ ElementId: 'kpi', ElementType: 'VISUAL', ColumnSpan: 1, RowSpan: 1 }];
      }),
      [
        'reference: control c1 drives filter "gone", which does not exist',
        'reference: control c2 is on sheet s2, but filter f1 does not apply there',
        'reference: parameter "nobody" is not declared',
        'layout: layout element "kpi" is not a visual of sheet s1',
        "layout: visual bar is not in sheet s1's layout",
      ],
    );
  });
});
