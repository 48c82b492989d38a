import type { FilterGroup, Visual, VisualSubtitleLabelOptions, VisualTitleLabelOptions } from '@aws-sdk/client-quicksight';
import type { Visual as VisualSpec } from '../../language/schema/index.ts';
import type { BoardContext, DatasetRef, JsonPath } from '../definition/context.ts';
import { VisualFields } from './visual-fields.ts';

/** The spec of one visual type, e.g. `SpecOf<'bar'>`. */
export type SpecOf<K extends VisualSpec['type']> = Extract<VisualSpec, { type: K }>;

/** Where a visual is compiled: the board, the spec path of the visual, its sheet. */
export interface VisualSite {
  readonly ctx: BoardContext;
  readonly path: JsonPath;
  readonly sheetId: string;
}

/** A compiled visual, with any filter groups it needs for itself (e.g. a table's top-N limit). */
export interface BuiltVisual {
  readonly visual: Visual;
  readonly filterGroups?: readonly FilterGroup[];
}

/** One entry of the visual registry: the QuickSight visual it becomes and how to build it. */
export interface VisualType<V> {
  /** The member of QuickSight's `Visual` union this type compiles to (`raw` can be any). */
  readonly quicksight: keyof Visual | '*';
  build(spec: V, site: VisualSite): BuiltVisual | undefined;
}

/** QuickSight's limit for a visual title. */
const MAX_TITLE = 512;

/** Title and subtitle, shown when the spec gives them. */
export function titles(
  spec: { title?: string; subtitle?: string },
  site: VisualSite,
): { Title?: VisualTitleLabelOptions; Subtitle?: VisualSubtitleLabelOptions } {
  if (spec.title && spec.title.length > MAX_TITLE) site.ctx.report([...site.path, 'title'], `a visual title has at most ${MAX_TITLE} characters`);
  return {
    ...(spec.title ? { Title: { Visibility: 'VISIBLE', FormatText: { PlainText: spec.title } } } : {}),
    ...(spec.subtitle ? { Subtitle: { Visibility: 'VISIBLE', FormatText: { PlainText: spec.subtitle } } } : {}),
  };
}

/** Builds a visual over its dataset; `undefined` (problem reported) when the dataset is unclear. */
export function overDataset<V extends { id: string; dataset?: string }>(
  build: (spec: V, fields: VisualFields, site: VisualSite) => BuiltVisual,
): (spec: V, site: VisualSite) => BuiltVisual | undefined {
  return (spec, site) => {
    const dataset: DatasetRef | undefined = site.ctx.dataset(spec.dataset, site.path);
    return dataset ? build(spec, new VisualFields(site.ctx, dataset, spec.id, site.path), site) : undefined;
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
  site: VisualSite,
  configuration: ChartConfigurationOf<K>,
): Visual {
  return { [member]: { VisualId: spec.id, ...titles(spec, site), ChartConfiguration: defined(configuration) } } as Visual;
}
