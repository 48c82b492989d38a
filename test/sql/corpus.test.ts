/**
 * The public query corpus (test/sql/corpus/README.md): Athena queries over CloudTrail written by others,
 * run unchanged (but for table and partition names) over small hand-made logs. Every query must run;
 * where test/sql/corpus/expected/ has its answer, computed by hand from the logs, the engine must give it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CloudTrailEngine, type QueryResult } from '../../src/engine/index.ts';

const CORPUS = fileURLToPath(new URL('./corpus/', import.meta.url));
const LOGS = join(CORPUS, 'logs');
const QUERIES = join(CORPUS, 'queries');
const EXPECTED = join(CORPUS, 'expected');

/** Database of the query context (Athena's QueryExecutionContext.Database). */
const DATABASE = 'default';

/**
 * Databases the corpus queries name their table in, as their authors' Glue catalogs had it: the
 * corpus logs are served as `cloudtrail_logs` in each (and in the context's database).
 */
const DATABASES = [DATABASE, 'irworkshopgluedatabase', 'flaws2', 'demo', 'cloudtrail_logs_db'];

/** Serves the corpus logs as the CloudTrail table. The only place that says under which names. */
async function attachCorpus(engine: CloudTrailEngine): Promise<void> {
  for (const schema of DATABASES) await engine.attach({ root: LOGS, schema, table: 'cloudtrail_logs' });
}

/** An expected answer: column names, then rows as Athena's result would show them (README.md, "Expected answers"). */
interface Expected {
  /** The query fails on Athena over these logs: a fragment of Athena's error message. */
  error?: string;
  /** Absent where the query selects `*` (the table's columns are checked elsewhere). */
  columns?: string[];
  rows?: unknown[][];
  /** true: the rows in this order; false: the same rows in any order (no ORDER BY, or ties in it). */
  ordered?: boolean;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2021-07-23 02:22:32.000`, as Athena prints a timestamp. */
function athenaTimestamp(value: unknown): unknown {
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) return value;
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`
  );
}

/** A value of the engine's result in the expected files' notation, by its column's Trino type. */
function normalize(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'timestamp') return athenaTimestamp(value);
  if (type === 'timestamp with time zone') return `${athenaTimestamp(value)} UTC`;
  // Athena prints a decimal with exactly its scale's digits: decimal(23,1) 7 as 7.0.
  const decimal = /^decimal\(\d+,\s*(\d+)\)$/.exec(type);
  if (decimal) return Number(value).toFixed(Number(decimal[1]));
  if (Array.isArray(value)) {
    const element = /^array\((.*)\)$/.exec(type)?.[1] ?? '';
    return value.map((item) => normalize(item, element));
  }
  return value;
}

function answer(result: QueryResult): { columns: string[]; rows: unknown[][] } {
  return {
    columns: result.columns.map((c) => c.name),
    rows: result.rows.map((row) => row.map((value, i) => normalize(value, result.columns[i].type))),
  };
}

/** Rows in a canonical order, for answers whose order the query leaves open. */
const sorted = (rows: unknown[][]) => rows.map((row) => JSON.stringify(row)).sort();

const queryFiles = readdirSync(QUERIES)
  .filter((name) => name.endsWith('.sql'))
  .sort();

describe('public Athena CloudTrail query corpus (test/sql/corpus)', function () {
  this.timeout(120_000);
  let engine: CloudTrailEngine;

  before(async () => {
    engine = await CloudTrailEngine.open({ cacheDir: ':memory:' });
    await attachCorpus(engine);
  });
  after(() => engine?.close());

  it('has at least 60 queries, each with its source, licence and adaptation', () => {
    assert.ok(queryFiles.length >= 60, `${queryFiles.length} queries`);
    for (const name of queryFiles) {
      const header = readFileSync(join(QUERIES, name), 'utf8').split('\n').slice(0, 3);
      assert.match(header[0], /^-- source: /, name);
      assert.match(header[1], /^-- licence: /, name);
      assert.match(header[2], /^-- adapted: /, name);
    }
  });

  for (const name of queryFiles) {
    it(name, async () => {
      const sql = readFileSync(join(QUERIES, name), 'utf8');
      const expectedFile = join(EXPECTED, name.replace(/\.sql$/, '.json'));
      const expected = existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected) : undefined;
      if (expected?.error !== undefined) {
        await assert.rejects(engine.query(sql, { database: DATABASE }), (error: Error) => error.message.includes(expected.error!));
        return;
      }
      const result = await engine.query(sql, { database: DATABASE });
      if (!expected) return;
      const actual = answer(result);
      if (expected.columns) assert.deepEqual(actual.columns, expected.columns, 'columns');
      if (expected.ordered) assert.deepEqual(actual.rows, expected.rows, 'rows, in order');
      else assert.deepEqual(sorted(actual.rows), sorted(expected.rows ?? []), 'rows, in any order');
    });
  }
});
