import type { FilterGroup, TableConfiguration, TableFieldOptions, TopBottomFilter } from '@aws-sdk/client-quicksight';
import { aggregationFunction, columnIdentifier, GRANULARITY, parseField } from '../definition/fields.ts';
import { filterGroupId } from '../definition/filters.ts';
import type { VisualFields } from './visual-fields.ts';
import { chart, defined, overDataset, type SpecOf, type VisualSite, type VisualType } from './visual-type.ts';

type TableSpec = SpecOf<'table'>;

/**
 * `table` → TableVisual. Without aggregations it lists rows (unaggregated wells, `limit` = rows per
 * page); with any, plain columns group and aggregated ones are values, and `limit` keeps the top
 * groups through a top-N filter on this visual.
 */
export const table: VisualType<TableSpec> = {
  quicksight: 'TableVisual',
  build: overDataset((spec, fields, site) => {
    const aggregated = spec.columns.some((c) => parseField(c).aggregation);
    let configuration: TableConfiguration;
    if (aggregated) {
      const GroupBy = spec.columns.flatMap((c, i) => (parseField(c).aggregation ? [] : [fields.dimension(c, 'columns', i)]));
      const Values = spec.columns.flatMap((c, i) => (parseField(c).aggregation ? [fields.measure(c, 'columns', i)] : []));
      const RowSort = fields.sort(spec.sort);
      configuration = defined<TableConfiguration>({
        FieldWells: { TableAggregatedFieldWells: defined({ GroupBy: GroupBy.length > 0 ? GroupBy : undefined, Values }) },
        SortConfiguration: RowSort ? { RowSort } : undefined,
        FieldOptions: fieldOptions(fields, true),
      });
    } else {
      const Values = spec.columns.map((c, i) => fields.unaggregated(c, 'columns', i));
      const RowSort = fields.sort(spec.sort);
      const PaginationConfiguration = spec.limit ? { PageSize: spec.limit, PageNumber: 1 } : undefined;
      configuration = defined<TableConfiguration>({
        FieldWells: { TableUnaggregatedFieldWells: { Values } },
        SortConfiguration: RowSort || PaginationConfiguration ? defined({ RowSort, PaginationConfiguration }) : undefined,
        FieldOptions: fieldOptions(fields, false),
      });
    }
    const topN = aggregated && spec.limit ? topGroups(spec, fields, site) : undefined;
    return {
      visual: chart('TableVisual', spec, site, configuration),
      ...(topN ? { filterGroups: [topN] } : {}),
    };
  }),
};

/** Labels as custom headers; for aggregated tables also the column order of the spec. */
function fieldOptions(fields: VisualFields, keepOrder: boolean): TableFieldOptions | undefined {
  const labelled = fields.labelled();
  const options = defined<TableFieldOptions>({
    SelectedFieldOptions: labelled.length > 0 ? labelled.map((l) => ({ FieldId: l.fieldId, CustomLabel: l.label })) : undefined,
    Order: keepOrder ? fields.placed.map((p) => p.fieldId).sort(byColumnIndex) : undefined,
  });
  return Object.keys(options).length > 0 ? options : undefined;
}

function byColumnIndex(a: string, b: string): number {
  return Number(a.slice(a.lastIndexOf('.') + 1)) - Number(b.slice(b.lastIndexOf('.') + 1));
}

/**
 * A top-N filter on the table's first grouping column, ranked by the first sort key when it is an
 * aggregate, else by the first value column; scoped to this visual only.
 */
function topGroups(spec: TableSpec, fields: VisualFields, site: VisualSite): FilterGroup | undefined {
  const groups = fields.placed.filter((p) => !p.ref.aggregation);
  const sortKey = spec.sort?.map((s) => ({ ref: parseField(s.by), order: s.order })).find((s) => s.ref.aggregation);
  const rank = sortKey ?? { ref: fields.placed.find((p) => p.ref.aggregation)!.ref, order: 'desc' as const };
  if (groups.length === 0) {
    site.ctx.report([...site.path, 'limit'], 'a limit on a table needs a column to group by (a column without aggregation)');
    return undefined;
  }
  const group = groups[0].ref;
  const groupType = fields.dataset.columns.get(group.column)?.type;
  const rankType = fields.dataset.columns.get(rank.ref.column)?.type;
  const filterId = `${spec.id}-limit`;
  return {
    FilterGroupId: filterGroupId(filterId),
    CrossDataset: 'SINGLE_DATASET',
    Status: 'ENABLED',
    ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: site.sheetId, Scope: 'SELECTED_VISUALS', VisualIds: [spec.id] }] } },
    Filters: [
      {
        TopBottomFilter: defined<TopBottomFilter>({
          FilterId: filterId,
          Column: columnIdentifier(fields.dataset, group.column),
          Limit: spec.limit,
          AggregationSortConfigurations: [
            {
              Column: columnIdentifier(fields.dataset, rank.ref.column),
              SortDirection: rank.order === 'asc' ? 'ASC' : 'DESC',
              AggregationFunction: aggregationFunction(rankType, rank.ref.aggregation!),
            },
          ],
          TimeGranularity: groupType === 'datetime' && group.granularity ? GRANULARITY[group.granularity] : undefined,
        }),
      },
    ],
  };
}
