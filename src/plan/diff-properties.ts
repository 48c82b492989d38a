import { ownValue } from '../text/keyed-record.ts';
import { isObject } from './canonical.ts';
import type { Json, JsonObject } from './resource-model.ts';

/** One changed value; `before` absent: added, `after` absent: removed. */
export interface PropertyChange {
  readonly path: string;
  readonly before?: Json;
  readonly after?: Json;
}

/**
 * The actual value seen through the desired value's shape. AWS fills in defaults the specs never
 * state (and QuickSight fills in many); a key the desired side does not set is not trailsight's
 * to compare. A desired empty list, empty object or `false` equals a missing one (AWS omits them).
 * Array elements beyond the desired ones are kept: an extra sheet or visual is a real change.
 */
export function projectOnto(actual: Json | undefined, desired: Json): Json | undefined {
  if (isObject(desired) && isObject(actual)) {
    const out: JsonObject = Object.create(null);
    for (const [key, want] of Object.entries(desired)) {
      const have = ownValue(actual, key);
      if (have === undefined || have === null) {
        if (isZero(want)) out[key] = want;
        continue;
      }
      const projected = projectOnto(have, want);
      if (projected !== undefined) out[key] = projected;
    }
    return out;
  }
  if (Array.isArray(desired) && Array.isArray(actual)) {
    return actual.map((have, i) => (i < desired.length ? (projectOnto(have, desired[i] ?? null) ?? null) : have));
  }
  return actual;
}

function isZero(value: Json): boolean {
  return value === false || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);
}

/** Every leaf that differs between two canonical values, as paths like `Definition.Sheets[0].Name`. */
export function diffValues(before: Json | undefined, after: Json | undefined, path = ''): PropertyChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffValues(ownValue(before, key), ownValue(after, key), path ? `${path}.${key}` : key));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diffValues(before[i], after[i], `${path}[${i}]`)).flat();
  }
  if (sameJson(before, after)) return [];
  return [{ path: path || '(root)', ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }];
}

export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
