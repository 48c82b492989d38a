import {
  type DashboardVersionDefinition,
  type DataSet,
  type DataSource,
  DescribeDashboardDefinitionCommand,
  DescribeDataSetCommand,
  DescribeDataSourceCommand,
  ListDashboardsCommand,
  type QuickSightClient,
} from '@aws-sdk/client-quicksight';
import { idFromArn } from '../query/dataset-source.ts';

export interface DashboardDefinition {
  readonly id: string;
  readonly name: string;
  readonly definition: DashboardVersionDefinition;
  /** The theme it is drawn with, if any. */
  readonly themeArn?: string;
}

/** Every dashboard id in the account, sorted. */
export async function listDashboardIds(quicksight: QuickSightClient, awsAccountId: string): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await quicksight.send(new ListDashboardsCommand({ AwsAccountId: awsAccountId, ...(token ? { NextToken: token } : {}) }));
    for (const summary of page.DashboardSummaryList ?? []) if (summary.DashboardId) ids.push(summary.DashboardId);
    token = page.NextToken;
  } while (token);
  return ids.sort();
}

export async function describeDashboard(quicksight: QuickSightClient, awsAccountId: string, dashboardId: string): Promise<DashboardDefinition> {
  const out = await quicksight.send(new DescribeDashboardDefinitionCommand({ AwsAccountId: awsAccountId, DashboardId: dashboardId }));
  if (!out.Definition) throw new Error(`dashboard ${dashboardId}: DescribeDashboardDefinition returned no definition`);
  return { id: out.DashboardId ?? dashboardId, name: out.Name ?? dashboardId, definition: out.Definition, ...(out.ThemeArn ? { themeArn: out.ThemeArn } : {}) };
}

/** Reads datasets and their data sources once each, however many dashboards share them. */
export class DataSetReader {
  private readonly dataSets = new Map<string, Promise<DataSet>>();
  private readonly dataSources = new Map<string, Promise<DataSource>>();

  constructor(
    private readonly quicksight: QuickSightClient,
    private readonly awsAccountId: string,
  ) {}

  dataSet(arn: string): Promise<DataSet> {
    let read = this.dataSets.get(arn);
    if (!read) {
      read = this.quicksight.send(new DescribeDataSetCommand({ AwsAccountId: this.awsAccountId, DataSetId: idFromArn(arn) })).then((out) => {
        if (!out.DataSet) throw new Error(`dataset ${arn}: DescribeDataSet returned no dataset`);
        return out.DataSet;
      });
      this.dataSets.set(arn, read);
    }
    return read;
  }

  /** The data sources a dataset's physical tables read from, by ARN. */
  async dataSourcesOf(dataSet: DataSet): Promise<Map<string, DataSource>> {
    const arns = new Set<string>();
    for (const table of Object.values(dataSet.PhysicalTableMap ?? {})) {
      const arn = table.CustomSql?.DataSourceArn ?? table.RelationalTable?.DataSourceArn ?? table.S3Source?.DataSourceArn;
      if (arn) arns.add(arn);
    }
    const entries = await Promise.all([...arns].map(async (arn) => [arn, await this.dataSource(arn)] as const));
    return new Map(entries);
  }

  private dataSource(arn: string): Promise<DataSource> {
    let read = this.dataSources.get(arn);
    if (!read) {
      read = this.quicksight.send(new DescribeDataSourceCommand({ AwsAccountId: this.awsAccountId, DataSourceId: idFromArn(arn) })).then((out) => {
        if (!out.DataSource) throw new Error(`data source ${arn}: DescribeDataSource returned no data source`);
        return out.DataSource;
      });
      this.dataSources.set(arn, read);
    }
    return read;
  }
}
