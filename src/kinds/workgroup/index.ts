import type { KindDefinition } from '../kind.ts';
import { createRequest } from '../shared/requests.ts';
import { createWorkGroup, normaliseWorkGroup, readWorkGroup, removeWorkGroup, updateWorkGroup, workGroupTagging } from './aws.ts';
import { compileWorkGroup, type WorkGroupResource } from './compile.ts';
import { workGroupArn } from './identity.ts';

/** The Athena workgroup, when the Project has trailsight manage it. Read in full every time (two calls); never pruned. */
export const workGroup: KindDefinition<WorkGroupResource> = {
  name: 'WorkGroup',
  dependsOn: [],
  arn: workGroupArn,
  compile: compileWorkGroup,
  requests: (resource) => [createRequest(resource)],
  fingerprint: 'tag',
  normalise: normaliseWorkGroup,
  read: readWorkGroup,
  create: createWorkGroup,
  update: updateWorkGroup,
  remove: removeWorkGroup,
  tagging: workGroupTagging,
  iam: {
    statement: 'AthenaWorkGroup',
    actions: () => [
      'athena:GetWorkGroup',
      'athena:CreateWorkGroup',
      'athena:UpdateWorkGroup',
      'athena:ListTagsForResource',
      'athena:TagResource',
      'athena:UntagResource',
    ],
  },
};
