import type { CreateDataSourceCommandInput } from '@aws-sdk/client-quicksight';
import type { ProjectSpec } from '../../language/schema/index.ts';
import { permissionsFor } from '../permissions.ts';
import { tagList } from '../tags.ts';
import type { ResolvedTarget } from '../target.ts';

/** QuickSight `CreateDataSource`: Athena, through the Project's workgroup. */
export function quicksightDataSource(options: {
  project: ProjectSpec;
  target: ResolvedTarget;
  id: string;
  workgroup: string;
  tags: Record<string, string>;
}): CreateDataSourceCommandInput {
  return {
    AwsAccountId: options.target.account,
    DataSourceId: options.id,
    Name: options.project.name,
    Type: 'ATHENA',
    DataSourceParameters: { AthenaParameters: { WorkGroup: options.workgroup } },
    Permissions: permissionsFor('DataSource', options.target.principals),
    Tags: tagList(options.tags),
  };
}
