import type { CreateWorkGroupCommandInput } from '@aws-sdk/client-athena';
import type { ProjectSpec } from '../../language/schema/index.ts';
import { tagList } from '../tags.ts';

/**
 * Athena `CreateWorkGroup`, when the Project asks trailsight to manage its workgroup: query results go
 * to the Project's output location, and the workgroup's settings override the client's.
 */
export function athenaWorkGroup(options: { project: ProjectSpec; name: string; tags: Record<string, string> }): CreateWorkGroupCommandInput {
  const { athena } = options.project;
  return {
    Name: options.name,
    Description: `Queries of ${options.project.name} (managed by trailsight).`,
    Configuration: {
      ...(athena.outputLocation ? { ResultConfiguration: { OutputLocation: athena.outputLocation } } : {}),
      EnforceWorkGroupConfiguration: true,
      PublishCloudWatchMetricsEnabled: true,
    },
    Tags: tagList(options.tags),
  };
}
