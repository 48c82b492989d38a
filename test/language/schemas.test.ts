import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Static } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { buildSchemaFiles } from '../../src/language/json-schema.ts';
import type { AnalysisSpec, DashboardSpec, DataSetSpec, KIND_SCHEMAS, ProjectSpec, AnySpec } from '../../src/language/index.ts';
import { validatorFor } from '../../src/language/validate/ajv.ts';
import { buildSpecValidators } from '../../scripts/spec-validators.ts';
import { REPO } from './helpers.ts';

// Compile-time: the exported TS types are exactly the Static<> of the schemas (fails `tsc` if they drift).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type TypesMatchSchemas = [
  Assert<Equal<ProjectSpec, Static<typeof ProjectSpec>>>,
  Assert<Equal<DataSetSpec, Static<typeof DataSetSpec>>>,
  Assert<Equal<DashboardSpec, Static<typeof DashboardSpec>>>,
  Assert<Equal<AnalysisSpec, Static<typeof AnalysisSpec>>>,
];

// Examples written as the TS types: they compile, and the schemas accept them.
const typedExamples: AnySpec[] = [
  {
    apiVersion: 'trailsight/v1',
    kind: 'DataSet',
    id: 'typed',
    name: 'Typed',
    columns: [
      { name: 'event_name', expr: 'eventname' },
      { name: 'at', expr: 'from_iso8601_timestamp(eventtime)', type: 'datetime' },
    ],
    window: { days: 30 },
    import: { mode: 'SPICE', refresh: { interval: 'WEEKLY', dayOfWeek: 'MONDAY', timeOfDay: '06:00' } },
  },
  {
    apiVersion: 'trailsight/v1',
    kind: 'Dashboard',
    id: 'typed-board',
    name: 'Typed board',
    datasets: { d: 'typed' },
    parameters: [{ name: 'who', type: 'string', default: 'nicholas' }],
    filters: [{ id: 'who', column: 'event_name', equals: { parameter: 'who' }, scope: { visuals: ['k'] } }],
    sheets: [
      {
        id: 's',
        title: 'S',
        controls: [{ type: 'dropdown', parameter: 'who', title: 'Who', values: { column: 'event_name' } }],
        visuals: [
          { type: 'kpi', id: 'k', value: 'count(event_name)' },
          { type: 'bar', id: 'b', x: 'event_name', y: ['count(event_name)'], sort: [{ by: 'count(event_name)', order: 'desc' }], limit: 5 },
          { type: 'raw', id: 'r', visual: { TableVisual: { VisualId: 'r' } } },
        ],
      },
    ],
    publish: { export: false },
  },
];

/** Every object schema: strict, and every property (and record value) described. */
function schemaProblems(schema: unknown, path = '#'): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => schemaProblems(s, `${path}/${i}`));
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const problems: string[] = [];
  if (node.type === 'object' && node.additionalProperties !== false) problems.push(`${path}: object without additionalProperties: false`);
  for (const key of ['properties', 'patternProperties'] as const) {
    for (const [name, value] of Object.entries((node[key] ?? {}) as Record<string, { description?: string }>)) {
      if (!value.description) problems.push(`${path}/${key}/${name}: no description`);
    }
  }
  for (const [key, value] of Object.entries(node)) problems.push(...schemaProblems(value, `${path}/${key}`));
  return problems;
}

describe('JSON Schemas', () => {
  const generated = buildSchemaFiles();

  it('are generated for every kind plus one for any spec', () => {
    assert.deepEqual(
      Object.keys(generated).sort(),
      ['analysis', 'dashboard', 'dataset', 'folder', 'project', 'theme', 'trailsight'].map((k) => `${k}.schema.json`),
    );
  });

  it('are strict and describe every property', () => {
    for (const [name, text] of Object.entries(generated)) {
      const schema = JSON.parse(text) as { $id?: string; $schema?: string; title?: string };
      assert.ok(schema.$id && schema.$schema && schema.title, `${name} has $id, $schema and title`);
      assert.deepEqual(schemaProblems(schema), [], name);
    }
  });

  it('the committed schemas/ match the model (run `npm run schemas` when this fails)', () => {
    const committed = readdirSync(join(REPO, 'schemas'))
      .filter((f) => f.endsWith('.json'))
      .sort();
    assert.deepEqual(committed, Object.keys(generated).sort(), 'schemas/ holds exactly the generated files: run npm run schemas');
    for (const name of committed) {
      assert.ok(readFileSync(join(REPO, 'schemas', name), 'utf8') === generated[name], `schemas/${name} is stale: run npm run schemas`);
    }
  });

  it('the committed validators compiled from them match the model (run `npm run schemas` when this fails)', async () => {
    const folder = join(REPO, 'src', 'language', 'validate', 'generated');
    const fresh = await buildSpecValidators();
    assert.deepEqual(readdirSync(folder).sort(), Object.keys(fresh).sort(), 'generated/ holds exactly the generated files: run npm run schemas');
    for (const [name, text] of Object.entries(fresh)) {
      assert.ok(readFileSync(join(folder, name), 'utf8') === text, `src/language/validate/generated/${name} is stale: run npm run schemas`);
    }
  });

  it('accept the examples written as TypeScript types', () => {
    for (const example of typedExamples) {
      const validate = validatorFor(example.kind);
      assert.ok(validate(example), `${example.id}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('the any-spec schema accepts every dashboards/ spec and picks the kind by `kind`', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    (addFormatsModule as unknown as { default: (a: Ajv) => Ajv }).default(ajv);
    const anySpec = ajv.compile(JSON.parse(generated['trailsight.schema.json']));
    const files = readdirSync(join(REPO, 'dashboards'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
    assert.ok(files.length >= 8);
    for (const file of files) {
      const spec = parse(readFileSync(join(REPO, 'dashboards', file), 'utf8'));
      assert.ok(anySpec(spec), `${file}: ${JSON.stringify(anySpec.errors)}`);
    }
    assert.equal(anySpec({ apiVersion: 'trailsight/v1', kind: 'DataSet', id: 'x', name: 'X', sheets: [] }), false);
  });

  it('every spec file points editors at its schema on the first line', () => {
    const files = readdirSync(join(REPO, 'dashboards'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
    for (const file of files) {
      const text = readFileSync(join(REPO, 'dashboards', file), 'utf8');
      const kind = /^kind: (\w+)$/m.exec(text)?.[1] as keyof typeof KIND_SCHEMAS;
      const up = '../'.repeat(file.split('/').length);
      assert.equal(text.split('\n')[0], `# yaml-language-server: $schema=${up}schemas/${kind.toLowerCase()}.schema.json`, file);
    }
  });
});
