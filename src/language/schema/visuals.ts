import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { LocalId, strict } from './common.ts';
import { Field, Fields, GRANULARITIES, Sort } from './fields.ts';

const Grid = strict(
  {
    col: Type.Integer({ minimum: 0, maximum: 35, description: 'Column index in the 36-column grid.' }),
    row: Type.Integer({ minimum: 0, maximum: 9009, description: 'Row index.' }),
    width: Type.Integer({ minimum: 1, maximum: 36, description: 'Width in grid columns.' }),
    height: Type.Integer({ minimum: 1, maximum: 21, description: 'Height in grid rows.' }),
  },
  'Position in the sheet grid; omitted, visuals flow left to right.',
);

function visual<K extends string, T extends TProperties>(type: K, what: string, roles: T) {
  return strict(
    {
      type: Type.Literal(type, { description: `Visual type: ${what}.` }),
      id: LocalId,
      title: Type.Optional(Type.String({ maxLength: 512, description: 'Title shown above the visual (at most 512 characters, as QuickSight allows).' })),
      subtitle: Type.Optional(Type.String({ maxLength: 1024, description: 'Subtitle shown under the title.' })),
      dataset: Type.Optional(Type.String({ pattern: '^[a-z0-9-]+$', description: 'Dataset alias (from `datasets`); default the only one.' })),
      width: Type.Optional(Type.Integer({ minimum: 1, maximum: 36, description: 'Width in grid columns (default 18; 36 is the full sheet).' })),
      height: Type.Optional(Type.Integer({ minimum: 1, maximum: 21, description: 'Height in grid rows (default 8).' })),
      grid: Type.Optional(Grid),
      ...roles,
    },
    `A ${what}.`,
  );
}

const limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, description: 'Show at most this many items (categories, rows).' }));
const sort = Type.Optional(Sort);
const granularity = Type.Optional(
  Type.Union(
    GRANULARITIES.map((g) => Type.Literal(g)),
    { description: 'Date granularity of the x axis.' },
  ),
);

export const Kpi = visual('kpi', 'a single number', { value: Field });
export const Bar = visual('bar', 'a bar chart', {
  x: Field,
  y: Type.Union([Field, Fields], { description: 'Measure(s) along the value axis.' }),
  color: Type.Optional(Field),
  horizontal: Type.Optional(Type.Boolean({ description: 'Bars run horizontally (default false).' })),
  stacked: Type.Optional(Type.Boolean({ description: 'Stack the color groups (default false: clustered).' })),
  sort,
  limit,
});
export const Line = visual('line', 'a line chart', {
  x: Field,
  y: Type.Union([Field, Fields], { description: 'Measure(s) along the value axis.' }),
  color: Type.Optional(Field),
  granularity,
});
export const Pie = visual('pie', 'a pie or donut chart', {
  group: Field,
  value: Field,
  donut: Type.Optional(Type.Boolean({ description: 'Draw as a donut (default false).' })),
  sort,
  limit,
});
export const Table = visual('table', 'a table', {
  columns: Fields,
  sort,
  limit,
});
export const Pivot = visual('pivot', 'a pivot table', {
  rows: Fields,
  columns: Type.Optional(Fields),
  values: Fields,
});
export const HeatMap = visual('heatmap', 'a heat map', {
  rows: Field,
  columns: Field,
  value: Field,
  limit,
});
export const Raw = strict(
  {
    type: Type.Literal('raw', { description: 'Visual type: any QuickSight Visual, passed through untouched.' }),
    id: LocalId,
    width: Type.Optional(Type.Integer({ minimum: 1, maximum: 36, description: 'Width in grid columns (default 18).' })),
    height: Type.Optional(Type.Integer({ minimum: 1, maximum: 21, description: 'Height in grid rows (default 8).' })),
    grid: Type.Optional(Grid),
    visual: Type.Record(Type.String(), Type.Unknown({ description: 'Passed to QuickSight as is.' }), {
      description: 'A QuickSight Visual object (e.g. {"BarChartVisual": {...}}); its VisualId must equal `id`.',
      additionalProperties: false,
    }),
  },
  'Escape hatch: a QuickSight visual definition passed through untouched.',
);

export const Visual = Type.Union([Kpi, Bar, Line, Pie, Table, Pivot, HeatMap, Raw], {
  description: 'A visual: kpi, bar, line, pie, table, pivot, heatmap, or raw.',
});
export type Visual = Static<typeof Visual>;
export type VisualType = Visual['type'];
