import { sep } from 'node:path';

const GLOB = /[*?[]/;

/**
 * A file's path as DuckDB's file functions (`read_json`, `read_parquet`) take it to mean that one
 * file. DuckDB expands any path holding `*`, `?` or `[` as a glob pattern, so a log file named
 * `*.json.gz` would read every file beside it (each twice), and a link among them too. In a folder
 * or file name holding one of them, each becomes a one-character class (`[*]`, `[?]`, `[[]`),
 * which DuckDB's glob matches only with that character; its `filename` column still gives the real
 * path. Undefined when the name cannot be written so: a backslash beside those characters, which
 * DuckDB's glob takes as an escape.
 */
export function literalPath(path: string): string | undefined {
  if (!GLOB.test(path)) return path;
  const parts = path.split(sep);
  for (const [i, part] of parts.entries()) {
    if (!GLOB.test(part)) continue;
    if (part.includes('\\')) return undefined;
    parts[i] = part.replace(/[*?[]/g, (char) => `[${char}]`);
  }
  return parts.join(sep);
}
