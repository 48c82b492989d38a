/**
 * The entry of the CLI's V8 startup snapshot (`dist/snapshot/cli.blob`, built by scripts/cli-snapshot.mjs
 * at `npm ci`), which bin/trailsight.js runs `lint` from. Most of a cold `lint` is not reading specs
 * but the Trino parser learning its grammar: ANTLR builds its prediction automaton (the DFA) as it
 * meets each construct, and that takes ~0.7 s of a ~1.1 s lint. Here, while the snapshot is built,
 * the lint action is loaded and the parser is run over the queries named by the build (the public
 * Athena corpus, the shipped specs); the snapshot keeps the loaded modules and the automaton, so a
 * `lint` started from it begins where this left off. Nothing the user runs is cached here: each run
 * reads and checks its specs afresh; only the parser's knowledge of the grammar is kept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { loadSpecs } from '../language/index.ts';
import { parseQuery } from '../sql/index.ts';
import * as lintAction from './actions/lint.ts';
import { main } from './main.ts';

/** Set by the build: a spec folder to check, and a folder of `*.sql` queries to parse. */
const WARM_UP_SPECS = process.env.TRAILSIGHT_SNAPSHOT_SPECS;
const WARM_UP_QUERIES = process.env.TRAILSIGHT_SNAPSHOT_QUERIES;

async function warmUp(): Promise<void> {
  if (WARM_UP_QUERIES) {
    for (const file of readdirSync(WARM_UP_QUERIES)
      .filter((name) => name.endsWith('.sql'))
      .sort()) {
      try {
        parseQuery(readFileSync(join(WARM_UP_QUERIES, file), 'utf8'));
      } catch {
        // A query the parser refuses still teaches it the constructs before the error.
      }
    }
  }
  if (WARM_UP_SPECS) await loadSpecs([WARM_UP_SPECS]);
}

// Bundled as CommonJS (a snapshot's entry must be): no top-level await; the snapshot is taken
// when the event loop is empty, after this.
warmUp().then(
  () => {
    if (typeof lintAction.run !== 'function') throw new Error('the lint action did not load');
    startupSnapshot.setDeserializeMainFunction(async () => {
      // From a snapshot, argv is [node, ...arguments]: no script path.
      process.exitCode = await main(process.argv.slice(1));
    });
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
