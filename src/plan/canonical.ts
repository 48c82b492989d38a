import type { Json, JsonObject } from './resource-model.ts';

/** The canonical form of an SDK value: keys sorted, `undefined` dropped, dates as ISO strings. */
export function canonical(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return Number(value);
    case 'object': {
      // No prototype: keys come from AWS and the specs (`__proto__` included).
      const out: JsonObject = Object.create(null);
      for (const key of Object.keys(value as object).sort()) {
        const member = (value as Record<string, unknown>)[key];
        if (member !== undefined) out[key] = canonical(member);
      }
      return out;
    }
    default:
      return String(value);
  }
}

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
