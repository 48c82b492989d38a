import { canonicalJson } from './canonical-json.ts';
import type { DesiredResource } from './resource.ts';

/** `<service>.<Operation>.<resource-id>.json`, e.g. `quicksight.CreateDashboard.ec2-state-changes.json`. */
export function requestFileName(service: string, operation: string, id: string): string {
  return `${service}.${operation}.${id}.json`;
}

/**
 * Every request of the compiled resources as a file: name and content (pretty JSON, sorted keys,
 * exactly the SDK command input). SPICE datasets add their `CreateRefreshSchedule`.
 */
export function requestFiles(resources: readonly DesiredResource[]): { name: string; content: string }[] {
  return resources.flatMap((r) => {
    const files = [{ name: requestFileName(r.service, r.operation, r.id), content: `${canonicalJson(r.input, 2)}\n` }];
    if (r.kind === 'DataSet' && r.refreshSchedule) {
      files.push({ name: requestFileName('quicksight', 'CreateRefreshSchedule', r.id), content: `${canonicalJson(r.refreshSchedule, 2)}\n` });
    }
    return files;
  });
}
