import {
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  type DashboardVersionDefinition,
  DescribeDashboardCommand,
  DescribeDataSetCommand,
  DescribeDataSourceCommand,
  ListDashboardVersionsCommand,
  ListDataSetsCommand,
  type QuickSightClient,
  UpdateDashboardCommand,
  type Visual,
} from '@aws-sdk/client-quicksight';

/**
 * Dashboards put on the CloudTrail dataset of dashboards/ (`cloudtrail-events`) the way real
 * QuickSight definitions are written: the shapes, option names and expressions below are the ones
 * of the console exports in aws-samples/amazon-security-lake-quicksight (executive-config.json,
 * custodian-config.json) and aws-samples/aws-cudos-framework-deployment (CID dashboards), on this
 * dataset's columns. Created with the SDK on the local endpoint, which checks them with QuickSight's
 * rules and ends each CREATION_SUCCESSFUL, or CREATION_FAILED / UPDATE_FAILED with QuickSight's Errors.
 */

export const DS = 'events';

const column = (name: string) => ({ DataSetIdentifier: DS, ColumnName: name });

export function sheet(id: string, visuals: Visual[], extra: Record<string, unknown> = {}) {
  return { SheetId: id, Name: id, Visuals: visuals, ...extra };
}

export function definition(
  datasetArn: string,
  sheets: ReturnType<typeof sheet>[],
  extra: Partial<DashboardVersionDefinition> = {},
): DashboardVersionDefinition {
  return { DataSetIdentifierDeclarations: [{ Identifier: DS, DataSetArn: datasetArn }], Sheets: sheets, ...extra } as DashboardVersionDefinition;
}

/** A bar chart by event name, counting event ids: the plain visual every test dashboard can hold. */
export function barByEventName(id: string, columnName = 'event_name'): Visual {
  return {
    BarChartVisual: {
      VisualId: id,
      ChartConfiguration: {
        FieldWells: {
          BarChartAggregatedFieldWells: {
            Category: [{ CategoricalDimensionField: { FieldId: `${id}.category`, Column: column(columnName) } }],
            Values: [{ CategoricalMeasureField: { FieldId: `${id}.value`, Column: column('event_id'), AggregationFunction: 'COUNT' } }],
          },
        },
      },
    },
  };
}

/** The dataset ARN of `cloudtrail-events` as published (its name is "CloudTrail events"). */
export async function eventsDatasetArn(quicksight: QuickSightClient, account: string): Promise<string> {
  const { DataSetSummaries } = await quicksight.send(new ListDataSetsCommand({ AwsAccountId: account }));
  const found = DataSetSummaries?.find((s) => s.Name === 'CloudTrail events');
  if (!found?.Arn) throw new Error('the CloudTrail events dataset is not published');
  return found.Arn;
}

export async function createDashboard(quicksight: QuickSightClient, account: string, id: string, body: DashboardVersionDefinition): Promise<void> {
  await quicksight.send(new CreateDashboardCommand({ AwsAccountId: account, DashboardId: id, Name: id, Definition: body }));
  await settled(quicksight, account, id);
}

export async function updateDashboard(quicksight: QuickSightClient, account: string, id: string, body: DashboardVersionDefinition): Promise<void> {
  await quicksight.send(new UpdateDashboardCommand({ AwsAccountId: account, DashboardId: id, Name: id, Definition: body }));
  await settled(quicksight, account, id);
}

/** Waits until the dashboard's newest version leaves *_IN_PROGRESS; returns its status. */
async function settled(quicksight: QuickSightClient, account: string, id: string): Promise<string> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const { Dashboard } = await quicksight.send(new DescribeDashboardCommand({ AwsAccountId: account, DashboardId: id }));
    const status = Dashboard?.Version?.Status ?? '';
    const newest = await newestStatus(quicksight, account, id);
    if (!status.endsWith('IN_PROGRESS') && !newest.endsWith('IN_PROGRESS')) return newest;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`dashboard ${id} did not settle`);
}

async function newestStatus(quicksight: QuickSightClient, account: string, id: string): Promise<string> {
  const out = await quicksight.send(new ListDashboardVersionsCommand({ AwsAccountId: account, DashboardId: id }));
  const versions = [...(out.DashboardVersionSummaryList ?? [])].sort((a, b) => (b.VersionNumber ?? 0) - (a.VersionNumber ?? 0));
  return versions[0]?.Status ?? '';
}

/**
 * A copy of the events dataset on a data source whose creation failed (its Athena workgroup does not
 * exist: QuickSight's GENERIC_SQL_FAILURE); returns the copy's ARN.
 */
