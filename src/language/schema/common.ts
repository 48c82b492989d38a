import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox';

/** The spec language version every file declares. */
export const API_VERSION = 'trailsight/v1';

/** Strict object: unknown keys are an error, as in every trailsight schema. */
export function strict<T extends TProperties>(properties: T, description: string): TObject<T> {
  return Type.Object(properties, { additionalProperties: false, description });
}

/** A QuickSight resource id: `[\w\-]+`, 1–512 characters; trailsight keeps to lower-case kebab case. */
export const ResourceId = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
  description: 'Stable id, lower-case letters, digits and dashes (becomes the QuickSight resource id, with the target prefix).',
});

/** An id local to a definition: sheets, visuals, filters. */
export const LocalId = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
  description: 'Id unique within this resource, lower-case letters, digits and dashes.',
});

/** A column name in a dataset's output. */
export const ColumnName = Type.String({
  pattern: '^[a-z_][a-z0-9_]{0,63}$',
  description: 'Column name: lower-case letters, digits and underscores.',
});

export const DisplayName = Type.String({ minLength: 1, maxLength: 128, description: 'Display name shown in QuickSight.' });

/** Fields every spec file starts with. */
export function header<K extends string>(kind: K, what: string) {
  return {
    apiVersion: Type.Literal(API_VERSION, { description: 'Spec language version; always trailsight/v1.' }),
    kind: Type.Literal(kind, { description: `Resource kind: ${kind} (${what}).` }),
    id: ResourceId,
    name: DisplayName,
    description: Type.Optional(Type.String({ maxLength: 1024, description: 'What this resource is for (kept in the spec only).' })),
  };
}

export const Tags = Type.Record(
  Type.String({ pattern: '^[A-Za-z0-9 _.:/=+@-]{1,128}$' }),
  Type.String({ minLength: 1, maxLength: 256, description: 'Tag value (QuickSight refuses empty values).' }),
  {
    description: 'Tags applied to every published resource, besides the ones trailsight adds itself.',
    additionalProperties: false,
  },
);

export type Tags = Static<typeof Tags>;
