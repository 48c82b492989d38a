import type { JsonPath } from '../load/located.ts';
import type { Kind } from '../schema/index.ts';
import type { SchemaError } from './ajv.ts';
import { validatorFor } from './ajv.ts';
import { toPath } from './json-pointer.ts';
import { isObject } from './unions.ts';

/** The well-formed part of a spec that failed its schema, for the meaning checks to look at. */
export interface Salvaged {
  /** The spec without its broken parts; valid against the kind's schema (lists may be left empty). */
  readonly spec: unknown;
  /** The ids and names of the parts left out: findings that name one are follow-ons, not news. */
  readonly pruned: ReadonlySet<string>;
  /** A path in `spec` → the same value's path in the file (list items after a pruned one moved up). */
  readonly translate: (path: JsonPath) => JsonPath;
}

/**
 * Parts a broken value is left out with: the list item holding it (a visual, control, filter,
 * parameter, column, calculated field, or else its sheet), or an optional key nothing else refers to.
 * `#` is a list index. An unknown key is just dropped. Parts other parts refer to must have an id or a
 * name, or the spec is not salvaged.
 */
const UNITS: readonly (readonly string[])[] = [
  ['sheets', '#', 'visuals', '#'],
  ['sheets', '#', 'controls', '#'],
  ['sheets', '#'],
  ['filters', '#'],
  ['parameters', '#'],
  ['columns', '#'],
  ['calculated', '#'],
  ['where'],
  ['window'],
  ['import'],
  ['description'],
  ['publish'],
];
const ANONYMOUS_OK = new Set(['controls']);

/** The spec with every part holding a schema error left out, if what remains passes the schema. */
export function salvage(kind: Kind, data: unknown, errors: readonly SchemaError[]): Salvaged | undefined {
  const spec = structuredClone(data) as Record<string, unknown>;
  const drop = new Set<unknown>();
  const pruned = new Set<string>();
  for (const error of errors) {
    const path = toPath(spec, error.instancePath);
    if (error.keyword === 'additionalProperties') {
      const owner = valueAt(spec, path);
      if (isObject(owner)) delete owner[String(error.params.additionalProperty)];
      continue;
    }
    const unit = UNITS.find((u) => u.length <= path.length && u.every((s, i) => (s === '#' ? typeof path[i] === 'number' : s === path[i])));
    if (!unit) return undefined;
    const unitPath = path.slice(0, unit.length);
    if (typeof unitPath[unitPath.length - 1] === 'string') {
      delete spec[String(unitPath[0])];
      continue;
    }
    const value = valueAt(spec, unitPath);
    const identity = isObject(value) ? (value.id ?? value.name) : undefined;
    if (typeof identity !== 'string' && typeof identity !== 'number' && !ANONYMOUS_OK.has(String(unit[unit.length - 2]))) return undefined;
    drop.add(value);
    collectIdentities(value, pruned);
  }
  const originals = new WeakMap<unknown[], number[]>();
  const kept = rebuild(spec, drop, originals);
  const validate = validatorFor(kind);
  if (!validate(kept) && !(validate.errors ?? []).every((e) => e.keyword === 'minItems')) return undefined;
  const translate = (path: JsonPath): JsonPath => {
    let node: unknown = kept;
    return path.map((segment) => {
      const original = Array.isArray(node) && typeof segment === 'number' ? (originals.get(node)?.[segment] ?? segment) : segment;
      node = (node as Record<string | number, unknown> | undefined)?.[segment];
      return original;
    });
  };
  return { spec: kept, pruned, translate };
}

/** A copy without the dropped values, remembering each list's original indexes. */
function rebuild(node: unknown, drop: ReadonlySet<unknown>, originals: WeakMap<unknown[], number[]>): unknown {
  if (Array.isArray(node)) {
    const indexes = node.map((_, i) => i).filter((i) => !drop.has(node[i]));
    const list = indexes.map((i) => rebuild(node[i], drop, originals));
    originals.set(list, indexes);
    return list;
  }
  if (isObject(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, rebuild(v, drop, originals)]));
  return node;
}

function valueAt(data: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>((node, segment) => (node as Record<string | number, unknown> | undefined)?.[segment], data);
}

/** Every `id` and `name` inside a value: what other parts may refer to it by. */
function collectIdentities(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((v) => collectIdentities(v, into));
  else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'id' || key === 'name') && (typeof v === 'string' || typeof v === 'number')) into.add(String(v));
      else collectIdentities(v, into);
    }
  }
}
