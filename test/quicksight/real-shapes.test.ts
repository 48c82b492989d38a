import assert from 'node:assert/strict';
import type { AnalysisDefinition } from '@aws-sdk/client-quicksight';
import { loadModel } from '../../src/awsmodel/index.ts';
import { resolveTarget } from '../../src/compile/index.ts';
import { compile } from '../../src/kinds/index.ts';
import { checkSpecs, type CheckedSpecs } from '../../src/language/index.ts';
import { dashboardSpecs, fixtureSpecs } from '../compile/helpers.ts';
import { sourcesIn } from '../language/helpers.ts';
import { loadCorpus } from './corpus.ts';
import { realShapes, shapeUses, unlikeReal } from './real-shapes.ts';

// Issue 14, point 3: our definitions look like real ones. What real console exports do is derived
// here from test/quicksight/corpus (real definitions, their source and commit in its README) — not
// from our endpoint — and our compiled definitions are held to it: the shipped dashboards wholly, the
// test specs but for the constructs listed in BEYOND_CORPUS, each of which rests on AWS's API model
// alone.

type Json = Record<string, any>;

const model = loadModel('quicksight')!;
const REAL = loadCorpus({ account: '111122223333', region: 'us-east-1', dataSourceArn: 'arn:aws:quicksight:us-east-1:111122223333:datasource/x' }).map((e) => ({
  name: e.name,
  definition: e.definition,
}));
/** What the real objects of each shape have. */
const REAL_SHAPES = realShapes(REAL.flatMap((r) => shapeUses(model, r.definition)));

/** The analysis definitions compile makes of a spec set. */
function compiled(specs: CheckedSpecs): { name: string; definition: Json }[] {
  return compile(specs, resolveTarget(specs.project.spec)).flatMap((r) =>
    r.kind === 'Analysis' ? [{ name: `${r.kind} ${r.id}`, definition: r.input.Definition as AnalysisDefinition as Json }] : [],
  );
}

function testSpecs(): { name: string; definition: Json }[] {
  const { checked } = checkSpecs([...sourcesIn('base'), ...sourcesIn('valid')]);
  assert.ok(checked, 'the valid fixtures pass the gate');
  return [...compiled(fixtureSpecs()), ...compiled(checked)];
}

// ---- the properties, each read on a definition: how many places it applies to, and where it fails ----

interface FilterUse {
  readonly id: string;
  readonly kind: string;
  readonly body: Json;
  /** The sheets its group applies to. */
  readonly sheets: readonly string[];
}

function filtersOf(definition: Json): Map<string, FilterUse> {
  const allSheets = (definition.Sheets ?? []).map((s: Json) => s.SheetId as string);
  const filters = new Map<string, FilterUse>();
  for (const group of definition.FilterGroups ?? []) {
    const scope = group.ScopeConfiguration ?? {};
    const sheets: string[] = scope.AllSheets
      ? allSheets
      : [...new Set<string>((scope.SelectedSheets?.SheetVisualScopingConfigurations ?? []).map((c: Json) => c.SheetId))];
    for (const filter of group.Filters ?? []) {
      const [kind, body] = Object.entries(filter as Json)[0]!;
      filters.set(body.FilterId, { id: body.FilterId, kind, body, sheets });
    }
  }
  return filters;
}

function filterControls(definition: Json): { sheetId: string; kind: string; body: Json }[] {
  return (definition.Sheets ?? []).flatMap((sheet: Json) =>
    (sheet.FilterControls ?? []).map((c: Json) => {
      const [kind, body] = Object.entries(c)[0]!;
      return { sheetId: sheet.SheetId, kind, body };
    }),
  );
}

interface Property {
  readonly says: string;
  /** The places the property applies to in a definition, and the ones that break it. */
  readonly read: (definition: Json) => { applies: number; breaks: string[] };
}

