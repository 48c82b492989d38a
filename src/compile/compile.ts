import type { CheckedSpecs } from '../language/index.ts';
import { athenaWorkGroup } from './athena/workgroup.ts';
import { compileBoard } from './boards.ts';
import { quicksightDataSet } from './dataset/dataset.ts';
import { refreshSchedule } from './dataset/refresh.ts';
import { qualifiedTable } from './dataset/sql.ts';
import { glueDatabase } from './glue/database.ts';
import { glueTable } from './glue/table.ts';
import { glueName, quicksightArn, resourceId } from './names.ts';
import { quicksightDataSource } from './quicksight/datasource.ts';
import { KIND_ORDER, resourceKey, type DesiredResource } from './resource.ts';
import { resourceTags } from './tags.ts';
import type { ResolvedTarget } from './target.ts';

/**
 * The checked specs and a target → every AWS request that realises them, in dependency order (Glue
 * database, table, Athena workgroup, QuickSight data source, datasets, analyses, dashboards; by id
 * within a kind). Pure, deterministic, and total: the gate (src/language) refused every spec mistake.
 */
export function compile(specs: CheckedSpecs, target: ResolvedTarget): DesiredResource[] {
  const project = specs.project;
  const p = project.spec;
  const projectTags = p.tags ?? {};
  const tagsOf = (specId: string, spec: unknown) => resourceTags({ specId, spec, projectTags, target });
  const projectSource = { file: project.file, specId: p.id };
  const projectResourceTags = tagsOf(p.id, p);

  const database = glueName(target, p.glue.database);
  const tableKey = `GlueTable/${database}.${p.glue.table}`;
  const workgroup = p.athena.createWorkgroup ? resourceId(target, p.athena.workgroup) : p.athena.workgroup;
  const dataSourceId = resourceId(target, p.id);
  const resources: DesiredResource[] = [
    {
      kind: 'GlueDatabase',
      id: database,
      source: projectSource,
      service: 'glue',
      operation: 'CreateDatabase',
      input: glueDatabase({ project: p, name: database, tags: projectResourceTags }),
      dependsOn: [],
    },
    {
      kind: 'GlueTable',
      id: `${database}.${p.glue.table}`,
      source: projectSource,
      service: 'glue',
      operation: 'CreateTable',
      input: glueTable({ project: p, database }),
      dependsOn: [`GlueDatabase/${database}`],
    },
  ];
  if (p.athena.createWorkgroup) {
    resources.push({
      kind: 'WorkGroup',
      id: workgroup,
      source: projectSource,
      service: 'athena',
      operation: 'CreateWorkGroup',
      input: athenaWorkGroup({ project: p, name: workgroup, tags: projectResourceTags }),
      dependsOn: [],
    });
  }
  resources.push({
    kind: 'DataSource',
    id: dataSourceId,
    source: projectSource,
    service: 'quicksight',
    operation: 'CreateDataSource',
    input: quicksightDataSource({ project: p, target, id: dataSourceId, workgroup, tags: projectResourceTags }),
    dependsOn: p.athena.createWorkgroup ? [`WorkGroup/${workgroup}`] : [],
  });

  const table = qualifiedTable(database, p.glue.table);
  const dataSourceArn = quicksightArn(target, 'datasource', dataSourceId);
  for (const dataset of specs.datasets) {
    const id = resourceId(target, dataset.spec.id);
    resources.push({
      kind: 'DataSet',
      id,
      source: { file: dataset.file, specId: dataset.spec.id },
      service: 'quicksight',
      operation: 'CreateDataSet',
      input: quicksightDataSet({ dataset, target, id, dataSourceArn, table, tags: tagsOf(dataset.spec.id, dataset.spec) }),
      ...(dataset.refresh ? { refreshSchedule: refreshSchedule({ refresh: dataset.refresh, target, id }) } : {}),
      dependsOn: [`DataSource/${dataSourceId}`, tableKey],
    });
  }

  for (const board of [...specs.dashboards, ...specs.analyses]) {
    resources.push(...compileBoard(board, { target, projectTags }));
  }
  return sortResources(resources);
}

/** Dependency order: by kind (KIND_ORDER), then by id. */
export function sortResources(resources: readonly DesiredResource[]): DesiredResource[] {
  const rank = (r: DesiredResource) => KIND_ORDER.indexOf(r.kind);
  return [...resources].sort((a, b) => rank(a) - rank(b) || (resourceKey(a) < resourceKey(b) ? -1 : resourceKey(a) > resourceKey(b) ? 1 : 0));
}
