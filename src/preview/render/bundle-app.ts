import { build } from 'esbuild';
import { packageFile } from '../../files/package-files.ts';

/** The page's script: `page/main.ts` and what it imports, bundled into one classic script (works from file://). */
export async function bundlePageScript(): Promise<string> {
  const result = await build({
    entryPoints: [packageFile('src', 'preview', 'page', 'main.ts')],
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
