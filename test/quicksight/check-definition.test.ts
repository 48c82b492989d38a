import assert from 'node:assert/strict';
import type { AnalysisDefinition } from '@aws-sdk/client-quicksight';
import { checkDefinition, entityAt, type DataSetColumn } from '../../src/quicksight/index.ts';

const ev = (ColumnName: string) => ({ DataSetIdentifier: 'ev', ColumnName });
const EV_ARN = 'arn:aws:quicksight:us-east-1:000000000000:dataset/ev';
const COLUMNS: Record<string, DataSetColumn[]> = {
  [EV_ARN]: [
    { name: 'event_name', type: 'STRING' },
    { name: 'event_time', type: 'DATETIME' },
    { name: 'errors', type: 'INTEGER' },
    { name: 'ok', type: 'BOOLEAN' },
    { name: 'rate' },
  ],
  'arn:aws:quicksight:us-east-1:000000000000:dataset/other': [{ name: 'x', type: 'STRING' }],
};
const columns = (arn: string) => COLUMNS[arn];

/** A small valid definition: two sheets, a bar and a KPI, a filter scoped to the bar, a control. */
function base(): AnalysisDefinition {
  return {
    DataSetIdentifierDeclarations: [{ Identifier: 'ev', DataSetArn: EV_ARN }],
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
        Visuals: [
          {
            KPIVisual: {
              VisualId: 'kpi',
              ChartConfiguration: {
                FieldWells: { Values: [{ CategoricalMeasureField: { FieldId: 'kpi.v', Column: ev('event_name'), AggregationFunction: 'COUNT' } }] },
              },
            },
          },
        ],
      },
    ],
    FilterGroups: [
      {
        FilterGroupId: 'g1',
        CrossDataset: 'SINGLE_DATASET',
        ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 's1', Scope: 'SELECTED_VISUALS', VisualIds: ['bar'] }] } },
        Filters: [
          {
            CategoryFilter: {
              FilterId: 'f1',
              Column: ev('event_name'),
              Configuration: { CustomFilterConfiguration: { MatchOperator: 'EQUALS', ParameterName: 'who', NullOption: 'ALL_VALUES' } },
            },
          },
        ],
      },
    ],
  };
}

/** The violations of the base definition after `change`, as `rule: message`. */
function violationsAfter(change: (d: any) => void): string[] {
  const definition = structuredClone(base());
  change(definition);
  return checkDefinition(definition, columns).map((v) => `${v.rule}: ${v.message}`);
}