const PROPERTIES: readonly Property[] = [
  {
    says: 'a control of a filter on several sheets is a CrossSheet control',
    read: (d) => {
      const filters = filtersOf(d);
      const on = filterControls(d).filter((c) => (filters.get(c.body.SourceFilterId)?.sheets.length ?? 0) > 1);
      return { applies: on.length, breaks: on.filter((c) => c.kind !== 'CrossSheet').map((c) => `${c.kind} ${c.body.FilterControlId}`) };
    },
  },
  {
    says: "a CrossSheet control's filter applies to several sheets, its own among them, and carries a DefaultFilterControlConfiguration",
    read: (d) => {
      const filters = filtersOf(d);
      const cross = filterControls(d).filter((c) => c.kind === 'CrossSheet');
      const breaks = cross.flatMap((c) => {
        const f = filters.get(c.body.SourceFilterId);
        const fine = f && f.sheets.length > 1 && f.sheets.includes(c.sheetId) && f.body.DefaultFilterControlConfiguration;
        return fine ? [] : [`CrossSheet ${c.body.FilterControlId}`];
      });
      return { applies: cross.length, breaks };
    },
  },
  {
    says: 'a filter with a DefaultFilterControlConfiguration applies to several sheets and has CrossSheet controls',
    read: (d) => {
      const shown = new Set(filterControls(d).flatMap((c) => (c.kind === 'CrossSheet' ? [c.body.SourceFilterId] : [])));
      const withDefaults = [...filtersOf(d).values()].filter((f) => f.body.DefaultFilterControlConfiguration);
      return { applies: withDefaults.length, breaks: withDefaults.filter((f) => f.sheets.length < 2 || !shown.has(f.id)).map((f) => f.id) };
    },
  },
  {
    says: 'a time range filter has a bound and a TimeGranularity',
    read: (d) => {
      const ranges = [...filtersOf(d).values()].filter((f) => f.kind === 'TimeRangeFilter');
      const bounded = (f: FilterUse) => (f.body.RangeMinimumValue || f.body.RangeMaximumValue) && f.body.TimeGranularity;
      return { applies: ranges.length, breaks: ranges.filter((f) => !bounded(f)).map((f) => f.id) };
    },
  },
  {
    says: 'a relative dates filter is anchored, with a TimeGranularity and a MinimumGranularity',
    read: (d) => {
      const relative = [...filtersOf(d).values()].filter((f) => f.kind === 'RelativeDatesFilter');
      const whole = (f: FilterUse) => f.body.AnchorDateConfiguration && f.body.TimeGranularity && f.body.MinimumGranularity;
      return { applies: relative.length, breaks: relative.filter((f) => !whole(f)).map((f) => f.id) };
    },
  },
  {
    says: 'a sheet with controls has SheetControlLayouts',
    read: (d) => {
      const sheets = (d.Sheets ?? []).filter((s: Json) => (s.FilterControls?.length ?? 0) + (s.ParameterControls?.length ?? 0) > 0);
      return { applies: sheets.length, breaks: sheets.filter((s: Json) => !s.SheetControlLayouts?.length).map((s: Json) => s.SheetId) };
    },
  },
];

// ---- the constructs: members and enum values of the shapes point 3 is about ----

/** Time filters and what they hold, filter controls of time filters and of filters on several sheets, and control layouts. */
const SHAPES = new Set([
  'TimeRangeFilter',
  'RelativeDatesFilter',
  'TimeRangeFilterValue',
  'RollingDateConfiguration',
  'AnchorDateConfiguration',
  'FilterControl',
  'FilterCrossSheetControl',
  'FilterDateTimePickerControl',
  'FilterRelativeDateTimeControl',
  'DefaultFilterControlConfiguration',
  'DefaultFilterControlOptions',
  'DefaultFilterDropDownControlOptions',
  'DefaultFilterListControlOptions',
  'DefaultTextFieldControlOptions',
  'DefaultDateTimePickerControlOptions',
  'DefaultRelativeDateTimeControlOptions',
  'DefaultSliderControlOptions',
  'DropDownControlDisplayOptions',
  'TextFieldControlDisplayOptions',
  'DateTimePickerControlDisplayOptions',
  'RelativeDateTimeControlDisplayOptions',
  'SliderControlDisplayOptions',
  'SheetControlLayout',
  'SheetControlLayoutConfiguration',
]);

