import type { CreateDatabaseCommandInput, CreateTableCommandInput } from '@aws-sdk/client-glue';
import type { CreateWorkGroupCommandInput } from '@aws-sdk/client-athena';
import type {
  CreateAnalysisCommandInput,
  CreateDashboardCommandInput,
  CreateDataSetCommandInput,
  CreateDataSourceCommandInput,
  CreateRefreshScheduleCommandInput,
} from '@aws-sdk/client-quicksight';

/**
 * One resource trailsight wants to exist, as the exact SDK input that creates it.
 * `plan/` derives updates, permission and tag changes from these create inputs.
 */
export type DesiredResource =
  | Desired<'GlueDatabase', 'glue', 'CreateDatabase', CreateDatabaseCommandInput>
  | Desired<'GlueTable', 'glue', 'CreateTable', CreateTableCommandInput>
  | Desired<'WorkGroup', 'athena', 'CreateWorkGroup', CreateWorkGroupCommandInput>
  | Desired<'DataSource', 'quicksight', 'CreateDataSource', CreateDataSourceCommandInput>
  | (Desired<'DataSet', 'quicksight', 'CreateDataSet', CreateDataSetCommandInput> & {
      /** SPICE datasets: their refresh schedule. */
      readonly refreshSchedule?: CreateRefreshScheduleCommandInput;
    })
  | Desired<'Analysis', 'quicksight', 'CreateAnalysis', CreateAnalysisCommandInput>
  | Desired<'Dashboard', 'quicksight', 'CreateDashboard', CreateDashboardCommandInput>;

interface Desired<K extends string, S extends string, O extends string, I> {
  readonly kind: K;
  /** The AWS-side id or name (target prefix applied). */
  readonly id: string;
  /** The spec it came from (file and spec id), for messages; the Project for Glue and Athena resources. */
  readonly source: { readonly file: string; readonly specId: string };
  readonly service: S;
  readonly operation: O;
  readonly input: I;
  /** Keys (`kind/id`) of resources that must exist first. */
  readonly dependsOn: readonly string[];
}

export type ResourceKind = DesiredResource['kind'];

/** Dependency order of the kinds: every resource depends only on kinds earlier in this list. */
export const KIND_ORDER: readonly ResourceKind[] = ['GlueDatabase', 'GlueTable', 'WorkGroup', 'DataSource', 'DataSet', 'Analysis', 'Dashboard'];

export function resourceKey(resource: { kind: string; id: string }): string {
  return `${resource.kind}/${resource.id}`;
}
