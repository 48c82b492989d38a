import type { KindDefinition } from '../kind.ts';
import { createRequest } from '../shared/requests.ts';
import { createGlueDatabase, glueDatabaseTagging, normaliseGlueDatabase, readGlueDatabase, removeGlueDatabase, updateGlueDatabase } from './aws.ts';
import { compileGlueDatabase, type GlueDatabaseResource } from './compile.ts';
import { glueCatalogArn, glueDatabaseArn } from './identity.ts';

/** The Glue database that holds the CloudTrail table. Read in full every time (one or two calls); never pruned. */
export const glueDatabase: KindDefinition<GlueDatabaseResource> = {
  name: 'GlueDatabase',
  dependsOn: [],
  arn: glueDatabaseArn,
  compile: compileGlueDatabase,
  requests: (resource) => [createRequest(resource)],
  fingerprint: 'none',
  normalise: normaliseGlueDatabase,
  read: readGlueDatabase,
  create: createGlueDatabase,
  update: updateGlueDatabase,
  remove: removeGlueDatabase,
  tagging: glueDatabaseTagging,
  iam: {
    statement: 'GlueCloudTrailTable',
    actions: () => ['glue:GetDatabase', 'glue:CreateDatabase', 'glue:UpdateDatabase', 'glue:GetTags', 'glue:TagResource', 'glue:UntagResource'],
    scope: (scope) => [glueCatalogArn(scope)],
  },
};
