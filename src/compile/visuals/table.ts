import type { FilterGroup, TableConfiguration, TopBottomFilter } from '@aws-sdk/client-quicksight';
import type { TopGroups } from '../../language/index.ts';
import { aggregationFunction, columnIdentifier, dimensionField, GRANULARITY, measureField, unaggregatedField } from '../definition/fields.ts';
import { labelled, sortOptions } from './labels.ts';
import { chart, defined, type CheckedOf, type VisualType } from './visual-type.ts';

type CheckedTable = CheckedOf<'table'>;

/**
 * `table` → TableVisual. Without aggregations it lists rows (unaggregated wells, `limit` = rows per
 * page); with any, plain columns group and aggregated ones are values, and `limit` keeps the top
 * groups through a top-N filter on this visual.
 */
export const table: VisualType<CheckedTable> = {
  quicksight: 'TableVisual',
  build: ({ spec, dataset, columns, sort }) => {
    const RowSort = sortOptions(dataset, sort);
    if (!columns.aggregated) {
      const PaginationConfiguration = spec.limit ? { PageSize: spec.limit, PageNumber: 1 } : undefined;
      const labels = labelled(columns.rows);
      const configuration = defined<TableConfiguration>({
        FieldWells: { TableUnaggregatedFieldWells: { Values: columns.rows.map((r) => unaggregatedField(dataset, r)) } },
        SortConfiguration: RowSort || PaginationConfiguration ? defined({ RowSort, PaginationConfiguration }) : undefined,
        FieldOptions: labels.length > 0 ? { SelectedFieldOptions: labels } : undefined,
      });
      return { visual: chart('TableVisual', spec, configuration) };
    }
    const { groupBy, values, order, topGroups } = columns;
    const labels = labelled([...groupBy, ...values]);
    const configuration = defined<TableConfiguration>({
      FieldWells: {
        TableAggregatedFieldWells: defined({
          GroupBy: groupBy.length > 0 ? groupBy.map((f) => dimensionField(dataset, f)) : undefined,
          Values: values.map((f) => measureField(dataset, f)),
        }),
      },
      SortConfiguration: RowSort ? { RowSort } : undefined,
      FieldOptions: { ...(labels.length > 0 ? { SelectedFieldOptions: labels } : {}), Order: [...order] },
    });
    return { visual: chart('TableVisual', spec, configuration), ...(topGroups ? { filterGroups: [topGroupsFilter(spec.id, dataset, topGroups)] } : {}) };
  },
};

/** The top-N filter of an aggregated table, scoped to the table only. */
function topGroupsFilter(tableId: string, dataset: string, top: TopGroups): FilterGroup {
  return {
    FilterGroupId: top.groupId,
    CrossDataset: 'SINGLE_DATASET',
    Status: 'ENABLED',
    ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: top.sheetId, Scope: 'SELECTED_VISUALS', VisualIds: [tableId] }] } },
    Filters: [
      {
        TopBottomFilter: defined<TopBottomFilter>({
          FilterId: top.filterId,
          Column: columnIdentifier(dataset, top.column),
          Limit: top.limit,
          AggregationSortConfigurations: [
            {
              Column: columnIdentifier(dataset, top.rank.column),
              SortDirection: top.rank.direction,
              AggregationFunction: aggregationFunction(top.rank.aggregation),
            },
          ],
          TimeGranularity: top.granularity ? GRANULARITY[top.granularity] : undefined,
        }),
      },
    ],
  };
}
