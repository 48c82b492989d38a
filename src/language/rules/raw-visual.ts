import { checkDefinition } from '../../compile/check/index.ts';
import { datasetColumns } from '../dataset-columns.ts';
import type { Finding } from '../finding.ts';
import type { JsonPath, YamlLocated } from '../load/located.ts';
import type { Visual } from '../schema/index.ts';
import { visualFields } from '../visual-fields.ts';
import { boardVisuals, type Board } from './board-parts.ts';
import type { LintContext, Rule } from './rule.ts';
import { findingAt } from './rule.ts';

type RawVisual = Extract<Visual, { type: 'raw' }>;

/**
 * A `raw` visual holds one QuickSight visual (`{ BarChartVisual: {…} }`) whose VisualId equals the
 * visual's id, and keeps QuickSight's rules for a definition (the ones compile checks): columns of
 * the board's datasets with fitting types, declared parameters, field ids no other visual has.
 */
export const rawVisual: Rule = {
  name: 'raw-visual',
  check(context) {
    return context.boards.flatMap((located) => {
      const raws = boardVisuals(located.spec).filter((v): v is typeof v & { visual: RawVisual } => v.visual.type === 'raw');
      const shapes = raws.flatMap(({ visual, path }) => shapeProblems(visual, path).map((p) => findingAt(located, p.path, this.name, `raw visual '${visual.id}': ${p.message}`)));
      return shapes.length > 0 ? shapes : [...definitionProblems(context, located, this.name), ...fieldIdClashes(located, this.name)];
    });
  },
};

function shapeProblems(visual: RawVisual, path: JsonPath): { path: JsonPath; message: string }[] {
  const keys = Object.keys(visual.visual);
  if (keys.length !== 1 || !keys[0].endsWith('Visual')) {
    return [{ path: [...path, 'visual'], message: `expected exactly one QuickSight visual type key (e.g. BarChartVisual), found ${keys.length === 1 ? `'${keys[0]}'` : keys.length}` }];
  }
  const inner = visual.visual[keys[0]] as { VisualId?: unknown } | null;
  const visualId = typeof inner === 'object' && inner !== null ? inner.VisualId : undefined;
  if (visualId === visual.id) return [];
  const where = visualId === undefined ? [...path, 'visual', keys[0]] : [...path, 'visual', keys[0], 'VisualId'];
  return [{ path: where, message: `${keys[0]}.VisualId must be '${visual.id}' (the visual's id), found ${JSON.stringify(visualId ?? null)}` }];
}

/** compile's QuickSight rules over a definition holding the board's datasets, parameters and raw visuals. */
function definitionProblems(context: LintContext, located: YamlLocated<Board>, rule: string): Finding[] {
  const board = located.spec;
  const yamlPaths = new Map<string, JsonPath>();
  const Sheets = board.sheets.map((sheet, s) => {
    const raws = sheet.visuals.flatMap((visual, v) => (visual.type === 'raw' ? [{ visual, v }] : []));
    raws.forEach(({ v }, k) => yamlPaths.set(`Sheets[${s}].Visuals[${k}]`, ['sheets', s, 'visuals', v, 'visual']));
    return { SheetId: sheet.id, Visuals: raws.map(({ visual }) => visual.visual) };
  });
  if (yamlPaths.size === 0) return [];
  const definition = {
    DataSetIdentifierDeclarations: Object.keys(board.datasets).map((Identifier) => ({ Identifier, DataSetArn: board.datasets[Identifier] })),
    ParameterDeclarations: (board.parameters ?? []).map((p) => ({ StringParameterDeclaration: { Name: p.name } })),
    Sheets,
  };
  const columns = Object.entries(board.datasets).flatMap(([identifier, id]) => {
    const dataset = context.datasets.find((d) => d.spec.id === id)?.spec;
    return dataset ? [{ identifier, columns: [...datasetColumns(dataset).values()] }] : [];
  });
  return checkDefinition(definition, columns).flatMap((problem) => {
    const [, visualPath, rest] = /^(Sheets\[\d+\]\.Visuals\[\d+\])(.*)$/.exec(problem.path) ?? [];
    const base = visualPath === undefined ? undefined : yamlPaths.get(visualPath);
    if (!base) return []; // outside the raw visuals: other rules' business
    const visual = board.sheets[base[1] as number].visuals[base[3] as number];
    return [findingAt(located, [...base, ...parsePath(rest)], rule, `raw visual '${visual.id}': QuickSight would refuse it: ${problem.message}`)];
  });
}

/** Field ids compile gives the other visuals (`<visual>.<role>.<n>`) are not for raw visuals to reuse. */
function fieldIdClashes(located: YamlLocated<Board>, rule: string): Finding[] {
  const generated = new Map<string, string>();
  for (const { visual } of boardVisuals(located.spec)) {
    for (const f of visualFields(visual)) if (f.role !== 'sort') generated.set(`${visual.id}.${f.role}.${f.path[1] ?? 0}`, visual.id);
  }
  return boardVisuals(located.spec).flatMap(({ visual, path }) =>
    visual.type !== 'raw'
      ? []
      : fieldIds(visual.visual, [...path, 'visual']).flatMap(({ id, at }) => {
          const owner = generated.get(id);
          return owner ? [findingAt(located, at, rule, `raw visual '${visual.id}': field id '${id}' is the id of a field of visual '${owner}': choose another`)] : [];
        }),
  );
}

function fieldIds(value: unknown, path: JsonPath): { id: string; at: JsonPath }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => fieldIds(item, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  const here = typeof node.FieldId === 'string' ? [{ id: node.FieldId, at: [...path, 'FieldId'] }] : [];
  return [...here, ...Object.entries(node).flatMap(([key, child]) => fieldIds(child, [...path, key]))];
}

/** `.A.B[2].C` → ['A', 'B', 2, 'C'] */
function parsePath(text: string): (string | number)[] {
  return [...text.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]));
}
