import { API_VERSION, KIND_SCHEMAS, KINDS, type Kind } from './schema/index.ts';

const DRAFT = 'http://json-schema.org/draft-07/schema#';
const BASE = 'https://trailsight.dev/schemas/v1';

/** File name of a kind's schema in `schemas/`, e.g. `dataset.schema.json`. */
export function schemaFileName(kind: Kind | 'trailsight'): string {
  return `${kind.toLowerCase()}.schema.json`;
}

/**
 * The JSON Schema files, generated from the TypeBox model (the one source of the TS types):
 * one per kind, and `trailsight.schema.json` accepting any spec, chosen by `kind`.
 * Deterministic: the same model gives byte-identical files.
 */
export function buildSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const kind of KINDS) {
    files[schemaFileName(kind)] = render({
      $schema: DRAFT,
      $id: `${BASE}/${schemaFileName(kind)}`,
      title: `trailsight ${kind} (${API_VERSION})`,
      ...KIND_SCHEMAS[kind],
    });
  }
  files[schemaFileName('trailsight')] = render({
    $schema: DRAFT,
    $id: `${BASE}/${schemaFileName('trailsight')}`,
    title: `trailsight spec (${API_VERSION})`,
    description: `Any trailsight spec: ${KINDS.join(', ')}, chosen by its kind.`,
    type: 'object',
    required: ['kind'],
    // Every top-level key of any kind; the kind's own schema (below) then checks the spec exactly.
    properties: { ...topLevelKeys(), kind: { enum: KINDS, description: 'Resource kind.' } },
    additionalProperties: false,
    allOf: KINDS.map((kind) => ({
      if: { properties: { kind: { const: kind, description: `A ${kind} spec.` } }, required: ['kind'] },
      then: { $ref: `#/definitions/${kind}` },
    })),
    definitions: Object.fromEntries(KINDS.map((kind) => [kind, KIND_SCHEMAS[kind]])),
  });
  return files;
}

function topLevelKeys(): Record<string, { description: string }> {
  const keys: Record<string, { description: string }> = {};
  for (const kind of KINDS) {
    for (const [key, schema] of Object.entries(KIND_SCHEMAS[kind].properties)) {
      keys[key] ??= { description: (schema as { description?: string }).description ?? key };
    }
  }
  return Object.fromEntries(Object.entries(keys).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function render(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
