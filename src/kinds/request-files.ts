import { canonicalJson } from '../compile/index.ts';
import { kindOf, type DesiredResource } from './registry.ts';

/** `<service>.<Operation>.<resource-id>.json`, e.g. `quicksight.CreateDashboard.ec2-state-changes.json`. */
export function requestFileName(service: string, operation: string, id: string): string {
  return `${service}.${operation}.${id}.json`;
}

/**
 * Every request of the compiled resources as a file: name and content (pretty JSON, sorted keys,
 * exactly the SDK command input); a kind adds what completes a resource (a SPICE dataset's `CreateRefreshSchedule`).
 */
export function requestFiles(resources: readonly DesiredResource[]): { name: string; content: string }[] {
  return resources.flatMap((resource) =>
    kindOf(resource.kind)
      .requests(resource)
      .map((request) => ({
        name: requestFileName(request.service, request.operation, request.id ?? resource.id),
        content: `${canonicalJson(request.input, 2)}\n`,
      })),
  );
}
