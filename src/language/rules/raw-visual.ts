import { checkDefinition, outputType, type DataSetColumn, type DefinitionPath } from '../../quicksight/index.ts';
import { datasetColumns, QUICKSIGHT_TYPE } from '../dataset-columns.ts';
import type { Finding } from '../finding.ts';
import type { JsonPath, YamlLocated } from '../load/located.ts';
import type { ParameterSpec, Visual } from '../schema/index.ts';
import { boardVisuals, type Board } from './board-parts.ts';
import type { RuleContext, Rule } from './rule.ts';
import { findingAt } from './rule.ts';

type RawVisual = Extract<Visual, { type: 'raw' }>;

/**
 * A `raw` visual holds one QuickSight visual (`{ BarChartVisual: {…} }`) whose VisualId equals the
 * visual's id, and keeps QuickSight's rules for a definition (src/quicksight) where it stands: among
 * the board's datasets (their columns, with their types) and parameters.
 */
export const rawVisual: Rule = {
  name: 'raw-visual',
  check(context) {
    return context.boards.flatMap((located) => {
      const raws = boardVisuals(located.spec).filter((v): v is typeof v & { visual: RawVisual } => v.visual.type === 'raw');
      const shapes = raws.flatMap(({ visual, path }) =>
        shapeProblems(visual, path).map((p) => findingAt(located, p.path, this.name, `raw visual '${visual.id}': ${p.message}`)),
      );
      return shapes.length > 0 ? shapes : quicksightProblems(context, located, this.name);
    });
  },
};

function shapeProblems(visual: RawVisual, path: JsonPath): { path: JsonPath; message: string }[] {
  const keys = Object.keys(visual.visual);
  const [key] = keys;
  if (keys.length !== 1 || key === undefined || !key.endsWith('Visual')) {
    return [
      {
        path: [...path, 'visual'],
        message: `expected exactly one QuickSight visual type key (e.g. BarChartVisual), found ${keys.length === 1 ? `'${key}'` : keys.length}`,
      },
    ];
  }
  const inner = visual.visual[key] as { VisualId?: unknown } | null;
  const visualId = typeof inner === 'object' && inner !== null ? inner.VisualId : undefined;
  if (visualId === visual.id) return [];
  const where = visualId === undefined ? [...path, 'visual', key] : [...path, 'visual', key, 'VisualId'];
  return [{ path: where, message: `${key}.VisualId must be '${visual.id}' (the visual's id), found ${JSON.stringify(visualId ?? null)}` }];
}

/**
 * QuickSight's rules over a definition of the board's datasets (declared by alias, their columns
 * typed as QuickSight types them), its parameters and its raw visuals, each violation inside a raw
 * visual reported at its place in the spec.
 */
function quicksightProblems(context: RuleContext, located: YamlLocated<Board>, rule: string): Finding[] {
  const board = located.spec;
  const places = new Map<string, JsonPath>();
  const Sheets = board.sheets.map((sheet, s) => {
    const raws = sheet.visuals.flatMap((visual, v) => (visual.type === 'raw' ? [{ visual, v }] : []));
    raws.forEach(({ v }, k) => places.set(`${s}/${k}`, ['sheets', s, 'visuals', v, 'visual']));
    return { SheetId: sheet.id, Visuals: raws.map(({ visual }) => visual.visual) };
  });
  if (places.size === 0) return [];
  const definition = {
    DataSetIdentifierDeclarations: Object.entries(board.datasets).map(([Identifier, DataSetArn]) => ({ Identifier, DataSetArn })),
    ParameterDeclarations: (board.parameters ?? []).map(parameterDeclaration),
    Sheets,
  };
  const columns = (datasetId: string): DataSetColumn[] | undefined => {
    const dataset = context.datasets.find((d) => d.spec.id === datasetId)?.spec;
    return dataset && [...datasetColumns(dataset).values()].map((c) => ({ name: c.name, type: c.type && outputType(QUICKSIGHT_TYPE[c.type]) }));
  };
  return checkDefinition(definition, columns).flatMap((violation) => {
    const at = specPath(violation.path, places);
    if (!at) return []; // outside the raw visuals: other rules' business
    const visual = board.sheets[at[1] as number]?.visuals[at[3] as number];
    return [findingAt(located, at, rule, `raw visual '${visual?.id ?? '?'}': QuickSight would refuse it: ${violation.message}`)];
  });
}

/** `Sheets[s].Visuals[k]…` of the definition above → the raw visual's place in the spec, and on inside it. */
function specPath(path: DefinitionPath, places: ReadonlyMap<string, JsonPath>): JsonPath | undefined {
  if (path[0] !== 'Sheets' || path[2] !== 'Visuals') return undefined;
  const base = places.get(`${String(path[1])}/${String(path[3])}`);
  return base && [...base, ...path.slice(4)];
}

function parameterDeclaration(parameter: ParameterSpec) {
  const declaration = { Name: parameter.name };
  switch (parameter.type) {
    case 'string':
      return { StringParameterDeclaration: declaration };
    case 'integer':
      return { IntegerParameterDeclaration: declaration };
    case 'decimal':
      return { DecimalParameterDeclaration: declaration };
    case 'datetime':
      return { DateTimeParameterDeclaration: declaration };
  }
}