/**
 * What the test specs use that no real definition has, each resting on AWS's API model (and the
 * console's menus) alone: the spec language can say it, the shipped dashboards do not.
 */
const BEYOND_CORPUS: Readonly<Record<string, string>> = {
  'FilterControl.Slider': 'a slider on a numeric range: FilterSliderControl (API model); the corpus has sliders on parameters only',
  'RelativeDatesFilter.MinimumGranularity=HOUR': '`lastHours`: the corpus has relative dates in days, months and years only',
  'RelativeDatesFilter.TimeGranularity=HOUR': '`lastHours`: the corpus has relative dates in days, months and years only',
};

function constructs(definition: Json): string[] {
  return shapeUses(model, definition)
    .filter((use) => SHAPES.has(use.shape))
    .flatMap((use) => unlikeReal(use, REAL_SHAPES));
}

describe('our definitions look like real ones (issue 14, point 3; test/quicksight/corpus)', function () {
  this.timeout(120_000);
  let shipped: { name: string; definition: Json }[] = [];
  let tests: { name: string; definition: Json }[] = [];

  before(async () => {
    shipped = compiled(await dashboardSpecs());
    tests = testSpecs();
  });

  for (const property of PROPERTIES) {
    it(`real definitions: ${property.says}; and ours`, () => {
      const real = REAL.map((r) => ({ name: r.name, ...property.read(r.definition) }));
      assert.ok(
        real.reduce((n, r) => n + r.applies, 0) > 0,
        'the corpus has places the property applies to (else it would say nothing about real definitions)',
      );
      assert.deepEqual(
        real.flatMap((r) => r.breaks.map((b) => `${r.name}: ${b}`)),
        [],
        'every real definition has it',
      );
      for (const [what, ours] of [
        ['dashboards/', shipped],
        ['test specs', tests],
      ] as const) {
        assert.deepEqual(
          ours.flatMap((o) => property.read(o.definition).breaks.map((b) => `${o.name}: ${b}`)),
          [],
          `${what}: ${property.says}`,
        );
      }
    });
  }

  it('the properties apply to our definitions too: the shipped dashboards have cross-sheet controls and relative dates, the test specs time ranges', () => {
    const applies = (defs: { definition: Json }[], says: string) =>
      defs.reduce((n, d) => n + PROPERTIES.find((p) => p.says.startsWith(says))!.read(d.definition).applies, 0);
    assert.ok(applies(shipped, 'a control of a filter on several sheets') > 0);
    assert.ok(applies(shipped, 'a relative dates filter') > 0);
    assert.ok(applies(tests, 'a time range filter') > 0);
    assert.ok(applies(tests, "a CrossSheet control's filter") > 0);
  });

  it('the shipped dashboards use no member, value or shape of time filters, filter controls and control layouts that the real definitions lack', () => {
    assert.deepEqual(
      shipped.flatMap((s) => [...new Set(constructs(s.definition))].map((c) => `${s.name}: ${c}`)),
      [],
    );
  });

  it('the test specs use none either, but the ones listed, each used', () => {
    const used = new Set(tests.flatMap((t) => constructs(t.definition)));
    assert.deepEqual(
      [...used].filter((c) => !(c in BEYOND_CORPUS)).sort(),
      [],
      'constructs no real definition has (list them in BEYOND_CORPUS with their evidence, or make them like the real ones)',
    );
    assert.deepEqual(
      Object.keys(BEYOND_CORPUS).filter((c) => !used.has(c)),
      [],
      'listed but no longer used',
    );
  });
});