export async function datasetOnFailedSource(quicksight: QuickSightClient, account: string, eventsArn: string): Promise<string> {
  await quicksight.send(
    new CreateDataSourceCommand({
      AwsAccountId: account,
      DataSourceId: 'truth-broken-source',
      Name: 'broken',
      Type: 'ATHENA',
      DataSourceParameters: { AthenaParameters: { WorkGroup: 'no-such-workgroup' } },
    }),
  );
  for (let attempt = 0; attempt < 400; attempt++) {
    const { DataSource } = await quicksight.send(new DescribeDataSourceCommand({ AwsAccountId: account, DataSourceId: 'truth-broken-source' }));
    if (!DataSource?.Status?.endsWith('IN_PROGRESS')) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const { DataSet } = await quicksight.send(new DescribeDataSetCommand({ AwsAccountId: account, DataSetId: eventsArn.slice(eventsArn.indexOf('/') + 1) }));
  const sourceArn = eventsArn.replace(/:dataset\/.*$/, ':datasource/truth-broken-source');
  const physical = Object.fromEntries(
    Object.entries(DataSet!.PhysicalTableMap!).map(([key, table]) => [
      key,
      table.CustomSql ? { CustomSql: { ...table.CustomSql, DataSourceArn: sourceArn } } : table,
    ]),
  );
  const out = await quicksight.send(
    new CreateDataSetCommand({
      AwsAccountId: account,
      DataSetId: 'truth-broken-events',
      Name: 'events on a broken source',
      ImportMode: 'DIRECT_QUERY',
      PhysicalTableMap: physical,
      LogicalTableMap: DataSet!.LogicalTableMap,
    }),
  );
  return out.Arn!;
}

const dim = (id: string, name: string) => ({ CategoricalDimensionField: { FieldId: id, Column: column(name) } });
const count = (id: string, name = 'event_id') => ({ CategoricalMeasureField: { FieldId: id, Column: column(name), AggregationFunction: 'COUNT' as const } });

/**
 * Visuals of types the preview does not draw, and options it would draw wrong, as the console
 * exports write them (executive-config.json's ComboChartVisual and InsightVisual, CID's Sankey and
 * gauge), on this dataset's columns.
 */
export const UNDRAWN: Visual[] = [
  {
    ComboChartVisual: {
      VisualId: 'combo',
      ChartConfiguration: {
        FieldWells: {
          ComboChartAggregatedFieldWells: {
            Category: [dim('combo.c', 'event_name')],
            BarValues: [count('combo.b')],
            Colors: [],
            LineValues: [count('combo.l', 'source_ip')],
          },
        },
        BarsArrangement: 'STACKED',
      },
    },
  },
  { InsightVisual: { VisualId: 'insight', InsightConfiguration: { Computations: [] }, DataSetIdentifier: DS } },
  {
    SankeyDiagramVisual: {
      VisualId: 'sankey',
      ChartConfiguration: {
        FieldWells: {
          SankeyDiagramAggregatedFieldWells: {
            Source: [dim('sankey.s', 'user_name')],
            Destination: [dim('sankey.d', 'event_name')],
            Weight: [count('sankey.w')],
          },
        },
      },
    },
  },
  { GaugeChartVisual: { VisualId: 'gauge', ChartConfiguration: { FieldWells: { Values: [count('gauge.v')], TargetValues: [] } } } },
  {
    BarChartVisual: {
      VisualId: 'small-multiples',
      ChartConfiguration: {
        FieldWells: {
          BarChartAggregatedFieldWells: { Category: [dim('sm.c', 'event_name')], Values: [count('sm.v')], SmallMultiples: [dim('sm.m', 'aws_region')] },
        },
      },
    },
  },
];

/** A KPI with a trend (its comparison is not drawn: said on it) and a bar chart stacked to 100%. */
export const PARTLY_DRAWN: Visual[] = [
  {
    KPIVisual: {
      VisualId: 'kpi-trend',
      ChartConfiguration: {
        FieldWells: {
          Values: [count('kpi.v')],
          TrendGroups: [{ DateDimensionField: { FieldId: 'kpi.t', Column: column('event_time'), DateGranularity: 'DAY' } }],
        },
      },
    },
  },
  {
    BarChartVisual: {
      VisualId: 'percent',
      ChartConfiguration: {
        FieldWells: { BarChartAggregatedFieldWells: { Category: [dim('pct.c', 'aws_region')], Values: [count('pct.v')], Colors: [dim('pct.k', 'access')] } },
        BarsArrangement: 'STACKED_PERCENT',
      },
    },
  },
];

/**
 * Charts whose Values well is empty, as 11 bar charts and 8 pie charts of the corpus have them
 * (QuickSight draws the Count of Records), a table grouped by a field alone, and the same bar chart
 * counting event ids to compare with.
 */
export const EMPTY_VALUES: Visual[] = [
  {
    BarChartVisual: {
      VisualId: 'bar-records',
      ChartConfiguration: { FieldWells: { BarChartAggregatedFieldWells: { Category: [dim('br.c', 'event_name')], Values: [], Colors: [] } } },
    },
  },
  barByEventName('bar-counted'),
  {
    PieChartVisual: {
      VisualId: 'pie-records',
      ChartConfiguration: { FieldWells: { PieChartAggregatedFieldWells: { Category: [dim('pr.c', 'access')], Values: [] } } },
    },
  },
  {
    TableVisual: {
      VisualId: 'table-groups',
      ChartConfiguration: { FieldWells: { TableAggregatedFieldWells: { GroupBy: [dim('tg.g', 'access')], Values: [] } } },
    },
  },
];

const byDay = (id: string) => ({ DateDimensionField: { FieldId: id, Column: column('event_time'), DateGranularity: 'DAY' as const } });

/**
 * Rolling and relative dates, line types and axis scales as the Security Lake exports write them:
 * executive-config.json's stacked-area line with a logarithmic axis under a time range filter of
 * rolling dates (here yesterday: `addDateTime(-1, 'DD', truncDate('DD', now()))` to
 * `truncDate('DD', now())`, maximum excluded), a bar chart under a relative dates filter (THIS DAY),
 * and the events per day unfiltered to check both against.
 */
export function datesDefinition(datasetArn: string): DashboardVersionDefinition {
  const scoped = (visualId: string) => ({
    SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 's1', Scope: 'SELECTED_VISUALS' as const, VisualIds: [visualId] }] },
  });
  return definition(
    datasetArn,
    [
      sheet('s1', [
        {
          LineChartVisual: {
            VisualId: 'yesterday-area',
            ChartConfiguration: {
              FieldWells: { LineChartAggregatedFieldWells: { Category: [byDay('ya.c')], Values: [count('ya.v')], Colors: [dim('ya.k', 'access')] } },
              Type: 'STACKED_AREA',
              PrimaryYAxisDisplayOptions: { AxisOptions: { DataOptions: { NumericAxisOptions: { Scale: { Logarithmic: {} } } } } },
            },
          },
        },
        {
          LineChartVisual: {
            VisualId: 'plain-line',
            ChartConfiguration: { FieldWells: { LineChartAggregatedFieldWells: { Category: [byDay('pl.c')], Values: [count('pl.v')] } }, Type: 'AREA' },
          },
        },
        {
          BarChartVisual: {
            VisualId: 'today-bar',
            ChartConfiguration: { FieldWells: { BarChartAggregatedFieldWells: { Category: [dim('tb.c', 'access')], Values: [count('tb.v')] } } },
          },
        },
        {
          BarChartVisual: {
            VisualId: 'per-day',
            ChartConfiguration: { FieldWells: { BarChartAggregatedFieldWells: { Category: [byDay('pd.c')], Values: [count('pd.v')] } } },
          },
        },
      ]),
    ],
    {
      FilterGroups: [
        {
          FilterGroupId: 'rolling',
          CrossDataset: 'SINGLE_DATASET',
          ScopeConfiguration: scoped('yesterday-area'),
          Filters: [
            {
              TimeRangeFilter: {
                FilterId: 'rolling-yesterday',
                Column: column('event_time'),
                IncludeMinimum: true,
                IncludeMaximum: false,
                RangeMinimumValue: { RollingDate: { Expression: "addDateTime(-1, 'DD', truncDate('DD', now()))" } },
                RangeMaximumValue: { RollingDate: { Expression: "truncDate('DD', now())" } },
                NullOption: 'NON_NULLS_ONLY',
                TimeGranularity: 'MINUTE',
              },
            },
          ],
        },
        {
          FilterGroupId: 'relative',
          CrossDataset: 'SINGLE_DATASET',
          ScopeConfiguration: scoped('today-bar'),
          Filters: [
            {
              RelativeDatesFilter: {
                FilterId: 'this-day',
                Column: column('event_time'),
                AnchorDateConfiguration: { AnchorOption: 'NOW' },
                TimeGranularity: 'DAY',
                RelativeDateType: 'THIS',
                NullOption: 'NON_NULLS_ONLY',
              },
            },
          ],
        },
      ],
    },
  );
}

