/**
 * Writes src/awsmodel/models/<service>.json from AWS's botocore models (`service-2.json`, Apache-2.0):
 * what trailsight needs of them at run time — operations, their HTTP bindings, and the shapes their
 * requests and errors reach, with every constraint (required members, types, enums, lengths, ranges,
 * patterns, unions — and the unions QuickSight states only in documentation, as `onlyOneOf`) and
 * without documentation. A user's clone has no `../shared/aws-models`; the
 * endpoint and the tests check requests against these files exactly as CI does.
 *
 *   node --import tsx scripts/aws-models/generate.ts [models-dir]      (default ../shared/aws-models)
 *   node --import tsx scripts/aws-models/generate.ts --check            (fails when the files differ)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(REPO, 'src', 'awsmodel', 'models');
export const SERVICES = ['quicksight', 'athena', 'glue', 'sts', 'cloudtrail', 's3', 'iam'] as const;

type Json = Record<string, unknown>;
const SHAPE_KEYS = [
  'type',
  'members',
  'required',
  'member',
  'key',
  'value',
  'enum',
  'pattern',
  'min',
  'max',
  'union',
  'document',
  'exception',
  'error',
  'flattened',
  'timestampFormat',
];
/** The API reference's words for a structure of which at most one member may be set. */
const ONLY_ONE_OF = /only one of the attributes can be defined/i;
/**
 * Unions of the API reference that QuickSight accepts with several members set: the console's own
 * exports set SelectedFields and SelectedColumns together, and publish (test/quicksight/corpus:
 * cid/cora, cid/focus, cid/data-collection-monitor, deployed by the CID tool).
 */
const SET_TOGETHER = new Set(['FilterOperationSelectedFieldsConfiguration']);
const MEMBER_KEYS = ['shape', 'location', 'locationName', 'flattened', 'idempotencyToken', 'jsonvalue', 'queryName', 'xmlNamespace', 'hostLabel'];
const OPERATION_KEYS = ['name', 'http', 'input', 'output', 'errors'];

function pick(value: Json, keys: readonly string[]): Json {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]]));
}

/** The model with documentation dropped and only the shapes requests and errors reach. */
export function compact(model: Json): Json {
  const shapes = model.shapes as Record<string, Json>;
  const operations = model.operations as Record<string, Json>;
  const reached = new Set<string>();
  const visit = (name: string | undefined): void => {
    if (!name || reached.has(name)) return;
    reached.add(name);
    const shape = shapes[name]!;
    for (const ref of [...Object.values((shape.members ?? {}) as Record<string, Json>), shape.member, shape.key, shape.value] as (Json | undefined)[])
      visit(ref?.shape as string | undefined);
  };
  for (const op of Object.values(operations)) {
    visit((op.input as Json | undefined)?.shape as string | undefined);
    for (const error of (op.errors ?? []) as Json[]) visit(error.shape as string);
  }
  const keptShapes: Record<string, Json> = {};
  for (const name of [...reached].sort()) {
    const shape = pick(shapes[name]!, SHAPE_KEYS);
    // QuickSight's "union type structure" is said in documentation only ("only one of the attributes
    // can be defined"), not as `union`: kept as `onlyOneOf`, the one word of documentation checked.
    if (!shape.union && !SET_TOGETHER.has(name) && ONLY_ONE_OF.test(String(shapes[name]!.documentation ?? ''))) shape.onlyOneOf = true;
    if (shape.members) shape.members = Object.fromEntries(Object.entries(shape.members as Record<string, Json>).map(([m, ref]) => [m, pick(ref, MEMBER_KEYS)]));
    for (const k of ['member', 'key', 'value']) if (shape[k]) shape[k] = pick(shape[k] as Json, MEMBER_KEYS);
    keptShapes[name] = shape;
  }
  const keptOperations = Object.fromEntries(
    Object.keys(operations)
      .sort()
      .map((name) => {
        const op = pick(operations[name]!, OPERATION_KEYS);
        // Outputs are not checked: only the name of the output shape stays.
        return [name, op];
      }),
  );
  const metadata = pick(model.metadata as Json, [
    'apiVersion',
    'endpointPrefix',
    'jsonVersion',
    'protocol',
    'protocols',
    'serviceId',
    'signatureVersion',
    'targetPrefix',
    'uid',
  ]);
  return { metadata, operations: keptOperations, shapes: keptShapes };
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const source = resolve(args.find((a) => !a.startsWith('--')) ?? join(REPO, '..', 'shared', 'aws-models'));
  if (!existsSync(join(source, 'quicksight.service-2.json'))) {
    console.error(`no AWS models in ${source}`);
    process.exit(2);
  }
  const commit = existsSync(join(source, 'SOURCE-COMMIT')) ? readFileSync(join(source, 'SOURCE-COMMIT'), 'utf8').trim() : 'unknown';
  mkdirSync(OUT, { recursive: true });
  let stale = 0;
  for (const service of SERVICES) {
    const model = JSON.parse(readFileSync(join(source, `${service}.service-2.json`), 'utf8')) as Json;
    const text = `${JSON.stringify({ source: { repository: 'boto/botocore', commit, file: `${service}.service-2.json`, licence: 'Apache-2.0' }, ...compact(model) })}\n`;
    const file = join(OUT, `${service}.json`);
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
        console.error(`${file} differs from what ${source} gives: run node --import tsx scripts/aws-models/generate.ts`);
        stale++;
      }
    } else writeFileSync(file, text);
  }
  if (stale > 0) process.exit(1);
  if (!check) console.log(`wrote ${SERVICES.length} models to ${OUT} (botocore ${commit})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
