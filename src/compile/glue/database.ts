import type { CreateDatabaseCommandInput } from '@aws-sdk/client-glue';
import type { ProjectSpec } from '../../language/schema/index.ts';

/** Glue `CreateDatabase`: the database that holds the CloudTrail table. */
export function glueDatabase(options: { project: ProjectSpec; name: string; tags: Record<string, string> }): CreateDatabaseCommandInput {
  return {
    DatabaseInput: {
      Name: options.name,
      Description: `CloudTrail logs for ${options.project.name} (managed by trailsight).`,
    },
    Tags: options.tags,
  };
}
