/** The services trailsight sends requests to for the resources it manages. */
export type Service = 'glue' | 'athena' | 'quicksight';

/**
 * One resource trailsight wants to exist, as the exact SDK input that creates it. Each kind
 * (src/kinds/<kind>/) names its own: `DesiredBase<'Dashboard', CreateDashboardCommandInput, 'CreateDashboard'>`;
 * `plan/` derives updates, permission and tag changes from these create inputs.
 */
export interface DesiredBase<K extends string = string, I = unknown, O extends string = string> {
  readonly kind: K;
  /** The AWS-side id or name (target prefix applied). */
  readonly id: string;
  /** The spec it came from (file and spec id), for messages; the Project for Glue and Athena resources. */
  readonly source: { readonly file: string; readonly specId: string };
  readonly service: Service;
  /** The SDK operation that creates it (`CreateDashboard`). */
  readonly operation: O;
  readonly input: I;
  /** Keys (`kind/id`) of resources that must exist first. */
  readonly dependsOn: readonly string[];
}

export function resourceKey(resource: { kind: string; id: string }): string {
  return `${resource.kind}/${resource.id}`;
}
