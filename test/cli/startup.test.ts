import assert from 'node:assert/strict';
import { build, type Metafile } from 'esbuild';
import { CLI_BUILD } from '../../scripts/cli-build.mjs';

/**
 * What starting a command loads, read from the build of the CLI (its metafile) rather than timed:
 * the outputs a command's entry reaches through static imports, and the packages bundled into them.
 * `npm run bench -- startup` times them.
 */
describe('the compiled CLI loads only what the command run needs', function () {
  this.timeout(120_000);
  let meta: Metafile;
  before(async () => {
    ({ metafile: meta } = await build({ ...CLI_BUILD, write: false, metafile: true }));
  });

  /** The outputs loaded with the entry of `source` (the CLI, or a lazily imported action). */
  function loadedWith(source: string): string[] {
    const entry = Object.keys(meta.outputs).find((output) => meta.outputs[output]!.entryPoint === source);
    assert.ok(entry, `no output for ${source}`);
    const loaded = new Set<string>();
    const visit = (output: string): void => {
      if (loaded.has(output)) return;
      loaded.add(output);
      for (const imported of meta.outputs[output]!.imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    };
    visit(entry);
    return [...loaded];
  }

  /** The packages in those outputs, bundled (`node_modules/<name>/…` inputs) or left external. */
  function packagesWith(source: string): Set<string> {
    const names = new Set<string>();
    for (const output of loadedWith(source)) {
      const { inputs, imports } = meta.outputs[output]!;
      for (const input of Object.keys(inputs)) {
        const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
        if (name) names.add(name);
      }
      for (const imported of imports) if (imported.external && !imported.path.startsWith('node:')) names.add(imported.path);
    }
    return names;
  }

  it("--help and the command line: commander and the commands' declarations, no action", () => {
    assert.deepEqual([...packagesWith('src/cli/main.ts')], ['commander']);
    const sources = loadedWith('src/cli/main.ts').flatMap((output) => Object.keys(meta.outputs[output]!.inputs));
    assert.deepEqual(
      sources.filter((s) => s.startsWith('src/cli/actions/')),
      [],
    );
  });

  it('lint: no AWS SDK, no DuckDB, no ajv compiler (its validators are compiled ahead)', () => {
    const packages = [...packagesWith('src/cli/actions/lint.ts')];
    const heavy = packages.filter((name) => /^@aws-sdk\/|^@smithy\/|^@duckdb\/|^ajv/.test(name));
    assert.deepEqual(heavy, [], `lint loads ${packages.join(', ')}`);
  });

  it("(the check sees bundled packages: publish's action brings the AWS SDK)", () => {
    assert.ok([...packagesWith('src/cli/actions/publish.ts')].some((name) => name.startsWith('@aws-sdk/')));
  });
});
