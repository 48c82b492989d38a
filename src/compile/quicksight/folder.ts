import type { CreateFolderCommandInput, ResourcePermission } from '@aws-sdk/client-quicksight';
import type { FolderSpec } from '../../language/schema/index.ts';
import { tagList } from '../tags.ts';
import type { ResolvedTarget } from '../target.ts';

/** QuickSight `CreateFolder`: a shared folder (its members are added with CreateFolderMembership). */
export function quicksightFolder(options: {
  spec: FolderSpec;
  target: ResolvedTarget;
  id: string;
  permissions: ResourcePermission[] | undefined;
  tags: Record<string, string>;
}): CreateFolderCommandInput {
  return {
    AwsAccountId: options.target.account,
    FolderId: options.id,
    Name: options.spec.name,
    FolderType: 'SHARED',
    Permissions: options.permissions,
    Tags: tagList(options.tags),
  };
}
