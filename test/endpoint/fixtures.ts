import { ACCOUNT, REGION } from './helpers.ts';

/** Small, valid QuickSight inputs for the tests. */
export const arn = (type: string, id: string) => `arn:aws:quicksight:${REGION}:${ACCOUNT}:${type}/${id}`;
export const USER = `arn:aws:quicksight:${REGION}:${ACCOUNT}:user/default/alice`;

export function dataSourceInput(id = 'cloudtrail') {
  return {
    AwsAccountId: ACCOUNT,
    DataSourceId: id,
    Name: 'CloudTrail',
    Type: 'ATHENA' as const,
    DataSourceParameters: { AthenaParameters: { WorkGroup: 'primary' } },
    Permissions: [{ Principal: USER, Actions: ['quicksight:DescribeDataSource', 'quicksight:PassDataSource'] }],
    Tags: [{ Key: 'managed-by', Value: 'trailsight' }],
  };
}

export function dataSetInput(id = 'events', options: { dataSourceId?: string; importMode?: 'SPICE' | 'DIRECT_QUERY'; columns?: string[] } = {}) {
  const columns = options.columns ?? ['eventname', 'eventsource', 'sourceipaddress'];
  return {
    AwsAccountId: ACCOUNT,
    DataSetId: id,
    Name: `Events ${id}`,
    ImportMode: options.importMode ?? ('DIRECT_QUERY' as const),
    PhysicalTableMap: {
      sql: {
        CustomSql: {
          DataSourceArn: arn('datasource', options.dataSourceId ?? 'cloudtrail'),
          Name: 'events',
          SqlQuery: 'SELECT eventname, eventsource, sourceipaddress FROM cloudtrail_logs',
          Columns: columns.map((Name) => ({ Name, Type: 'STRING' as const })),
        },
      },
    },
    LogicalTableMap: { events: { Alias: 'events', Source: { PhysicalTableId: 'sql' } } },
    Tags: [{ Key: 'managed-by', Value: 'trailsight' }],
  };
}

/** A definition with one sheet, a KPI and a bar chart over the `events` data set. */
export function definition(options: { dataSetId?: string; column?: string; visualIds?: [string, string]; scopeVisual?: string } = {}) {
  const [kpi, bar] = options.visualIds ?? ['kpi', 'by-name'];
  const column = (name: string) => ({ DataSetIdentifier: 'events', ColumnName: name });
  return {
    DataSetIdentifierDeclarations: [{ Identifier: 'events', DataSetArn: arn('dataset', options.dataSetId ?? 'events') }],
    Sheets: [
      {
        SheetId: 'overview',
        Name: 'Overview',
        Visuals: [
          {
            KPIVisual: {
              VisualId: kpi,
              ChartConfiguration: {
                FieldWells: { Values: [{ CategoricalMeasureField: { FieldId: 'count', Column: column('eventname'), AggregationFunction: 'COUNT' as const } }] },
              },
            },
          },
          {
            BarChartVisual: {
              VisualId: bar,
              ChartConfiguration: {
                FieldWells: {
                  BarChartAggregatedFieldWells: {
                    Category: [{ CategoricalDimensionField: { FieldId: 'name', Column: column(options.column ?? 'eventname') } }],
                    Values: [{ CategoricalMeasureField: { FieldId: 'calls', Column: column('eventsource'), AggregationFunction: 'COUNT' as const } }],
                  },
                },
              },
            },
          },
        ],
      },
    ],
    FilterGroups: [
      {
        FilterGroupId: 'only-ec2',
        CrossDataset: 'SINGLE_DATASET' as const,
        Status: 'ENABLED' as const,
        Filters: [
          {
            CategoryFilter: {
              FilterId: 'source',
              Column: column('eventsource'),
              Configuration: { FilterListConfiguration: { MatchOperator: 'CONTAINS' as const, CategoryValues: ['ec2.amazonaws.com'] } },
            },
          },
        ],
        ScopeConfiguration: {
          SelectedSheets: {
            SheetVisualScopingConfigurations: [{ SheetId: 'overview', Scope: 'SELECTED_VISUALS' as const, VisualIds: [options.scopeVisual ?? bar] }],
          },
        },
      },
    ],
  };
}
