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

export function definition(datasetArn: string, sheets: ReturnType<typeof sheet>[], extra: Partial<DashboardVersionDefinition> = {}): DashboardVersionDefinition {
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
    new CreateDataSourceCommand({ AwsAccountId: account, DataSourceId: 'truth-broken-source', Name: 'broken', Type: 'ATHENA', DataSourceParameters: { AthenaParameters: { WorkGroup: 'no-such-workgroup' } } }),
  );
  for (let attempt = 0; attempt < 400; attempt++) {
    const { DataSource } = await quicksight.send(new DescribeDataSourceCommand({ AwsAccountId: account, DataSourceId: 'truth-broken-source' }));
    if (!DataSource?.Status?.endsWith('IN_PROGRESS')) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const { DataSet } = await quicksight.send(new DescribeDataSetCommand({ AwsAccountId: account, DataSetId: eventsArn.slice(eventsArn.indexOf('/') + 1) }));
  const sourceArn = eventsArn.replace(/:dataset\/.*$/, ':datasource/truth-broken-source');
  const physical = Object.fromEntries(
    Object.entries(DataSet!.PhysicalTableMap!).map(([key, table]) => [key, table.CustomSql ? { CustomSql: { ...table.CustomSql, DataSourceArn: sourceArn } } : table]),
  );
  const out = await quicksight.send(
    new CreateDataSetCommand({ AwsAccountId: account, DataSetId: 'truth-broken-events', Name: 'events on a broken source', ImportMode: 'DIRECT_QUERY', PhysicalTableMap: physical, LogicalTableMap: DataSet!.LogicalTableMap }),
  );
  return out.Arn!;
}
