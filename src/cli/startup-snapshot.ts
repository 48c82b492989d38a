/**
 * The entry of the CLI's V8 startup snapshot (`dist/snapshot/cli.blob`, built by scripts/cli-snapshot.mjs
 * at `npm ci`), which bin/trailsight.js runs `lint` and `query` from. Most of a cold `lint` is not
 * reading specs but the Trino parser learning its grammar: ANTLR builds its prediction automaton (the
 * DFA) as it meets each construct, and that takes ~0.7 s of a ~1.1 s lint. Here, while the snapshot
 * is built, the lint action is loaded and the parser is run over the queries named by the build (the
 * public Athena corpus, the shipped specs), and the corpus queries are translated to DuckDB as `query`
 * translates them; the snapshot keeps the loaded modules and the automaton, so a `lint` or `query`
 * started from it begins where this left off. Nothing the user runs is cached here: each run reads
 * and checks its specs and logs afresh; only the parser's knowledge of the grammar is kept.
 *
 * DuckDB's addon is not in the snapshot (a native addon cannot be): `@duckdb/node-api`'s JavaScript
 * is in the bundle, but the addon loads when `query` first uses it (the bundle's stand-in for
 * `@duckdb/node-bindings` is in scripts/cli-snapshot.mjs); `query`'s action, with the engine, runs its
 * modules' bodies when the command runs (node-api's read the addon as they load). Measured
 * 2026-12-07 (2 cores, load ~1, means of 12 interleaved runs of the blob alone): `query` over an empty folder
 * 0.44 s wall, 0.45 s CPU, against 0.50 s and 0.53 s when node-api was loaded from node_modules;
 * through bin/trailsight.js, which starts the blob in a child Node, ~0.15 s more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { cloudTrailTable, TRAIL_TABLES } from '../cloudtrail/index.ts';
import { loadSpecs } from '../language/index.ts';
import { columnsRead, compileForDuckDb, forgetRecentTrees, parseQuery, partitionFilters, staticCatalog } from '../sql/index.ts';
import * as lintAction from './actions/lint.ts';
import { main } from './main.ts';

/** Set by the build: a spec folder to check, and a folder of `*.sql` queries to parse. */
const WARM_UP_SPECS = process.env.TRAILSIGHT_SNAPSHOT_SPECS;
const WARM_UP_QUERIES = process.env.TRAILSIGHT_SNAPSHOT_QUERIES;

/**
 * The corpus's tables as `query` serves logs: `cloudtrail_logs` and `cloudtrail_insights` in
 * `default`, and in the databases the corpus's authors named (`irworkshopgluedatabase`, `flaws2`…).
 */
const WARM_UP_CATALOG = staticCatalog(
  ['default', 'irworkshopgluedatabase', 'flaws2', 'demo', 'cloudtrail_logs_db'].flatMap((database) =>
    Object.values(TRAIL_TABLES).map((model) => cloudTrailTable({ database, name: model.name, relation: `warm_up.${model.name}`, model })),
  ),
  'default',
);

/**
 * What `query` does with a query before DuckDB runs it (src/engine/engine.ts `compile`, and the
 * partition pruning of src/engine/query/prune.ts): analyzed, translated to DuckDB's SQL, the columns
 * and partitions it reads of each table worked out. Pure: no DuckDB is loaded here.
 */
function translate(text: string): void {
  const compiled = compileForDuckDb(text, WARM_UP_CATALOG);
  for (const database of ['default', 'irworkshopgluedatabase']) {
    for (const model of Object.values(TRAIL_TABLES)) {
      const table = WARM_UP_CATALOG.table('awsdatacatalog', database, model.name);
      if (!table) continue;
      columnsRead(compiled.query, compiled.analysis, table);
      partitionFilters(compiled.query, compiled.analysis, table, PARTITIONS, 'p');
    }
  }
}
const PARTITIONS: ReadonlySet<string> = new Set(['account', 'region', 'timestamp']);

async function warmUp(): Promise<void> {
  if (WARM_UP_QUERIES) {
    for (const file of readdirSync(WARM_UP_QUERIES)
      .filter((name) => name.endsWith('.sql'))
      .sort()) {
      const text = readFileSync(join(WARM_UP_QUERIES, file), 'utf8');
      try {
        parseQuery(text);
        translate(text);
      } catch {
        // A query the parser refuses still teaches it the constructs before the error.
      }
    }
  }
  if (WARM_UP_SPECS) await loadSpecs([WARM_UP_SPECS]);
  // The parser's automaton stays; the trees of the texts it was trained on do not.
  forgetRecentTrees();
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
