import type { ControlSpec, FilterSpec } from './schema/index.ts';

/**
 * The range a slider control offers: the control's `min` and `max`, else — on a filter — the filter's
 * numeric `between` bounds; step `step`, default 1. A bound is missing when neither gives it.
 */
export function sliderBounds(control: ControlSpec, filter?: FilterSpec): { min?: number; max?: number; step: number } {
  const between = filter?.between;
  const min = control.min ?? (typeof between?.min === 'number' ? between.min : undefined);
  const max = control.max ?? (typeof between?.max === 'number' ? between.max : undefined);
  return { min, max, step: control.step ?? 1 };
}
