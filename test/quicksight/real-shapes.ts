import type { AwsModel } from '../../src/awsmodel/index.ts';

// What real definitions are made of, read from them: the shapes of QuickSight's API model each object
// of a definition is, the members each has, and the values of its enum members. test/quicksight/
// real-shapes.test.ts derives from test/quicksight/corpus what real exports write, and holds our
// compiled definitions to it.

type Json = Record<string, any>;

/** An object of a definition, typed by the API model: its shape, its members, where it is. */
export interface ShapeUse {
  readonly shape: string;
  readonly members: readonly string[];
  /** Its enum members' values, `Member=VALUE`. */
  readonly values: readonly string[];
  readonly path: string;
}

/** Every object of `definition` (an AnalysisDefinition), typed by the shapes of the API model, depth first. */
export function shapeUses(model: AwsModel, definition: unknown): ShapeUse[] {
  const uses: ShapeUse[] = [];
  const step = (shapeName: string, value: unknown, path: string): void => {
    const shape = model.shapes[shapeName];
    if (!shape || value === null || value === undefined) return;
    if (shape.type === 'list' && Array.isArray(value)) value.forEach((item, i) => step(shape.member!.shape, item, `${path}[${i}]`));
    if (shape.type !== 'structure' || typeof value !== 'object' || value instanceof Date || Array.isArray(value)) return;
    const members = Object.keys(value as Json).filter((k) => shape.members?.[k] && (value as Json)[k] !== undefined);
    const values = members.flatMap((k) => (model.shapes[shape.members![k]!.shape]?.enum ? [`${k}=${(value as Json)[k]}`] : []));
    uses.push({ shape: shapeName, members, values, path });
    for (const k of members) step(shape.members![k]!.shape, (value as Json)[k], `${path}.${k}`);
  };
  step('AnalysisDefinition', definition, 'Definition');
  return uses;
}

/** What real objects of one shape have: every member some of them has, the members all of them have, the enum values they take. */
export interface RealShape {
  readonly count: number;
  readonly members: ReadonlySet<string>;
  readonly always: ReadonlySet<string>;
  readonly values: ReadonlySet<string>;
}

export function realShapes(uses: readonly ShapeUse[]): Map<string, RealShape> {
  const shapes = new Map<string, { count: number; members: Set<string>; always: Set<string>; values: Set<string> }>();
  for (const use of uses) {
    const known = shapes.get(use.shape);
    if (!known) {
      shapes.set(use.shape, { count: 1, members: new Set(use.members), always: new Set(use.members), values: new Set(use.values) });
      continue;
    }
    known.count++;
    for (const m of use.members) known.members.add(m);
    for (const m of [...known.always]) if (!use.members.includes(m)) known.always.delete(m);
    for (const v of use.values) known.values.add(v);
  }
  return shapes;
}

/**
 * The constructs of `use` that no real object of its shape has: the shape itself (no real one), a
 * member (`Shape.Member`), an enum value (`Shape.Member=VALUE`), or the lack of a member every real one
 * has (`Shape without Member`).
 */
export function unlikeReal(use: ShapeUse, real: ReadonlyMap<string, RealShape>): string[] {
  const shape = real.get(use.shape);
  if (!shape) return [use.shape];
  return [
    ...use.members.filter((m) => !shape.members.has(m)).map((m) => `${use.shape}.${m}`),
    ...use.values.filter((v) => !shape.values.has(v)).map((v) => `${use.shape}.${v}`),
    ...[...shape.always].filter((m) => !use.members.includes(m)).map((m) => `${use.shape} without ${m}`),
  ];
}