/**
 * Controls as CID's focus.yaml writes them: a category filter on every sheet, carrying its control
 * (a dropdown titled Access, DefaultFilterControlConfiguration) shown on each sheet as a CrossSheet
 * control, and a relative dates filter (LAST 3 DAY) with a RelativeDateTime control; a pie by access
 * and the events per day to check them against.
 */
export function controlsDefinition(datasetArn: string): DashboardVersionDefinition {
  const pie = {
    PieChartVisual: {
      VisualId: 'pie-access',
      ChartConfiguration: { FieldWells: { PieChartAggregatedFieldWells: { Category: [dim('pa.c', 'access')], Values: [count('pa.v')] } } },
    },
  };
  const perDay = {
    BarChartVisual: {
      VisualId: 'per-day',
      ChartConfiguration: { FieldWells: { BarChartAggregatedFieldWells: { Category: [byDay('pd.c')], Values: [count('pd.v')] } } },
    },
  };
  return definition(
    datasetArn,
    [
      sheet('s1', [barByEventName('first')], {
        FilterControls: [{ CrossSheet: { FilterControlId: 'access-dropdown', SourceFilterId: 'by-access' } }],
      }),
      sheet('s2', [barByEventName('by-name'), pie, perDay], {
        FilterControls: [
          { CrossSheet: { FilterControlId: 'access-cross', SourceFilterId: 'by-access' } },
          {
            RelativeDateTime: {
              FilterControlId: 'period',
              Title: 'Period',
              SourceFilterId: 'recent',
              DisplayOptions: { DateTimeFormat: 'YYYY/MM/DD HH:mm:ss' },
            },
          },
        ],
      }),
    ],
    {
      FilterGroups: [
        {
          FilterGroupId: 'access',
          CrossDataset: 'SINGLE_DATASET',
          ScopeConfiguration: { AllSheets: {} },
          Filters: [
            {
              CategoryFilter: {
                FilterId: 'by-access',
                Column: column('access'),
                Configuration: { FilterListConfiguration: { MatchOperator: 'CONTAINS', SelectAllOptions: 'FILTER_ALL_VALUES' } },
                DefaultFilterControlConfiguration: { Title: 'Access', ControlOptions: { DefaultDropdownOptions: { Type: 'MULTI_SELECT' } } },
              },
            },
          ],
        },
        {
          FilterGroupId: 'period',
          CrossDataset: 'SINGLE_DATASET',
          ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 's2', Scope: 'SELECTED_VISUALS', VisualIds: ['by-name'] }] } },
          Filters: [
            {
              RelativeDatesFilter: {
                FilterId: 'recent',
                Column: column('event_time'),
                AnchorDateConfiguration: { AnchorOption: 'NOW' },
                TimeGranularity: 'DAY',
                RelativeDateType: 'LAST',
                RelativeDateValue: 3,
                NullOption: 'NON_NULLS_ONLY',
              },
            },
          ],
        },
      ],
    },
  );
}

