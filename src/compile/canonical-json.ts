/** A JSON value (what AWS sends and receives, and what the specs compile to). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * The canonical form of a value bound for or read from AWS: object keys sorted at every level,
 * `undefined` members dropped, dates as ISO 8601 strings (as the SDK sends them), numbers that JSON
 * cannot carry as text. The same value always gives the same form, and so the same bytes: what the
 * request files, the spec hashes and plan's diffs all compare.
 */
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
      // No prototype: keys come from AWS and the specs (`__proto__` included) and stay keys.
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

/** The canonical form as JSON text (`indent` spaces, 0 for one line). */
export function canonicalJson(value: unknown, indent = 0): string {
  return JSON.stringify(canonical(value), null, indent);
}
