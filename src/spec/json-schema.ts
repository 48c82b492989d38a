import { API_VERSION, KIND_SCHEMAS, KINDS, type Kind } from './model/index.ts';

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
    properties: { kind: { enum: KINDS, description: 'Resource kind.' } },
    allOf: KINDS.map((kind) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { $ref: `#/definitions/${kind}` },
    })),
    definitions: Object.fromEntries(KINDS.map((kind) => [kind, KIND_SCHEMAS[kind]])),
  });
  return files;
}

function render(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
