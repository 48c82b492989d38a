/**
 * JSON with object keys sorted at every level, so the same value always gives the same bytes.
 * Dates become ISO 8601 strings (as the SDK sends them); `undefined` members are left out.
 */
export function canonicalJson(value: unknown, indent = 0): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

/** A copy of `value` with object keys in sorted order at every level. */
export function sortKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    // No prototype: a key `__proto__` (from a spec or AWS) stays a key.
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) sorted[key] = sortKeys(member);
    }
    return sorted;
  }
  return value;
}
