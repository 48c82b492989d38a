/**
 * Every Trino function trailsight's engine runs, by name. A name that is not here is
 * `FUNCTION_NOT_FOUND` — as a DuckDB-only function (read_csv, glob, …) always is: nothing a query
 * calls reaches DuckDB unless this registry says how.
 */
import type { TrinoFunction } from './function.ts';
import { AGGREGATES } from './library/aggregates.ts';
import { BINARY } from './library/binary.ts';
import { COLLECTIONS } from './library/collections.ts';
import { CONDITIONAL } from './library/conditional.ts';
import { DATETIME } from './library/datetime.ts';
import { MATH } from './library/math.ts';
import { REGEXP_JSON_URL } from './library/regexp-json-url.ts';
import { STRINGS } from './library/strings.ts';

const ALL: readonly TrinoFunction[] = [...CONDITIONAL, ...STRINGS, ...REGEXP_JSON_URL, ...DATETIME, ...MATH, ...COLLECTIONS, ...BINARY, ...AGGREGATES];

const BY_NAME: ReadonlyMap<string, TrinoFunction> = (() => {
  const map = new Map<string, TrinoFunction>();
  for (const fn of ALL) {
    if (map.has(fn.name)) throw new Error(`function ${fn.name} is defined twice`);
    map.set(fn.name, fn);
  }
  return map;
})();

/** The function a (case-insensitive) name means, or undefined when Trino's engine here has none. */
export function lookupFunction(name: string): TrinoFunction | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export function registeredFunctions(): readonly TrinoFunction[] {
  return ALL;
}
