import { quoteIdentifier, quoteNumber, quoteString } from '../query/sql-text.ts';
import { quicksightFunction } from '../../quicksight/expression/functions.ts';
import type { Expr } from '../../quicksight/expression/parse-expression.ts';

export const AGGREGATE_FUNCTIONS: Record<string, 'SUM' | 'COUNT' | 'AVERAGE' | 'MIN' | 'MAX' | 'DISTINCT_COUNT' | 'MEDIAN'> = {
  sum: 'SUM',
  count: 'COUNT',
  avg: 'AVERAGE',
  min: 'MIN',
  max: 'MAX',
  distinct_count: 'DISTINCT_COUNT',
  distinctcount: 'DISTINCT_COUNT',
  median: 'MEDIAN',
};

export function isAggregate(expr: Expr): boolean {
  switch (expr.k) {
    case 'call':
      return expr.fn.toLowerCase() in AGGREGATE_FUNCTIONS || expr.args.some(isAggregate);
    case 'bin':
      return isAggregate(expr.l) || isAggregate(expr.r);
    case 'neg':
    case 'not':
    case 'sort':
      return isAggregate(expr.e);
    case 'list':
      return expr.items.some(isAggregate);
    default:
      return false;
  }
}

type Fn = (args: string[]) => string;
const FUNCTIONS: Record<string, Fn> = {
  ifelse: (a) => {
    if (a.length < 3 || a.length % 2 === 0) throw new Error('ifelse takes condition, value pairs and an else value');
    const pairs: string[] = [];
    for (let i = 0; i + 1 < a.length; i += 2) pairs.push(`WHEN ${a[i]} THEN ${a[i + 1]}`);
    return `CASE ${pairs.join(' ')} ELSE ${a[a.length - 1]} END`;
  },
  isnull: (a) => `(${a[0]} IS NULL)`,
  isnotnull: (a) => `(${a[0]} IS NOT NULL)`,
  coalesce: (a) => `coalesce(${a.join(', ')})`,
  concat: (a) => `concat(${a.map((x) => `CAST(${x} AS varchar)`).join(', ')})`,
  tolower: (a) => `lower(${a[0]})`,
  toupper: (a) => `upper(${a[0]})`,
  trim: (a) => `trim(${a[0]})`,
  strlen: (a) => `length(${a[0]})`,
  substring: (a) => `substr(${a[0]}, ${a[1]}, ${a[2]})`,
  left: (a) => `substr(${a[0]}, 1, ${a[1]})`,
  right: (a) => `substr(${a[0]}, -(${a[1]}))`,
  abs: (a) => `abs(${a[0]})`,
  round: (a) => `round(${a.join(', ')})`,
  floor: (a) => `floor(${a[0]})`,
  ceil: (a) => `ceil(${a[0]})`,
  todecimal: (a) => `CAST(${a[0]} AS double)`,
  tostring: (a) => `CAST(${a[0]} AS varchar)`,
};

/** A row-level expression as Athena SQL over the dataset's columns; division by zero is NULL, as in QuickSight. */
export function rowSql(expr: Expr): string {
  switch (expr.k) {
    case 'num':
      return quoteNumber(expr.v);
    case 'str':
      return quoteString(expr.v);
    case 'col':
      return quoteIdentifier(expr.name);
    case 'null':
      return 'NULL';
    case 'list':
    case 'sort':
      throw new Error('the preview cannot evaluate a list ([ … ]) in a row-level calculated field');
    case 'param':
      throw new Error(`the preview cannot evaluate the parameter \${${expr.name}} in a calculated field`);
    case 'neg':
      return `(-${rowSql(expr.e)})`;
    case 'not':
      return `(NOT ${rowSql(expr.e)})`;
    case 'bin':
      if (expr.op === '/') return `(CAST(${rowSql(expr.l)} AS double) / NULLIF(${rowSql(expr.r)}, 0))`;
      return `(${rowSql(expr.l)} ${expr.op} ${rowSql(expr.r)})`;
    case 'call': {
      const fn = FUNCTIONS[expr.fn.toLowerCase()];
      if (!fn) {
        const known = quicksightFunction(expr.fn);
        throw new Error(known ? `the preview cannot evaluate QuickSight's function ${known}` : `${expr.fn} is not a function of QuickSight's`);
      }
      return fn(expr.args.map(rowSql));
    }
  }
}
