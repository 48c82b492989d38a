import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Visual } from '@aws-sdk/client-quicksight';
import { readDefinition } from '../../src/preview/definition/index.ts';
import { readVisual } from '../../src/preview/definition/visuals.ts';
import { RECORDS_COLUMN } from '../../src/preview/definition/fields.ts';
import { VISUAL_TYPE_NAMES } from '../../src/preview/definition/visual-types.ts';

const MODEL = JSON.parse(readFileSync(new URL('../../src/awsmodel/models/quicksight.json', import.meta.url), 'utf8')) as { shapes: Record<string, { members?: Record<string, unknown> }> };

describe('preview: reading definitions', () => {
  it("names every visual type of QuickSight's API model", () => {
    assert.deepEqual(Object.keys(VISUAL_TYPE_NAMES).sort(), Object.keys(MODEL.shapes.Visual!.members!).sort());
  });

  it('a visual of a type it does not know, or that it misreads, is a box naming the type and why — never dropped', () => {
    const future = readVisual({ HologramVisual: { VisualId: 'h' } } as unknown as Visual, 's');
    assert.deepEqual(future, { id: 'h', sheetId: 's', kind: 'unsupported', visualType: 'HologramVisual', typeName: 'HologramVisual', reason: 'the preview cannot draw this type of visual' });
    const misread = readVisual({ BarChartVisual: { VisualId: 'b', ChartConfiguration: { FieldWells: { BarChartAggregatedFieldWells: { Values: [{ NumericalMeasureField: null }] } } } } } as unknown as Visual, 's');
    assert.equal(misread.kind, 'unsupported');
    assert.equal(misread.kind === 'unsupported' && misread.typeName, 'Bar chart (BarChartVisual)');
    assert.match(misread.kind === 'unsupported' ? misread.reason : '', /^the preview (could not read this visual|cannot draw a measure field of an unknown kind)/);
  });

  it('every visual of a sheet is in the model, drawn or a box, and each box is in the problems', () => {
    const visuals: Visual[] = Object.keys(VISUAL_TYPE_NAMES).map((key, i) => ({ [key]: { VisualId: `v${i}` } }) as Visual);
    const { model, problems } = readDefinition({ id: 'd', name: 'd', definition: { Sheets: [{ SheetId: 's', Visuals: visuals }] } as never });
    assert.equal(model.sheets[0]!.visuals.length, visuals.length);
    assert.equal(problems.length, visuals.length, 'a visual without fields is drawn by none: each says why');
    for (const [i, key] of Object.keys(VISUAL_TYPE_NAMES).entries()) assert.ok(problems.some((p) => p.startsWith(`sheet s, visual v${i}, ${VISUAL_TYPE_NAMES[key as keyof typeof VISUAL_TYPE_NAMES]} (${key}): `)), key);
  });

  it('empty Values: a chart counts records (QuickSight\'s Count of Records), a KPI without values is a box', () => {
    const column = { DataSetIdentifier: 'events', ColumnName: 'event_name' };
    const bar = readVisual({ BarChartVisual: { VisualId: 'b', ChartConfiguration: { FieldWells: { BarChartAggregatedFieldWells: { Category: [{ CategoricalDimensionField: { FieldId: 'c', Column: column } }], Values: [] } } } } }, 's');
    assert.equal(bar.kind, 'bar');
    assert.deepEqual(bar.kind === 'bar' && bar.measures, [{ fieldId: 'b.count-of-records', dataset: 'events', column: RECORDS_COLUMN, aggregation: 'COUNT', label: 'Count of Records' }]);
    const kpi = readVisual({ KPIVisual: { VisualId: 'k', ChartConfiguration: { FieldWells: { Values: [] } } } }, 's');
    assert.equal(kpi.kind, 'unsupported');
  });
});
