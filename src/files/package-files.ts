/**
 * Files trailsight ships beside its code (AWS models, the preview's stylesheet and page script, the
 * sample generator's worker), found from the package's root: the same paths whether trailsight runs
 * from its compiled bundle (dist/) or from its TypeScript sources (tests).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder of trailsight's package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'trailsight') return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find trailsight's package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** A path inside trailsight's package: `packageFile('src', 'awsmodel', 'models')`. */
export function packageFile(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

/** Whether this code runs from the compiled bundle (dist/) rather than its TypeScript sources. */
export const compiled = !import.meta.url.endsWith('.ts');
