import type { KindDefinition } from '../kind.ts';
import { createRequest } from '../shared/requests.ts';
import { glueCatalogArn } from '../glue-database/identity.ts';
import { createGlueTable, normaliseGlueTable, readGlueTable, removeGlueTable, updateGlueTable } from './aws.ts';
import { compileGlueTable, type GlueTableResource } from './compile.ts';
import { glueTableArn } from './identity.ts';

/** The trail's tables, its events and its Insights events (partition projection: no crawler). Read in full every time (one call each); never pruned. */
export const glueTable: KindDefinition<GlueTableResource> = {
  name: 'GlueTable',
  dependsOn: ['GlueDatabase'],
  arn: glueTableArn,
  compile: compileGlueTable,
  requests: (resource) => [createRequest(resource)],
  fingerprint: 'none',
  normalise: normaliseGlueTable,
  read: readGlueTable,
  create: createGlueTable,
  update: updateGlueTable,
  remove: removeGlueTable,
  iam: {
    statement: 'GlueCloudTrailTable',
    actions: () => ['glue:GetTable', 'glue:CreateTable', 'glue:UpdateTable'],
    scope: (scope) => [glueCatalogArn(scope)],
  },
};
