import type { KindDefinition } from '../kind.ts';
import { fingerprintTagRead } from '../shared/quicksight-tags.ts';
import {
  createFolder,
  folderListing,
  folderPermissions,
  folderStamping,
  folderTagging,
  normaliseFolder,
  readFolder,
  removeFolder,
  updateFolder,
} from './aws.ts';
import { compileFolders, membershipRequest, type FolderResource } from './compile.ts';
import { folderArn } from './identity.ts';

/**
 * QuickSight shared folders, one per Folder spec, holding dashboards, analyses and datasets: made
 * after what they hold (a membership names an asset that exists), deleted before it. Its fingerprint
 * (members included) is a tag, stamped with its LastUpdatedTime.
 */
export const folder: KindDefinition<FolderResource> = {
  name: 'Folder',
  dependsOn: ['DataSet', 'Analysis', 'Dashboard'],
  arn: folderArn,
  compile: compileFolders,
  requests: (resource) => [
    { service: 'quicksight', operation: 'CreateFolder', input: resource.input },
    ...resource.members.map((member) => ({
      service: 'quicksight' as const,
      operation: 'CreateFolderMembership',
      input: membershipRequest(resource, member),
      id: `${resource.id}.${member.type.toLowerCase()}.${member.id}`,
    })),
  ],
  fingerprint: 'tag',
  normalise: normaliseFolder,
  read: readFolder,
  create: createFolder,
  update: updateFolder,
  remove: removeFolder,
  tagging: folderTagging,
  permissions: folderPermissions,
  fingerprintRead: fingerprintTagRead(folderTagging),
  stamping: folderStamping,
  listing: folderListing,
  pruning: { iam: { list: 'quicksight:ListFolders', readTags: 'quicksight:ListTagsForResource', delete: 'quicksight:DeleteFolder' } },
  iam: {
    statement: 'QuickSightFolders',
    actions: () => [
      'quicksight:DescribeFolder',
      'quicksight:CreateFolder',
      'quicksight:UpdateFolder',
      'quicksight:DeleteFolder',
      'quicksight:ListFolderMembers',
      'quicksight:CreateFolderMembership',
      'quicksight:DeleteFolderMembership',
      'quicksight:DescribeFolderPermissions',
      'quicksight:UpdateFolderPermissions',
      'quicksight:ListTagsForResource',
      'quicksight:TagResource',
      'quicksight:UntagResource',
    ],
  },
};
