import type { CalculatedFormula, CalculatedLeaf } from '../dashboard-model.ts';
import type { ColumnKind, DatasetSource } from '../query/dataset-source.ts';
import { quoteIdentifier } from '../query/sql-text.ts';
import { type Expr, parseExpression } from '../../quicksight/expression/parse-expression.ts';
import { AGGREGATE_FUNCTIONS, isAggregate, rowSql } from './row-sql.ts';

export interface CalculatedField {
  readonly name: string;
  readonly expression: string;
}

/** An aggregated calculated field: a formula over aggregates of dataset columns. */
export interface CalculatedMeasure {
  readonly formula: CalculatedFormula;
  readonly leaves: readonly CalculatedLeaf[];
}

/**
 * Adds calculated fields to a dataset: row-level ones become SQL columns of `ds`; aggregated
 * ones become formulas over aggregates (their row-level arguments become columns too).
 */
export function applyCalculated(
  source: DatasetSource,
  fields: readonly CalculatedField[],
): { source: DatasetSource; measures: Map<string, CalculatedMeasure>; problems: string[] } {
  const columns = new Map<string, ColumnKind>(source.columns);
  const added: [string, string][] = [];
  const measures = new Map<string, CalculatedMeasure>();
  const problems: string[] = [];
  const unevaluated = new Map<string, string>(source.unevaluated ?? []);
  const refuse = (name: string, reason: string) => {
    unevaluated.set(name, reason);
    problems.push(`calculated field ${name}: ${reason}`);
  };
  const parsed: { name: string; expr: Expr }[] = [];
  for (const field of fields) {
    try {
      parsed.push({ name: field.name, expr: parseExpression(field.expression) });
    } catch (error) {
      refuse(field.name, `its expression is not QuickSight's syntax: ${(error as Error).message}`);
    }
  }
  let pending = parsed;
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    const next: typeof pending = [];
    for (const field of pending) {
      if (!referencesKnown(field.expr, columns, measures)) {
        next.push(field);
        continue;
      }
      progress = true;
      try {
        if (isAggregate(field.expr)) {
          const leaves: CalculatedLeaf[] = [];
          const formula = toFormula(field.expr, { name: field.name, leaves, measures, addColumn: (expr) => addSynthetic(field.name, expr) });
          measures.set(field.name, { formula, leaves });
        } else {
          added.push([field.name, rowSql(field.expr)]);
          columns.set(field.name, kindOf(field.expr, columns));
        }
      } catch (error) {
        refuse(field.name, (error as Error).message);
      }
    }
    pending = next;
  }
  for (const field of pending) {
    const missing = [...namesIn(field.expr)].filter((n) => !columns.has(n) && !measures.has(n));
    const blocked = missing.find((n) => unevaluated.has(n));
    refuse(
      field.name,
      blocked
        ? `it uses the calculated field ${blocked}, which the preview cannot evaluate`
        : `it names ${missing.join(', ')}, which the dataset does not have`,
    );
  }

  function addSynthetic(name: string, expr: Expr): string {
    const column = `__calc_${name}_${added.length}`;
    added.push([column, rowSql(expr)]);
    columns.set(column, kindOf(expr, columns));
    return column;
  }

  // One layer per added column, so a calculated column may use the ones before it.
  let sql = source.sql;
  added.forEach(([name, expression], i) => {
    sql = `SELECT "c${i}".*, ${expression} AS ${quoteIdentifier(name)} FROM (\n${sql}\n) AS "c${i}"`;
  });
  return { source: { ...source, sql, columns, ...(unevaluated.size ? { unevaluated } : {}) }, measures, problems };
}

/** Functions whose value is text (row-sql.ts FUNCTIONS). */
const TEXT_FUNCTIONS = new Set(['concat', 'tolower', 'toupper', 'trim', 'substring', 'left', 'right', 'tostring']);

/**
 * A row-level calculated column's kind: text (`category`, so the page gets it cut as it gets the
 * dataset's text: query/shown-text.ts) when its value is text, else `number`.
 */
