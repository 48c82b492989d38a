import type { SchemaError } from './ajv.ts';

type Schema = Record<string, unknown> & { type?: string; const?: unknown; properties?: Record<string, Schema> };

/**
 * With `allErrors`, ajv reports a failed union (anyOf) as the errors of every branch. People want the
 * errors of the branch they meant: the one whose type (and `type:` discriminator, for visuals) fits
 * the value. When no branch fits, the anyOf error alone stays, to be worded as "expected one of …".
 */
export function reduceUnionErrors(errors: readonly SchemaError[]): SchemaError[] {
  const removed = new Set<SchemaError>();
  const unions = errors.filter((e) => e.keyword === 'anyOf').sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const union of unions) {
    if (removed.has(union)) continue;
    const branchOf = (e: SchemaError): number | undefined => {
      if (e === union || !e.schemaPath.startsWith(`${union.schemaPath}/`)) return undefined;
      if (e.instancePath !== union.instancePath && !e.instancePath.startsWith(`${union.instancePath}/`)) return undefined;
      return Number(e.schemaPath.slice(union.schemaPath.length + 1).split('/')[0]);
    };
    const branches = union.schema as Schema[];
    const viable = byKeys(
      branches,
      branches.map((schema, i) => (fits(schema, union.data) ? i : -1)).filter((i) => i >= 0),
      union.data,
    );
    const count = (i: number) => errors.filter((e) => !removed.has(e) && branchOf(e) === i).length;
    const chosen = viable.length === 0 ? undefined : viable.reduce((best, i) => (count(i) < count(best) ? i : best));
    for (const e of errors) {
      const branch = branchOf(e);
      if (branch !== undefined && branch !== chosen) removed.add(e);
    }
    if (chosen !== undefined) removed.add(union);
  }
  return errors.filter((e) => !removed.has(e));
}

/**
 * Of several mapping branches (`{ parameter }`, `{ rolling }`), the ones sharing a key with the value;
 * none when it shares a key with none of them, so that the union itself is reported ("expected
 * parameter or rolling") rather than the first branch's missing key.
 */
function byKeys(branches: readonly Schema[], viable: readonly number[], data: unknown): number[] {
  const objects = viable.filter((i) => branches[i]!.type === 'object');
  if (!isObject(data) || objects.length < 2) return [...viable];
  const sharing = objects.filter((i) => Object.keys(data).some((key) => key in (branches[i]!.properties ?? {})));
  return sharing.length > 0 ? sharing : viable.filter((i) => branches[i]!.type !== 'object');
}

/**
 * Whether a value could be meant for this branch: its JSON type and constant match, and so does every
 * discriminator the value sets (a key the branch fixes to a constant: `type: kpi`, `mode: SPICE`).
 */
function fits(schema: Schema, data: unknown): boolean {
  if (schema.const !== undefined) return data === schema.const;
  if (schema.type !== undefined && schema.type !== jsonType(data)) {
    return schema.type === 'number' && jsonType(data) === 'integer';
  }
  if (!isObject(data)) return true;
  return Object.entries(schema.properties ?? {}).every(([key, property]) => property.const === undefined || !(key in data) || data[key] === property.const);
}

/** The key every object branch of a union fixes to a constant (`type`, `mode`), if there is one; `type` first. */
export function discriminatorOf(branches: readonly Schema[]): string | undefined {
  const objects = branches.filter((b) => b.type === 'object');
  if (objects.length === 0 || objects.length !== branches.length) return undefined;
  const keys = Object.keys(objects[0]!.properties ?? {}).filter((key) => objects.every((b) => b.properties?.[key]?.const !== undefined));
  return keys.includes('type') ? 'type' : keys[0];
}

export function jsonType(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'array';
  if (typeof data === 'number') return Number.isInteger(data) ? 'integer' : 'number';
  return typeof data;
}

export function isObject(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}
