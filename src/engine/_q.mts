import { DuckDBInstance } from '@duckdb/node-api';
import { scanLogFiles } from '/work/main/src/engine/files/scan.ts';
import { selectEvents } from '/work/main/src/engine/ingest/read-sql.ts';
const files = (await scanLogFiles(process.argv[2])).map(f => f.path);
const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect();
await c.run('SET preserve_insertion_order=false');
const paths = '[' + files.map(p => `'${p}'`).join(',') + ']';
const src = (fmt: string) => `(select unnest(Records) r, _path from read_json(${paths}, columns={'Records':'STRUCT(eventName VARCHAR)[]'}, format='${fmt}', compression='gzip', filename='_path'))`;
const full = selectEvents(files, 'envelope', 'gzip');
const sqls: Record<string, string> = {
  unstructured: `select count(r.eventName) from ${src('unstructured')}`,
  nd: `select count(r.eventName) from ${src('newline_delimited')}`,
  fullu: `create or replace table t as ${full}`,
  fullnd: `create or replace table t as ${full.replace("format = 'unstructured'", "format = 'newline_delimited'")}`,
};
for (const k of process.argv.slice(3)) {
  const t = Date.now(); const u = process.cpuUsage(); await c.run(sqls[k]); const d = process.cpuUsage(u);
  console.log(k, 'wall', (Date.now() - t) / 1000, 'cpu', ((d.user + d.system) / 1e6).toFixed(2));
}
