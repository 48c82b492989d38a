import type { CreateDataSourceCommandInput, ResourcePermission } from '@aws-sdk/client-quicksight';
import type { ProjectSpec } from '../../language/schema/index.ts';
import { tagList } from '../tags.ts';
import type { ResolvedTarget } from '../target.ts';

/** QuickSight `CreateDataSource`: Athena, through the Project's workgroup. */
export function quicksightDataSource(options: {
  project: ProjectSpec;
  target: ResolvedTarget;
  id: string;
  workgroup: string;
  permissions: ResourcePermission[] | undefined;
  tags: Record<string, string>;
}): CreateDataSourceCommandInput {
  return {
    AwsAccountId: options.target.account,
    DataSourceId: options.id,
    Name: options.project.name,
    Type: 'ATHENA',
    DataSourceParameters: { AthenaParameters: { WorkGroup: options.workgroup } },
    Permissions: options.permissions,
    Tags: tagList(options.tags),
  };
}
