import { canonical, type Json, type JsonObject } from '../compile/canonical-json.ts';

export { canonical };

export function canonicalObject(value: unknown): JsonObject {
  const json = canonical(value);
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? json : Object.create(null);
}

/** `value` without the listed keys (a shallow copy). */
export function omitKeys(value: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = Object.create(null);
  for (const [key, member] of Object.entries(value)) if (!keys.includes(key)) out[key] = member;
  return out;
}

/** `value` with only the listed keys (a shallow copy). */
export function pickKeys(value: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = Object.create(null);
  for (const key of keys) if (Object.hasOwn(value, key) && value[key] !== undefined) out[key] = value[key];
  return out;
}

/** Stable, readable JSON text (keys already sorted by `canonical`). */
export function prettyJson(value: Json): string {
  return JSON.stringify(value, null, 2);
}

export function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
