import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The page's script: `page/main.ts` and what it imports, bundled into one classic script (works from file://). */
export async function bundlePageScript(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../page/main.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
