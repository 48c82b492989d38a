import type { FilterGroup, Visual, VisualSubtitleLabelOptions, VisualTitleLabelOptions } from '@aws-sdk/client-quicksight';
import type { CheckedVisual } from '../../language/index.ts';

/** The checked visual of one type, e.g. `CheckedOf<'bar'>`. */
export type CheckedOf<K extends CheckedVisual['type']> = Extract<CheckedVisual, { type: K }>;

/** A compiled visual, with any filter groups it needs for itself (e.g. a table's top-N limit). */
export interface BuiltVisual {
  readonly visual: Visual;
  readonly filterGroups?: readonly FilterGroup[];
}

/** One entry of the visual registry: the QuickSight visual it becomes and how to build it. */
export interface VisualType<V> {
  /** The member of QuickSight's `Visual` union this type compiles to (`raw` can be any). */
  readonly quicksight: keyof Visual | '*';
  build(visual: V): BuiltVisual;
}

/** Title and subtitle, shown when the spec gives them. */
export function titles(spec: { title?: string; subtitle?: string }): { Title?: VisualTitleLabelOptions; Subtitle?: VisualSubtitleLabelOptions } {
  return {
    ...(spec.title ? { Title: { Visibility: 'VISIBLE', FormatText: { PlainText: spec.title } } } : {}),
    ...(spec.subtitle ? { Subtitle: { Visibility: 'VISIBLE', FormatText: { PlainText: spec.subtitle } } } : {}),
  };
}

/** `{ Legend: { Title } }` when the field has a label. */
export function legendTitle(label: string | undefined) {
  return label ? { Legend: { Title: { Visibility: 'VISIBLE' as const, CustomLabel: label } } } : {};
}

/** Drops `undefined` members, so compiled objects carry only what was set. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

type ChartMember = 'KPIVisual' | 'BarChartVisual' | 'LineChartVisual' | 'PieChartVisual' | 'TableVisual' | 'PivotTableVisual' | 'HeatMapVisual';
type ChartConfigurationOf<K extends ChartMember> = NonNullable<NonNullable<Visual[K]>['ChartConfiguration']>;

/** A QuickSight visual of type `member`: the spec's id and titles, and its chart configuration (unset members dropped). */
export function chart<K extends ChartMember>(
  member: K,
  spec: { id: string; title?: string; subtitle?: string },
  configuration: ChartConfigurationOf<K>,
): Visual {
  return { [member]: { VisualId: spec.id, ...titles(spec), ChartConfiguration: defined(configuration) } } as Visual;
}
