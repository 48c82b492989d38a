import type { AnyVisual, DashboardModel, MeasureField } from '../dashboard-model.ts';
import type { CalculatedMeasure } from './calculated.ts';

/** Measures that name an aggregated calculated field get its formula and leaves. */
export function expandCalculatedMeasures(model: DashboardModel, measures: ReadonlyMap<string, ReadonlyMap<string, CalculatedMeasure>>): DashboardModel {
  const expand = (visual: AnyVisual): AnyVisual => {
    if (visual.kind === 'unsupported') return visual;
    const byName = measures.get(visual.dataset);
    if (!byName) return visual;
    return {
      ...visual,
      measures: visual.measures.map((measure): MeasureField => {
        const calculated = byName.get(measure.column);
        return calculated ? { ...measure, label: measure.label.replace(/ \(Sum\)$/, ''), calculated } : measure;
      }),
    };
  };
  return { ...model, sheets: model.sheets.map((sheet) => ({ ...sheet, visuals: sheet.visuals.map(expand) })) };
}
