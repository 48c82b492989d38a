import { createTwoFilesPatch } from 'diff';
import { ownValue } from '../text/keyed-record.ts';
import { isObject } from './canonical.ts';
import type { Json } from './resource-model.ts';

/** A multi-line string (a dataset's SQL, say) that changed: diffed line by line, not as two JSON strings. */
export interface TextChange {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

/** Stands in, on both sides of the JSON diff, for a multi-line string that is diffed apart. */
const PLACEHOLDER = '(multi-line text: diffed line by line below)';

/**
 * Splits the multi-line strings that differ out of a pair of values: both values with each such
 * string replaced by the same placeholder (so the JSON diff shows them neither changed nor in
 * full), and the strings themselves with their paths (as `diffValues` names them).
 */
export function splitTextChanges(before: Json, after: Json): { before: Json; after: Json; texts: TextChange[] } {
  const texts: TextChange[] = [];
  const walk = (a: Json | undefined, b: Json | undefined, path: string): [Json | undefined, Json | undefined] => {
    if (typeof a === 'string' && typeof b === 'string' && a !== b && (a.includes('\n') || b.includes('\n'))) {
      texts.push({ path: path || '(root)', before: a, after: b });
      return [PLACEHOLDER, PLACEHOLDER];
    }
    if (isObject(a) && isObject(b)) {
      const left: Record<string, Json> = Object.create(null);
      const right: Record<string, Json> = Object.create(null);
      for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
        const [x, y] = walk(ownValue(a, key), ownValue(b, key), path ? `${path}.${key}` : key);
        if (x !== undefined) left[key] = x;
        if (y !== undefined) right[key] = y;
      }
      return [left, right];
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      const pairs = Array.from({ length: Math.max(a.length, b.length) }, (_, i) => walk(a[i], b[i], `${path}[${i}]`));
      return [pairs.slice(0, a.length).map(([x]) => x!), pairs.slice(0, b.length).map(([, y]) => y!)];
    }
    return [a, b];
  };
  const [left, right] = walk(before, after, '');
  return { before: left!, after: right!, texts };
}

/** A unified diff (actual → specs) without the patch's own header lines; `names`: keep `--- actual` / `+++ specs`. */
export function unifiedDiff(before: string, after: string, names = true): string[] {
  const patch = createTwoFilesPatch('actual', 'specs', `${before}\n`, `${after}\n`, undefined, undefined, { context: 3 });
  const lines = patch.split('\n').filter((line) => line !== '' && !line.startsWith('====') && !line.startsWith('Index:') && !line.startsWith('\\'));
  return names ? lines : lines.slice(2); // by position: a removed SQL comment line reads `--- …` too
}