/**
 * Calculated fields as CID's definitions write them: a field named bare (`toUpper(event_name)`), a
 * double-quoted text, and a conditional aggregation (countIf) the preview does not evaluate.
 */
export function calculatedDefinition(datasetArn: string): DashboardVersionDefinition {
  return definition(
    datasetArn,
    [
      sheet('s1', [
        barByEventName('upper', 'upper_name'),
        {
          TableVisual: {
            VisualId: 'greetings',
            ChartConfiguration: { FieldWells: { TableAggregatedFieldWells: { GroupBy: [dim('g.g', 'greeting')], Values: [count('g.v')] } } },
          },
        },
        {
          BarChartVisual: {
            VisualId: 'reads',
            ChartConfiguration: {
              FieldWells: {
                BarChartAggregatedFieldWells: {
                  Category: [dim('r.c', 'access')],
                  Values: [{ NumericalMeasureField: { FieldId: 'r.v', Column: column('reads'), AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } }],
                },
              },
            },
          },
        },
      ]),
    ],
    {
      CalculatedFields: [
        { DataSetIdentifier: DS, Name: 'upper_name', Expression: 'toUpper(event_name) // bare field name' },
        { DataSetIdentifier: DS, Name: 'greeting', Expression: 'concat("user ", {user_name})' },
        { DataSetIdentifier: DS, Name: 'reads', Expression: "countIf({event_id}, {access} = 'Read')" },
      ],
    },
  );
}
