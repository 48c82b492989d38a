import type { DesiredBase } from '../compile/index.ts';
import { checkRegistry } from './check-registry.ts';
import type { KindDefinition } from './kind.ts';
import { analysis } from './analysis/index.ts';
import { dashboard } from './dashboard/index.ts';
import { dataSource } from './data-source/index.ts';
import { dataSet } from './dataset/index.ts';
import { glueDatabase } from './glue-database/index.ts';
import { glueTable } from './glue-table/index.ts';
import { theme } from './theme/index.ts';
import { folder } from './folder/index.ts';
import { workGroup } from './workgroup/index.ts';

/**
 * Every resource kind trailsight manages, by name: adding one is its folder and a line here (see
 * README.md). The order they are created in is derived from their declared dependencies, not from
 * this list, which only breaks ties.
 */
const REGISTRY = {
  GlueDatabase: glueDatabase,
  GlueTable: glueTable,
  WorkGroup: workGroup,
  DataSource: dataSource,
  DataSet: dataSet,
  Theme: theme,
  Analysis: analysis,
  Dashboard: dashboard,
  Folder: folder,
} as const;

type Registry = typeof REGISTRY;
export type KindName = keyof Registry;
/** Each kind's resource: `ResourceOf['Dashboard']` is the compiled CreateDashboard request and its metadata. */
export type ResourceOf = { [K in KindName]: Registry[K] extends { compile(ctx: never): readonly (infer R extends DesiredBase)[] } ? R : never };
/** Any resource trailsight compiles. */
export type DesiredResource = ResourceOf[KindName];

/** The definitions, typed per kind: `KINDS[kind]` takes and returns that kind's own resources. */
export const KINDS: { readonly [K in KindName]: KindDefinition<ResourceOf[K]> } = REGISTRY;

/** Checked as trailsight starts: a dependency cycle or on an unregistered kind stops it, saying which. */
const { order, level } = checkRegistry(REGISTRY);

/** Every kind after the kinds it depends on (creates run in this order, deletes in reverse). */
export const KIND_ORDER: readonly KindName[] = order.filter(isKindName);

/** A kind's dependency depth: kinds of one level never wait for each other. */
export function kindLevel(kind: KindName): number {
  return level.get(kind) ?? 0;
}

export function isKindName(name: string): name is KindName {
  return Object.hasOwn(REGISTRY, name);
}

/** Each kind's definition, in kind order. */
export function kindsInOrder(): KindDefinition<DesiredBase>[] {
  return KIND_ORDER.map((name) => REGISTRY[name]);
}

/**
 * A kind's definition by its name, typed by it. Where the name is a union (any kind), so is the
 * resource type: take the name from the resource it is used with (`kindOf(r.kind).read(ctx, { id, resource: r })`).
 */
export function kindOf<K extends KindName>(name: K): KindDefinition<ResourceOf[K]> {
  return KINDS[name];
}
