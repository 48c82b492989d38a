/**
 * Every function of QuickSight's calculated-field language, by the name its documentation gives it.
 *
 * Sources (read 2026-12-07 through the docs search; names only):
 * - "Functions" (https://docs.aws.amazon.com/quick/latest/userguide/functions.md, the list of
 *   non-aggregate functions, addDateTime … truncDate) and its French page (the whole list);
 * - "Functions by category" (https://docs.aws.amazon.com/quicksight/latest/user/functions-by-category.html:
 *   aggregate functions, each with its conditional `…If` form, percentiles, periodToDate…);
 * - "Table calculation functions" (https://docs.aws.amazon.com/quick/latest/userguide/table-calculation-functions.md);
 * - each function's own page where the lists above were cut short in what the search showed
 *   (windowSum-function, periodToDateVar(P)-function, periodToDateStDev(P)-function …);
 * - the QuickSight user guide's sources at awsdocs/amazon-quicksight-user-guide@10a70d6e
 *   (doc_source/*-function.md, 2020, CC BY-SA 4.0), which hold the older names too.
 * Matched without regard to case, as QuickSight does (`MAX`, `Sum` and `ifElse` appear in real
 * definitions).
 */
export const QUICKSIGHT_FUNCTIONS = {
  aggregate: [
    'avg',
    'avgIf',
    'count',
    'countIf',
    'distinct_count',
    'distinct_countIf',
    'max',
    'maxIf',
    'median',
    'medianIf',
    'min',
    'minIf',
    'percentile',
    'percentileCont',
    'percentileDisc',
    'stdev',
    'stdevIf',
    'stdevp',
    'stdevpIf',
    'sum',
    'sumIf',
    'var',
    'varIf',
    'varp',
    'varpIf',
    'periodToDateAvg',
    'periodToDateCount',
    'periodToDateMax',
    'periodToDateMedian',
    'periodToDateMin',
    'periodToDatePercentile',
    'periodToDatePercentileCont',
    'periodToDateStDev',
    'periodToDateStDevP',
    'periodToDateSum',
    'periodToDateVar',
    'periodToDateVarP',
  ],
  conditional: ['coalesce', 'ifelse', 'in', 'isNotNull', 'isNull', 'notIn', 'nullIf', 'switch'],
  date: ['addDateTime', 'addWorkDays', 'dateDiff', 'epochDate', 'extract', 'formatDate', 'isWorkDay', 'netWorkDays', 'now', 'truncDate'],
  numeric: ['ceil', 'decimalToInt', 'floor', 'intToDecimal', 'round'],
  mathematical: ['abs', 'exp', 'ln', 'log', 'mod', 'sqrt'],
  string: [
    'concat',
    'contains',
    'endsWith',
    'left',
    'locate',
    'ltrim',
    'parseDate',
    'parseDecimal',
    'parseInt',
    'parseJson',
    'replace',
    'right',
    'rtrim',
    'split',
    'startsWith',
    'strlen',
    'substring',
    'toLower',
    'toString',
    'toUpper',
    'trim',
  ],
  tableCalculation: [
    'difference',
    'distinctCountOver',
    'lag',
    'lead',
    'percentDifference',
    'avgOver',
    'countOver',
    'maxOver',
    'minOver',
    'percentileOver',
    'percentileContOver',
    'percentileDiscOver',
    'percentOfTotal',
    'periodOverPeriodDifference',
    'periodOverPeriodLastValue',
    'periodOverPeriodPercentDifference',
    'periodToDateAvgOverTime',
    'periodToDateCountOverTime',
    'periodToDateMaxOverTime',
    'periodToDateMinOverTime',
    'periodToDateSumOverTime',
    'stdevOver',
    'stdevpOver',
    'sumOver',
    'varOver',
    'varpOver',
    'denseRank',
    'rank',
    'percentileRank',
    'runningAvg',
    'runningCount',
    'runningMax',
    'runningMin',
    'runningSum',
    'firstValue',
    'lastValue',
    'windowAvg',
    'windowCount',
    'windowMax',
    'windowMin',
    'windowSum',
  ],
} as const;

const BY_LOWER = new Map<string, string>(
  Object.values(QUICKSIGHT_FUNCTIONS)
    .flat()
    .map((name) => [name.toLowerCase(), name]),
);

/** The documented name of a function, whatever its case in the expression; undefined when QuickSight has none of that name. */
export function quicksightFunction(name: string): string | undefined {
  return BY_LOWER.get(name.toLowerCase());
}
