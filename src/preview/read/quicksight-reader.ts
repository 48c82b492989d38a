import {
  type DashboardVersionDefinition,
  type DataSet,
  type DataSource,
  DescribeDashboardCommand,
  DescribeDashboardDefinitionCommand,
  DescribeDataSetCommand,
  DescribeDataSourceCommand,
  ListDashboardsCommand,
  ListDashboardVersionsCommand,
  type QuickSightClient,
} from '@aws-sdk/client-quicksight';
import { idFromArn } from '../query/dataset-source.ts';
import type { DashboardError, VersionState } from '../shipped.ts';

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

/** A dashboard as the preview finds it: its published version's state, a newer version that failed, and the definition when it can be drawn. */
export interface DescribedDashboard {
  readonly id: string;
  readonly name: string;
  readonly published: VersionState;
  /** A version newer than the published one whose creation failed (QuickSight keeps showing the published one). */
  readonly newerFailed?: VersionState;
  /** Absent when the published version did not succeed: QuickSight shows nothing of it. */
  readonly definition?: DashboardVersionDefinition;
  /** The theme it is drawn with, if any. */
  readonly themeArn?: string;
}

/**
 * DescribeDashboard for the published version's Status and Errors, ListDashboardVersions for a
 * newer version that failed (its Errors from DescribeDashboard of that version), and the
 * definition (DescribeDashboardDefinition) only when the published version succeeded.
 */
export async function describeDashboard(quicksight: QuickSightClient, awsAccountId: string, dashboardId: string): Promise<DescribedDashboard> {
  const { Dashboard } = await quicksight.send(new DescribeDashboardCommand({ AwsAccountId: awsAccountId, DashboardId: dashboardId }));
  const version = Dashboard?.Version;
  const published = versionState(version?.VersionNumber, version?.Status, version?.Errors);
  const id = Dashboard?.DashboardId ?? dashboardId;
  const newerFailed = await newerFailedVersion(quicksight, awsAccountId, id, published.versionNumber);
  const base = { id, name: Dashboard?.Name ?? dashboardId, published, ...(newerFailed ? { newerFailed } : {}) };
  if (!succeeded(published.status)) return base;
  const out = await quicksight.send(
    new DescribeDashboardDefinitionCommand({
      AwsAccountId: awsAccountId,
      DashboardId: id,
      ...(published.versionNumber === undefined ? {} : { VersionNumber: published.versionNumber }),
    }),
  );
  if (!out.Definition) throw new Error(`dashboard ${dashboardId}: DescribeDashboardDefinition returned no definition`);
  return { ...base, name: out.Name ?? base.name, definition: out.Definition, ...(out.ThemeArn ? { themeArn: out.ThemeArn } : {}) };
}

/** CREATION_SUCCESSFUL or UPDATE_SUCCESSFUL: a version QuickSight shows. */
export function succeeded(status: string): boolean {
  return status.endsWith('_SUCCESSFUL');
}

async function newerFailedVersion(
  quicksight: QuickSightClient,
  awsAccountId: string,
  dashboardId: string,
  published: number | undefined,
): Promise<VersionState | undefined> {
  if (published === undefined) return undefined;
  let newest: { number: number; status: string } | undefined;
  let token: string | undefined;
  do {
    const page = await quicksight.send(
      new ListDashboardVersionsCommand({ AwsAccountId: awsAccountId, DashboardId: dashboardId, ...(token ? { NextToken: token } : {}) }),
    );
    for (const v of page.DashboardVersionSummaryList ?? []) {
      if (v.VersionNumber !== undefined && v.VersionNumber > (newest?.number ?? published)) newest = { number: v.VersionNumber, status: v.Status ?? 'UNKNOWN' };
    }
    token = page.NextToken;
  } while (token);
  if (!newest?.status.endsWith('_FAILED')) return undefined;
  const { Dashboard } = await quicksight.send(
    new DescribeDashboardCommand({ AwsAccountId: awsAccountId, DashboardId: dashboardId, VersionNumber: newest.number }),
  );
  return versionState(newest.number, Dashboard?.Version?.Status ?? newest.status, Dashboard?.Version?.Errors);
}

function versionState(
  versionNumber: number | undefined,
  status: string | undefined,
  errors: readonly { Type?: string; Message?: string; ViolatedEntities?: readonly { Path?: string }[] }[] | undefined,
): VersionState {
  const read: DashboardError[] = (errors ?? []).map((e) => ({
    type: e.Type ?? 'UNKNOWN',
    message: e.Message ?? '',
    entities: (e.ViolatedEntities ?? []).flatMap((v) => (v.Path ? [v.Path] : [])),
  }));
  return { ...(versionNumber === undefined ? {} : { versionNumber }), status: status ?? 'UNKNOWN', errors: read };
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
        const { Status, ErrorInfo } = out.DataSource;
        if (Status?.endsWith('_FAILED') || Status?.endsWith('_IN_PROGRESS')) {
          const error = ErrorInfo ? `: ${ErrorInfo.Type ?? 'UNKNOWN'}: ${ErrorInfo.Message ?? ''}` : '';
          throw new Error(`its data source ${out.DataSource.DataSourceId ?? arn} is ${Status}${error}`);
        }
        return out.DataSource;
      });
      this.dataSources.set(arn, read);
    }
    return read;
  }
}
