import { Type, type Static } from '@sinclair/typebox';
import { header, LocalId, ResourceId, strict } from './common.ts';
import { Control, Filter, Parameter } from './interaction.ts';
import { Visual } from './visuals.ts';

export const Sheet = strict(
  {
    id: LocalId,
    title: Type.String({ minLength: 1, maxLength: 2048, description: 'Sheet tab title.' }),
    description: Type.Optional(Type.String({ maxLength: 1024, description: 'Text shown at the top of the sheet.' })),
    controls: Type.Optional(Type.Array(Control, { description: 'Controls shown at the top of the sheet.' })),
    visuals: Type.Array(Visual, { minItems: 1, maxItems: 50, description: 'Visuals, laid out on a 36-column grid.' }),
  },
  'A sheet (tab).',
);
export type SheetSpec = Static<typeof Sheet>;

function analysisProperties<K extends 'Dashboard' | 'Analysis'>(kind: K, what: string) {
  return {
    ...header(kind, what),
    datasets: Type.Record(Type.String({ pattern: '^[a-z0-9-]+$' }), ResourceId, {
      description: 'Datasets used, as alias: dataset id.',
      minProperties: 1,
      additionalProperties: false,
    }),
    theme: Type.Optional(Type.String({ ...ResourceId, description: "The id of the Theme spec it is drawn with (else QuickSight's default theme)." })),
    parameters: Type.Optional(Type.Array(Parameter, { description: 'Parameters.' })),
    filters: Type.Optional(Type.Array(Filter, { description: 'Filters, each scoped to sheets or visuals.' })),
    sheets: Type.Array(Sheet, { minItems: 1, maxItems: 20, description: 'Sheets (tabs).' }),
  };
}

export const DashboardSpec = strict(
  {
    ...analysisProperties('Dashboard', 'a published dashboard and the analysis it comes from'),
    publish: Type.Optional(
      strict(
        {
          adHocFiltering: Type.Optional(Type.Boolean({ description: 'Let viewers filter visuals (default true).' })),
          export: Type.Optional(Type.Boolean({ description: 'Let viewers export data to CSV (default true).' })),
          expandControls: Type.Optional(Type.Boolean({ description: 'Show the controls pane expanded (default true).' })),
        },
        'Dashboard publish options.',
      ),
    ),
  },
  'A dashboard: compiles to a QuickSight analysis and the dashboard published from it.',
);

export const AnalysisSpec = strict(analysisProperties('Analysis', 'an analysis only, not published'), 'An analysis, not published as a dashboard.');

export type DashboardSpec = Static<typeof DashboardSpec>;
export type AnalysisSpec = Static<typeof AnalysisSpec>;