describe("QuickSight's rules for a definition (src/quicksight)", () => {
  it('find nothing wrong with a sound definition', () => {
    assert.deepEqual(checkDefinition(base(), columns), []);
  });

  it('accept what real definitions do: field ids reused across visuals, free-form layouts, BOOLEAN columns as numbers, calculated fields', () => {
    assert.deepEqual(
      violationsAfter((d) => {
        d.Sheets[1].Visuals[0].KPIVisual.ChartConfiguration.FieldWells.Values[0].CategoricalMeasureField.FieldId = 'bar.x';
        d.Sheets[1].Layouts = [
          {
            Configuration: {
              FreeFormLayout: {
                Elements: [{ ElementId: 'kpi', ElementType: 'VISUAL', XAxisLocation: '0px', YAxisLocation: '0px', Width: '100px', Height: '100px' }],
              },
            },
          },
        ];
        const wells = d.Sheets[0].Visuals[0].BarChartVisual.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells;
        wells.Values.push({ NumericalMeasureField: { FieldId: 'bar.ok', Column: ev('ok'), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } });
        d.CalculatedFields = [{ DataSetIdentifier: 'ev', Name: 'doubled', Expression: '{errors} * 2' }];
        wells.Values.push({ NumericalMeasureField: { FieldId: 'bar.doubled', Column: ev('doubled') } });
      }),
      [],
    );
  });

  it('want sheet, visual, filter and control ids unique in the definition, field ids in their visual', () => {
    assert.deepEqual(
      violationsAfter((d) => {
        d.Sheets[1].SheetId = 's1';
        d.Sheets[1].Visuals[0].KPIVisual.VisualId = 'bar';
        const wells = d.Sheets[0].Visuals[0].BarChartVisual.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells;
        wells.Values[0].NumericalMeasureField.FieldId = 'bar.x';
        d.FilterGroups.push(structuredClone(d.FilterGroups[0]));
        d.Sheets[0].FilterControls.push(structuredClone(d.Sheets[0].FilterControls[0]));
      }).filter((p) => p.startsWith('unique-id')),
      [
        "unique-id: Sheet id 's1' is used more than once.",
        "unique-id: Visual id 'bar' is used more than once.",
        "unique-id: Field id 'bar.x' is used more than once in visual 'bar'.",
        "unique-id: Filter id 'f1' is used more than once.",
        "unique-id: Filter group id 'g1' is used more than once.",
        "unique-id: Control id 'c1' is used more than once.",
      ],
    );
  });

  it('want every data set declared once and existing, every column in its data set', () => {
    assert.deepEqual(
      violationsAfter((d) => {
        d.DataSetIdentifierDeclarations.push({ Identifier: 'gone', DataSetArn: 'arn:aws:quicksight:us-east-1:000000000000:dataset/gone' });
        d.DataSetIdentifierDeclarations.push({ Identifier: 'ev', DataSetArn: EV_ARN });
        d.Sheets[0].Visuals[0].BarChartVisual.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells.Category[0].CategoricalDimensionField.Column = {
          DataSetIdentifier: 'undeclared',
          ColumnName: 'x',
        };
        d.Sheets[1].Visuals[0].KPIVisual.ChartConfiguration.FieldWells.Values[0].CategoricalMeasureField.Column.ColumnName = 'Event_Name';
      }),
      [
        "data-sets: Data set 'arn:aws:quicksight:us-east-1:000000000000:dataset/gone' (identifier 'gone') does not exist.",
        "data-sets: Data set identifier 'ev' is declared more than once.",
        "data-sets: Data set identifier 'undeclared' is not declared in DataSetIdentifierDeclarations.",
        `column-exists: Required column 'Event_Name' is missing in data set '${EV_ARN}'`,
      ],
    );
  });

  it('want column types that fit: numeric measures unless counted, dates for date fields and time filters, text for category filters', () => {
    assert.deepEqual(
      violationsAfter((d) => {
        const wells = d.Sheets[0].Visuals[0].BarChartVisual.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells;
        wells.Values.push({
          NumericalMeasureField: { FieldId: 'bar.y2', Column: ev('event_name'), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } },
        });
        wells.Values.push({
          NumericalMeasureField: { FieldId: 'bar.y3', Column: ev('event_name'), AggregationFunction: { SimpleNumericalAggregation: 'DISTINCT_COUNT' } },
        });
        wells.Values.push({ NumericalMeasureField: { FieldId: 'bar.y4', Column: ev('rate') } });
        wells.Category.push({ DateDimensionField: { FieldId: 'bar.x2', Column: ev('errors') } });
        wells.Category.push({ CategoricalDimensionField: { FieldId: 'bar.x3', Column: ev('event_time') } });
        d.Sheets[0].Visuals[0].BarChartVisual.ChartConfiguration.SortConfiguration = {
          CategorySort: [
            {
              ColumnSort: {
                SortBy: ev('event_name'),
                Direction: 'DESC',
                AggregationFunction: { NumericalAggregationFunction: { SimpleNumericalAggregation: 'MAX' } },
              },
            },
          ],
        };
        d.FilterGroups[0].Filters.push({ TimeRangeFilter: { FilterId: 'f2', Column: ev('event_name'), NullOption: 'ALL_VALUES' } });
        d.FilterGroups[0].Filters.push({ CategoryFilter: { FilterId: 'f3', Column: ev('errors'), Configuration: {} } });
      }),
      [
        "column-type: Column 'errors' is INTEGER, which does not fit a date dimension.",
        "column-type: Column 'event_time' is DATETIME, which does not fit a categorical dimension (use a DateDimensionField).",
        "column-type: Column 'event_name' is STRING, which does not fit a numerical measure (SUM).",
        "column-type: Column 'event_name' is STRING, which does not fit a MAX sort.",
        "column-type: Column 'event_name' is STRING, which does not fit a TimeRangeFilter.",
        "column-type: Column 'errors' is INTEGER, which does not fit a CategoryFilter.",
      ],
    );
  });

  it('want filter scopes on existing sheets and on visuals of those sheets that show the data set', () => {
    assert.deepEqual(
      violationsAfter((d) => {
        d.FilterGroups[0].ScopeConfiguration.SelectedSheets.SheetVisualScopingConfigurations = [
          { SheetId: 'nope', Scope: 'ALL_VISUALS' },
          { SheetId: 's1', Scope: 'SELECTED_VISUALS', VisualIds: ['kpi'] },
          { SheetId: 's2', Scope: 'SELECTED_VISUALS', VisualIds: [] },
        ];
      }),
      [
        "filter-scope: Filter group 'g1' is scoped to sheet 'nope', which does not exist.",
        "filter-scope: Filter group 'g1' is scoped to visual 'kpi', which sheet 's1' does not have.",
        "filter-scope: Filter group 'g1' selects visuals on sheet 's2' but names none.",
      ],
    );
    assert.deepEqual(
      violationsAfter((d) => {
        d.DataSetIdentifierDeclarations.push({ Identifier: 'other', DataSetArn: 'arn:aws:quicksight:us-east-1:000000000000:dataset/other' });
        d.FilterGroups[0].Filters[0].CategoryFilter.Column = { DataSetIdentifier: 'other', ColumnName: 'x' };
      }),
      ["filter-scope: Filter group 'g1' filters data set 'other', but visual 'bar' shows 'ev'."],
    );
  });

  it('want controls, filters and layouts to refer to what exists', () => {
    assert.deepEqual(
      violationsAfter((d) => {
        d.Sheets[1].FilterControls = [{ Dropdown: { FilterControlId: 'c2', Title: 'x', SourceFilterId: 'f1' } }];
        d.Sheets[0].FilterControls[0].Dropdown.SourceFilterId = 'gone';
        d.FilterGroups[0].Filters[0].CategoryFilter.Configuration.CustomFilterConfiguration.ParameterName = 'nobody';
        d.Sheets[0].Layouts[0].Configuration.GridLayout.Elements.push({ ElementId: 'kpi', ElementType: 'VISUAL', ColumnSpan: 1, RowSpan: 1 });
        d.Sheets[0].Layouts[0].Configuration.GridLayout.Elements.push({ ElementId: 'bar', ElementType: 'VISUAL', ColumnSpan: 1, RowSpan: 1 });
      }),
      [
        'parameter-declared: The filter is using a parameter that has been deleted. Choose a new parameter and save changes.',
        "filter-control: Filter control 'c1' uses filter 'gone', which no filter group defines.",
        "filter-control: Filter control 'c2' is on sheet 's2', but filter 'f1' does not apply there.",
        "layout: The layout places visual 'kpi', which sheet 's1' does not have.",
        "layout: The layout places visual 'bar' twice.",
      ],
    );
  });

  it("want a cross-sheet control's filter scoped to several sheets and carrying the control they share, of a kind it can drive", () => {
    /** Filter f1 on both sheets, with the shared control a dropdown; each sheet shows it as a cross-sheet control. */
    const shared = (d: any) => {
      d.FilterGroups[0].ScopeConfiguration = { AllSheets: {} };
      d.FilterGroups[0].Filters[0].CategoryFilter.DefaultFilterControlConfiguration = {
        Title: 'Name',
        ControlOptions: { DefaultDropdownOptions: { Type: 'MULTI_SELECT' } },
      };
      d.Sheets[0].FilterControls = [{ CrossSheet: { FilterControlId: 'c1', SourceFilterId: 'f1' } }];
      d.Sheets[1].FilterControls = [{ CrossSheet: { FilterControlId: 'c2', SourceFilterId: 'f1' } }];
    };
    assert.deepEqual(violationsAfter(shared), []);
    assert.deepEqual(
      violationsAfter((d) => {
        shared(d);
        d.FilterGroups[0].ScopeConfiguration = {
          SelectedSheets: {
            SheetVisualScopingConfigurations: [
              { SheetId: 's1', Scope: 'ALL_VISUALS' },
              { SheetId: 's2', Scope: 'ALL_VISUALS' },
            ],
          },
        };
      }),
      [],
      'several sheets selected by name',
    );
    assert.deepEqual(
      violationsAfter((d) => {
        shared(d);
        delete d.FilterGroups[0].Filters[0].CategoryFilter.DefaultFilterControlConfiguration;
      }),
      [
        "filter-control: Filter control 'c1' is a cross-sheet control, but filter 'f1' has no DefaultFilterControlConfiguration to show it with.",
        "filter-control: Filter control 'c2' is a cross-sheet control, but filter 'f1' has no DefaultFilterControlConfiguration to show it with.",
      ],
    );
    assert.deepEqual(
      violationsAfter((d) => {
        shared(d);
        d.FilterGroups[0].ScopeConfiguration = { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 's1', Scope: 'ALL_VISUALS' }] } };
        d.FilterGroups[0].Filters[0].CategoryFilter.DefaultFilterControlConfiguration.ControlOptions = {
          DefaultRelativeDateTimeOptions: {},
        };
      }),
      [
        "filter-control: Filter 'f1' is a CategoryFilter, which DefaultRelativeDateTimeOptions cannot drive.",
        "filter-control: Filter control 'c1' is a cross-sheet control, but filter 'f1' applies to one sheet only: give the sheet a control of its own.",
        "filter-control: Filter control 'c2' is on sheet 's2', but filter 'f1' does not apply there.",
      ],
    );
  });

  it("name the entity QuickSight names in an error's ViolatedEntities", () => {
    const definition = base();
    const [violation] = checkDefinition(
      {
        ...definition,
        FilterGroups: [
          {
            ...definition.FilterGroups![0],
            ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 's1', Scope: 'SELECTED_VISUALS', VisualIds: ['ghost'] }] } },
          },
        ],
      },
      columns,
    );
    assert.equal(violation.entity, 'filter-group/g1/sheet/s1/visual/ghost');
    assert.equal(entityAt(definition, ['Sheets', 0, 'Visuals', 0, 'BarChartVisual', 'ChartConfiguration']), 'sheet/s1/visual/bar');
    assert.equal(entityAt(definition, ['FilterGroups', 0, 'Filters', 0, 'CategoryFilter', 'Column']), 'filter-group/g1/filter/f1');
    assert.equal(entityAt(definition, ['ParameterDeclarations', 0]), 'parameter/who');
    assert.equal(entityAt(definition, ['Sheets']), 'definition');
  });

  it('refuse the request itself, in its words, for ALL_VISUALS with visual ids (terraform-provider-aws#33754) and a category filter with two choices (#33222)', () => {
    const definition: any = structuredClone(base());
    definition.FilterGroups.push({
      FilterGroupId: 'g2',
      CrossDataset: 'SINGLE_DATASET',
      ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 's1', Scope: 'ALL_VISUALS', VisualIds: ['bar'] }] } },
      Filters: [
        {
          CategoryFilter: {
            FilterId: 'f2',
            Column: ev('event_name'),
            Configuration: { FilterListConfiguration: { MatchOperator: 'CONTAINS', CategoryValues: ['a'], SelectAllOptions: 'FILTER_ALL_VALUES' } },
          },
        },
        {
          CategoryFilter: {
            FilterId: 'f3',
            Column: ev('event_name'),
            Configuration: { CustomFilterConfiguration: { MatchOperator: 'EQUALS', CategoryValue: 'a', ParameterName: 'who', NullOption: 'ALL_VALUES' } },
          },
        },
        {
          CategoryFilter: {
            FilterId: 'f4',
            Column: ev('event_name'),
            Configuration: { FilterListConfiguration: { MatchOperator: 'CONTAINS', SelectAllOptions: 'FILTER_ALL_VALUES' } },
          },
        },
      ],
    });
    const refused = checkDefinition(definition, columns).filter((v) => v.stage === 'request');
    assert.deepEqual(
      refused.map((v) => [v.type, v.entity, v.message]),
      [
        [
          'InvalidParameterValueException',
          'filter-group/g2/sheet/s1',
          'FilterGroups scoped to ALL_VISUALS must not have a list of visualIds,  \n\t at Filter Group g2.',
        ],
        [
          'InvalidParameterValueException',
          'filter-group/g2/filter/f2',
          'Category Filter must define only one of: CategoryValue(s), ParameterName, SelectAllOptions,  \n\t at Filter f2.',
        ],
        [
          'InvalidParameterValueException',
          'filter-group/g2/filter/f3',
          'Category Filter must define only one of: CategoryValue(s), ParameterName, SelectAllOptions,  \n\t at Filter f3.',
        ],
      ],
    );
  });

  it("report a filter's undeclared parameter as FILTER_SOURCE_PARAMETER_NOT_FOUND at the filter (cloud-intelligence-dashboards-framework#567), a calculated field's missing data set as DATA_SET_NOT_FOUND", () => {
    const definition: any = structuredClone(base());
    definition.FilterGroups[0].Filters.push({
      NumericRangeFilter: { FilterId: 'range', Column: ev('errors'), RangeMinimum: { Parameter: 'low' }, NullOption: 'ALL_VALUES' },
    });
    definition.CalculatedFields = [{ DataSetIdentifier: 'gone', Name: 'Savings %', Expression: '1' }];
    assert.deepEqual(
      checkDefinition(definition, columns).map((v) => [v.stage, v.type, v.entity, v.message]),
      [
        ['creation', 'DATA_SET_NOT_FOUND', 'calculated-field/Savings %', 'The DataSet that used in the calculated field can not be found in the analysis'],
        [
          'creation',
          'FILTER_SOURCE_PARAMETER_NOT_FOUND',
          'filter-group/g1/filter/range',
          'The filter is using a parameter that has been deleted. Choose a new parameter and save changes.',
        ],
      ],
    );
  });

  it("want calculated expressions well formed with declared parameters, sorts on fields of the visual, controls of their filter's kind, grid elements within 36 columns", () => {
    assert.deepEqual(
      violationsAfter((d) => {
        d.CalculatedFields = [
          { DataSetIdentifier: 'ev', Name: 'ok', Expression: 'ifelse({errors} > ${who}, \'a(\', "b") /* ( */' },
          { DataSetIdentifier: 'ev', Name: 'open', Expression: 'sum({errors}' },
          { DataSetIdentifier: 'ev', Name: 'stray', Expression: 'sum({errors}))' },
          { DataSetIdentifier: 'ev', Name: 'quote', Expression: "concat({event_name}, 'x)" },
          { DataSetIdentifier: 'ev', Name: 'param', Expression: '{errors} * ${nobody}' },
        ];
        d.Sheets[0].Visuals[0].BarChartVisual.ChartConfiguration.SortConfiguration = {
          CategorySort: [{ FieldSort: { FieldId: 'bar.x', Direction: 'ASC' } }, { FieldSort: { FieldId: 'kpi.v', Direction: 'ASC' } }],
        };
        d.Sheets[0].FilterControls.push({ DateTimePicker: { FilterControlId: 'c3', Title: 'When', SourceFilterId: 'f1' } });
        d.Sheets[0].Layouts[0].Configuration.GridLayout.Elements[0].ColumnIndex = 20;
      }),
      [
        "calculated-field: The expression of calculated field 'open' is not QuickSight's syntax: expected ')' at character 13 (the end).",
        "calculated-field: The expression of calculated field 'stray' is not QuickSight's syntax: unexpected text after the expression at character 14 (')').",
        "calculated-field: The expression of calculated field 'quote' is not QuickSight's syntax: a text opened and never closed at character 22.",
        "calculated-field: Calculated field 'param' uses parameter 'nobody', which is not declared in ParameterDeclarations.",
        "filter-control: Filter control 'c3' is a DateTimePicker control, which cannot drive filter 'f1', a CategoryFilter.",
        "sort-field: Visual 'bar' sorts by field 'kpi.v', which its field wells do not have.",
        "layout: The layout places visual 'bar' up to column 38, past the grid's 36 columns.",
      ],
    );
  });

  it("mark the console's MissingColumnId_ leftovers as what ValidationStrategy LENIENT skips", () => {
    const definition: any = structuredClone(base());
    definition.Sheets[0].Visuals[0].BarChartVisual.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells.Category[0].CategoricalDimensionField.Column =
      ev('MissingColumnId_612b70e2');
    definition.Sheets[1].Visuals[0].KPIVisual.ChartConfiguration.FieldWells.Values[0].CategoricalMeasureField.Column = ev('gone');
    assert.deepEqual(
      checkDefinition(definition, columns).map((v) => [v.type, v.lenient ?? false]),
      [
        ['COLUMN_REPLACEMENT_MISSING', true],
        ['COLUMN_REPLACEMENT_MISSING', false],
      ],
    );
  });
});
