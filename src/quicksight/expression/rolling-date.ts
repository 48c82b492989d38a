import { type Expr, ExpressionSyntaxError, parseExpression } from './parse-expression.ts';

/**
 * The date parts QuickSight's date functions take (`addDateTime(amount, period, datetime)`,
 * `truncDate(period, datetime)`), finest last: the user guide's addDateTime and truncDate pages
 * ("YYYY, Q, MM, DD, WK, HH, MI, SS, MS"; the week starts on Sunday).
 */
export const DATE_PARTS = {
  YYYY: 'YEAR',
  Q: 'QUARTER',
  MM: 'MONTH',
  WK: 'WEEK',
  DD: 'DAY',
  HH: 'HOUR',
  MI: 'MINUTE',
  SS: 'SECOND',
  MS: 'MILLISECOND',
} as const;
export type DatePart = keyof typeof DATE_PARTS;

/** What a rolling date reads: the datetime parameters it names, and the finest date part it names (undefined: none). */
export interface RollingDate {
  readonly parameters: readonly string[];
  readonly finest?: DatePart;
}

/**
 * A time range filter's rolling date (`RollingDate.Expression`), read: `now()`, `truncDate(part,
 * date)`, `addDateTime(amount, part, date)` with a whole amount, and a datetime `${parameter}` —
 * what the console's rolling date writes (the real definitions: `addDateTime(-1, 'WK', truncDate('WK',
 * now()))`, `truncDate('DD', now())`) and the preview works out. Anything else is a problem, said in
 * words.
 */
export function readRollingDate(text: string): RollingDate | { problem: string } {
  let tree: Expr;
  try {
    tree = parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return { problem: `is not QuickSight's expression syntax: ${error.message}` };
    throw error;
  }
  const parameters: string[] = [];
  const parts: DatePart[] = [];
  const problem = dateProblem(tree, parameters, parts);
  if (problem) return { problem };
  const order = Object.keys(DATE_PARTS) as DatePart[];
  const finest = parts.sort((a, b) => order.indexOf(b) - order.indexOf(a))[0];
  return { parameters, ...(finest ? { finest } : {}) };
}

const USE = "use now(), truncDate('DD', …), addDateTime(-7, 'DD', …) or a datetime ${parameter}";

/** Why `e` is not a date a rolling date can be, collecting its parameters and date parts on the way. */
function dateProblem(e: Expr, parameters: string[], parts: DatePart[]): string | undefined {
  if (e.k === 'param') {
    parameters.push(e.name);
    return undefined;
  }
  if (e.k === 'col') return `reads the field ${e.name}, but a rolling date is worked out from now, not from the data: ${USE}`;
  if (e.k !== 'call') return `has ${describe(e)} where a date goes: ${USE}`;
  const fn = e.fn.toLowerCase();
  const part = (arg: Expr | undefined): string | undefined => {
    const name = arg?.k === 'str' ? arg.v : undefined;
    if (name !== undefined && name in DATE_PARTS) {
      parts.push(name as DatePart);
      return undefined;
    }
    return `${e.fn}'s date part must be one of ${Object.keys(DATE_PARTS).join(', ')} in quotes${name === undefined ? '' : `, not '${name}'`}`;
  };
  if (fn === 'now') return e.args.length === 0 ? undefined : 'now() takes no arguments';
  if (fn === 'truncdate') {
    if (e.args.length !== 2) return 'truncDate takes a date part and a date: truncDate(period, datetime)';
    return part(e.args[0]) ?? dateProblem(e.args[1]!, parameters, parts);
  }
  if (fn === 'adddatetime') {
    if (e.args.length !== 3) return 'addDateTime takes an amount, a date part and a date: addDateTime(amount, period, datetime)';
    if (!isWhole(e.args[0]!)) return 'addDateTime takes a whole number as its amount (e.g. -7)';
    return part(e.args[1]) ?? dateProblem(e.args[2]!, parameters, parts);
  }
  return `uses ${e.fn}, which a rolling date does not take: ${USE}`;
}

function isWhole(e: Expr): boolean {
  if (e.k === 'neg') return isWhole(e.e);
  return e.k === 'num' && Number.isInteger(e.v);
}

function describe(e: Expr): string {
  switch (e.k) {
    case 'num':
      return `the number ${e.v}`;
    case 'str':
      return `the text '${e.v}'`;
    default:
      return 'an expression';
  }
}
