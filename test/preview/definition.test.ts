import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Visual } from '@aws-sdk/client-quicksight';
import { readDefinition } from '../../src/preview/definition/index.ts';
import { readVisual } from '../../src/preview/definition/visuals.ts';
import { RECORDS_COLUMN } from '../../src/preview/definition/fields.ts';
import { evaluateRollingDate, relativeRange, toWholeDays } from '../../src/preview/definition/rolling-dates.ts';
import { VISUAL_TYPE_NAMES } from '../../src/preview/definition/visual-types.ts';

const MODEL = JSON.parse(readFileSync(new URL('../../src/awsmodel/models/quicksight.json', import.meta.url), 'utf8')) as {
  shapes: Record<string, { members?: Record<string, unknown> }>;
};

describe('preview: reading definitions', () => {
  it("names every visual type of QuickSight's API model", () => {
    assert.deepEqual(Object.keys(VISUAL_TYPE_NAMES).sort(), Object.keys(MODEL.shapes.Visual!.members!).sort());
  });

  it('a visual of a type it does not know, or that it misreads, is a box naming the type and why — never dropped', () => {
    const future = readVisual({ HologramVisual: { VisualId: 'h' } } as unknown as Visual, 's');
    assert.deepEqual(future, {
      id: 'h',
      sheetId: 's',
      kind: 'unsupported',
      visualType: 'HologramVisual',
      typeName: 'HologramVisual',
      reason: 'the preview cannot draw this type of visual',
    });
    const misread = readVisual(
      {
        BarChartVisual: { VisualId: 'b', ChartConfiguration: { FieldWells: { BarChartAggregatedFieldWells: { Values: [{ NumericalMeasureField: null }] } } } },
      } as unknown as Visual,
      's',
    );
    assert.equal(misread.kind, 'unsupported');
    assert.equal(misread.kind === 'unsupported' && misread.typeName, 'Bar chart (BarChartVisual)');
    assert.match(
      misread.kind === 'unsupported' ? misread.reason : '',
      /^the preview (could not read this visual|cannot draw a measure field of an unknown kind)/,
    );
  });

  it('every visual of a sheet is in the model, drawn or a box, and each box is in the problems', () => {
    const visuals: Visual[] = Object.keys(VISUAL_TYPE_NAMES).map((key, i) => ({ [key]: { VisualId: `v${i}` } }) as Visual);
    const { model, problems } = readDefinition({ id: 'd', name: 'd', definition: { Sheets: [{ SheetId: 's', Visuals: visuals }] } as never });
    assert.equal(model.sheets[0]!.visuals.length, visuals.length);
    assert.equal(problems.length, visuals.length, 'a visual without fields is drawn by none: each says why');
    for (const [i, key] of Object.keys(VISUAL_TYPE_NAMES).entries())
      assert.ok(
        problems.some((p) => p.startsWith(`sheet s, visual v${i}, ${VISUAL_TYPE_NAMES[key as keyof typeof VISUAL_TYPE_NAMES]} (${key}): `)),
        key,
      );
  });

  it("empty Values: a chart counts records (QuickSight's Count of Records), a KPI without values is a box", () => {
    const column = { DataSetIdentifier: 'events', ColumnName: 'event_name' };
    const bar = readVisual(
      {
        BarChartVisual: {
          VisualId: 'b',
          ChartConfiguration: {
            FieldWells: { BarChartAggregatedFieldWells: { Category: [{ CategoricalDimensionField: { FieldId: 'c', Column: column } }], Values: [] } },
          },
        },
      },
      's',
    );
    assert.equal(bar.kind, 'bar');
    assert.deepEqual(bar.kind === 'bar' && bar.measures, [
      { fieldId: 'b.count-of-records', dataset: 'events', column: RECORDS_COLUMN, aggregation: 'COUNT', label: 'Count of Records' },
    ]);
    const kpi = readVisual({ KPIVisual: { VisualId: 'k', ChartConfiguration: { FieldWells: { Values: [] } } } }, 's');
    assert.equal(kpi.kind, 'unsupported');
  });

  describe('rolling and relative dates (now: Wednesday 2026-12-09 15:30 UTC)', () => {
    const now = new Date('2026-12-09T15:30:00Z');
    const context = { now, parameters: new Map([['AnchorDate', new Date('2026-03-31T12:00:00Z')]]) };
    const at = (text: string) => evaluateRollingDate(text, context).toISOString();

    it('works out rolling-date expressions as the real exports write them', () => {
      assert.equal(at("truncDate('DD', now())"), '2026-12-09T00:00:00.000Z');
      assert.equal(at("addDateTime(-7, 'DD', truncDate('DD', now()))"), '2026-12-02T00:00:00.000Z');
      assert.equal(at("addDateTime(-1, 'WK', truncDate('WK', now()))"), '2026-11-29T00:00:00.000Z', 'weeks start on Sunday');
      assert.equal(at("truncDate('MM', now())"), '2026-12-01T00:00:00.000Z');
      assert.equal(at("addDateTime(-1, 'MM', ${AnchorDate})"), '2026-02-28T12:00:00.000Z', 'a month back from the 31st is the last day of February');
      assert.equal(at("truncDate('Q', now())"), '2026-10-01T00:00:00.000Z');
      assert.throws(() => at('max({event_time})'), /the function max/);
      assert.throws(() => at("truncDate('FORTNIGHT', now())"), /not one of QuickSight's/);
    });

    it('works out relative dates filters: previous, this, up to now, last N, next N, anchored, excluding the current period', () => {
      const range = (f: Record<string, unknown>) => {
        const r = relativeRange(
          { FilterId: 'f', Column: undefined, NullOption: 'ALL_VALUES', AnchorDateConfiguration: { AnchorOption: 'NOW' }, ...f } as never,
          context,
        );
        return [r.min?.toISOString(), r.max?.toISOString(), r.maxIncluded];
      };
      assert.deepEqual(range({ RelativeDateType: 'PREVIOUS', TimeGranularity: 'MONTH', RelativeDateValue: 1 }), [
        '2026-11-01T00:00:00.000Z',
        '2026-12-01T00:00:00.000Z',
        false,
      ]);
      assert.deepEqual(range({ RelativeDateType: 'THIS', TimeGranularity: 'DAY' }), ['2026-12-09T00:00:00.000Z', '2026-12-10T00:00:00.000Z', false]);
      assert.deepEqual(range({ RelativeDateType: 'NOW', TimeGranularity: 'YEAR' }), ['2026-01-01T00:00:00.000Z', '2026-12-09T15:30:00.000Z', true]);
      assert.deepEqual(range({ RelativeDateType: 'LAST', TimeGranularity: 'DAY', RelativeDateValue: 7 }), [
        '2026-12-03T00:00:00.000Z',
        '2026-12-09T15:30:00.000Z',
        true,
      ]);
      assert.deepEqual(range({ RelativeDateType: 'NEXT', TimeGranularity: 'WEEK', RelativeDateValue: 2 }), [
        '2026-12-06T00:00:00.000Z',
        '2026-12-20T00:00:00.000Z',
        false,
      ]);
      assert.deepEqual(range({ RelativeDateType: 'PREVIOUS', TimeGranularity: 'DAY', AnchorDateConfiguration: { ParameterName: 'AnchorDate' } }), [
        '2026-03-30T00:00:00.000Z',
        '2026-03-31T00:00:00.000Z',
        false,
      ]);
      assert.deepEqual(
        range({
          RelativeDateType: 'LAST',
          TimeGranularity: 'DAY',
          RelativeDateValue: 7,
          ExcludePeriodConfiguration: { Amount: 1, Granularity: 'DAY', Status: 'ENABLED' },
        }),
        ['2026-12-03T00:00:00.000Z', '2026-12-09T00:00:00.000Z', false],
      );
    });

    it('a time range filter with rolling dates is a range fixed at the render; one it cannot work out is a problem, never dropped', () => {
      const group = (expression: string) => ({
        FilterGroupId: 'g',
        CrossDataset: 'SINGLE_DATASET',
        ScopeConfiguration: { AllSheets: {} },
        Filters: [
          {
            TimeRangeFilter: {
              FilterId: 't',
              Column: { DataSetIdentifier: 'events', ColumnName: 'event_time' },
              NullOption: 'NON_NULLS_ONLY',
              IncludeMinimum: true,
              RangeMinimumValue: { RollingDate: { Expression: expression } },
            },
          },
        ],
      });
      const read = (expression: string) => readDefinition({ id: 'd', name: 'd', now, definition: { Sheets: [], FilterGroups: [group(expression)] } as never });
      const good = read("addDateTime(-7, 'DD', truncDate('DD', now()))");
      assert.deepEqual(good.model.filters[0]!.condition, { kind: 'range', min: { value: '2026-12-02 00:00:00.000' }, includeMin: true, includeMax: true });
      const bad = read('maxOver({event_time})');
      assert.equal(bad.model.filters.length, 0);
      assert.deepEqual(bad.problems, ['filter t: the preview cannot work out its rolling date: the function maxOver']);
    });
  });

  it("a CrossSheet control takes the widget its filter's default control configuration names, else the one for the filter's kind", () => {
    const column = { DataSetIdentifier: 'events', ColumnName: 'event_time' };
    const definition = {
      Sheets: [
        {
          SheetId: 's',
          Visuals: [],
          FilterControls: [
            { CrossSheet: { FilterControlId: 'c1', SourceFilterId: 'period' } },
            { CrossSheet: { FilterControlId: 'c2', SourceFilterId: 'range' } },
            { CrossSheet: { FilterControlId: 'c3', SourceFilterId: 'gone' } },
          ],
        },
      ],
      FilterGroups: [
        {
          FilterGroupId: 'g',
          ScopeConfiguration: { AllSheets: {} },
          Filters: [
            {
              RelativeDatesFilter: {
                FilterId: 'period',
                Column: column,
                AnchorDateConfiguration: { AnchorOption: 'NOW' },
                TimeGranularity: 'MONTH',
                RelativeDateType: 'LAST',
                RelativeDateValue: 6,
                NullOption: 'NON_NULLS_ONLY',
                DefaultFilterControlConfiguration: { Title: 'Date Range', ControlOptions: { DefaultRelativeDateTimeOptions: {} } },
              },
            },
            { TimeRangeFilter: { FilterId: 'range', Column: column, NullOption: 'NON_NULLS_ONLY' } },
          ],
        },
      ],
    };
    const { model, problems } = readDefinition({ id: 'd', name: 'd', definition: definition as never, now: new Date('2026-12-09T00:00:00Z') });
    assert.deepEqual(
      model.sheets[0]!.controls.map((c) => [c.id, c.kind, c.title, c.crossSheet, c.relative]),
      [
        ['c1', 'relative-date', 'Date Range', true, { type: 'LAST', granularity: 'MONTH', value: 6 }],
        ['c2', 'date-range', 'range', true, undefined],
      ],
    );
    assert.deepEqual(problems, ['sheet s: the preview cannot show a CrossSheet filter control']);
  });

  it('a relative dates filter set by a control with hours is applied in the page to whole days, and says so', () => {
    const definition = {
      Sheets: [{ SheetId: 's', Visuals: [], FilterControls: [{ RelativeDateTime: { FilterControlId: 'c', SourceFilterId: 'recent', Title: 'Recent' } }] }],
      FilterGroups: [
        {
          FilterGroupId: 'g',
          ScopeConfiguration: { AllSheets: {} },
          Filters: [
            {
              RelativeDatesFilter: {
                FilterId: 'recent',
                Column: { DataSetIdentifier: 'events', ColumnName: 'event_time' },
                AnchorDateConfiguration: { AnchorOption: 'NOW' },
                TimeGranularity: 'HOUR',
                RelativeDateType: 'LAST',
                RelativeDateValue: 6,
                NullOption: 'NON_NULLS_ONLY',
              },
            },
          ],
        },
      ],
    };
    const { model, problems } = readDefinition({ id: 'd', name: 'd', definition: definition as never, now: new Date('2026-12-09T15:30:00Z') });
    assert.deepEqual(
      model.filters[0]!.condition,
      { kind: 'range', min: { value: '2026-12-09 00:00:00.000' }, max: { value: '2026-12-09 15:30:00.000' }, includeMin: true, includeMax: true },
      'the last 6 hours (from 10:00) widened to the day',
    );
    assert.deepEqual(problems, ['filter recent: set by a control, its relative dates (HOUR) are applied in the page to whole days']);
    const widened = toWholeDays({ min: new Date('2026-12-09T10:00:00Z'), max: new Date('2026-12-09T16:00:00Z'), maxIncluded: false });
    assert.deepEqual([widened.min?.toISOString(), widened.max?.toISOString()], ['2026-12-09T00:00:00.000Z', '2026-12-10T00:00:00.000Z']);
  });
});
