import type { ResourceKind } from '../../compile/resource.ts';
import type { KindAdapter } from './adapter.ts';
import { analysisAdapter } from './analysis.ts';
import { dashboardAdapter } from './dashboard.ts';
import { dataSetAdapter } from './data-set.ts';
import { dataSourceAdapter } from './data-source.ts';
import { glueDatabaseAdapter, glueTableAdapter } from './glue.ts';
import { workGroupAdapter } from './workgroup.ts';

export type { AwsContext, KindAdapter, ResourceRef, Started } from './adapter.ts';

/** The AWS side of every kind. */
export const ADAPTERS: { readonly [K in ResourceKind]: KindAdapter } = {
  GlueDatabase: glueDatabaseAdapter,
  GlueTable: glueTableAdapter,
  WorkGroup: workGroupAdapter,
  DataSource: dataSourceAdapter,
  DataSet: dataSetAdapter,
  Analysis: analysisAdapter,
  Dashboard: dashboardAdapter,
};