function kindOf(expr: Expr, columns: ReadonlyMap<string, ColumnKind>): ColumnKind {
  const text = (e: Expr): boolean => {
    switch (e.k) {
      case 'str':
        return true;
      case 'col':
        return columns.get(e.name) === 'category';
      case 'call': {
        const fn = e.fn.toLowerCase();
        if (TEXT_FUNCTIONS.has(fn)) return true;
        if (fn === 'coalesce') return e.args.some(text);
        if (fn === 'ifelse') return e.args.some((a, i) => (i % 2 === 1 || i === e.args.length - 1) && text(a));
        return false;
      }
      default:
        return false;
    }
  };
  return text(expr) ? 'category' : 'number';
}

/** The fields an expression names. */
function namesIn(expr: Expr, names = new Set<string>()): Set<string> {
  if (expr.k === 'col') names.add(expr.name);
  else if (expr.k === 'call') expr.args.forEach((a) => namesIn(a, names));
  else if (expr.k === 'bin') namesIn(expr.r, namesIn(expr.l, names));
  else if (expr.k === 'neg' || expr.k === 'not' || expr.k === 'sort') namesIn(expr.e, names);
  else if (expr.k === 'list') expr.items.forEach((a) => namesIn(a, names));
  return names;
}

function referencesKnown(expr: Expr, columns: ReadonlyMap<string, unknown>, measures: ReadonlyMap<string, unknown>): boolean {
  switch (expr.k) {
    case 'col':
      return columns.has(expr.name) || measures.has(expr.name);
    case 'call':
      return expr.args.every((a) => referencesKnown(a, columns, measures));
    case 'bin':
      return referencesKnown(expr.l, columns, measures) && referencesKnown(expr.r, columns, measures);
    case 'neg':
    case 'not':
    case 'sort':
      return referencesKnown(expr.e, columns, measures);
    case 'list':
      return expr.items.every((a) => referencesKnown(a, columns, measures));
    default:
      return true;
  }
}

interface FormulaContext {
  readonly name: string;
  readonly leaves: CalculatedLeaf[];
  readonly measures: ReadonlyMap<string, CalculatedMeasure>;
  addColumn(expr: Expr): string;
}

function toFormula(expr: Expr, context: FormulaContext): CalculatedFormula {
  switch (expr.k) {
    case 'num':
      return { k: 'num', v: expr.v };
    case 'neg':
      return { k: 'neg', e: toFormula(expr.e, context) };
    case 'bin':
      if (!['+', '-', '*', '/'].includes(expr.op)) throw new Error(`the preview cannot evaluate "${expr.op}" between aggregates`);
      return { k: 'bin', op: expr.op as '+' | '-' | '*' | '/', l: toFormula(expr.l, context), r: toFormula(expr.r, context) };
    case 'col': {
      const measure = context.measures.get(expr.name);
      if (!measure) throw new Error(`the column ${expr.name} is used outside an aggregation`);
      const offset = context.leaves.length;
      context.leaves.push(...measure.leaves);
      return shiftLeaves(measure.formula, offset);
    }
    case 'call': {
      const aggregation = AGGREGATE_FUNCTIONS[expr.fn.toLowerCase()];
      if (!aggregation || expr.args.length !== 1) throw new Error(`the preview cannot evaluate ${expr.fn}(...) over aggregates`);
      const arg = expr.args[0]!;
      const column = arg.k === 'col' ? arg.name : context.addColumn(arg);
      context.leaves.push({ aggregation, column });
      return { k: 'leaf', i: context.leaves.length - 1 };
    }
    default:
      throw new Error('the preview cannot evaluate this expression over aggregates');
  }
}

function shiftLeaves(formula: CalculatedFormula, offset: number): CalculatedFormula {
  switch (formula.k) {
    case 'leaf':
      return { k: 'leaf', i: formula.i + offset };
    case 'bin':
      return { ...formula, l: shiftLeaves(formula.l, offset), r: shiftLeaves(formula.r, offset) };
    case 'neg':
      return { k: 'neg', e: shiftLeaves(formula.e, offset) };
    default:
      return formula;
  }
}
