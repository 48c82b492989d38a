/**
 * The tree back as Trino SQL text: what trailsight sends to Athena (a dataset's SQL, the preview's
 * queries) is printed from a parsed tree, never pasted from text it has not parsed. Names print bare
 * when Trino would read them back the same (lower case, not a reserved word), quoted otherwise.
 */
import type * as Ast from '../tree/ast.ts';
import { frameText } from '../tree/window-frame.ts';
import { quoteIdentifier, quoteString } from '../text/quote.ts';
import { printTypeName } from '../types/type-name.ts';

/** Trino's reserved words (SqlBase.g4's reserved keywords): a name spelled like one must be quoted. */
const RESERVED = new Set(
  `alter and as between by case cast constraint create cross cube current_catalog current_date current_path current_role
  current_schema current_time current_timestamp current_user deallocate delete describe distinct drop else end escape except
  execute exists extract false fetch for from full group grouping having in inner insert intersect into is join json_array
  json_exists json_object json_query json_table json_value left like listagg localtime localtimestamp natural normalize not
  null on or order outer prepare recursive right rollup select skip table then trim true uescape union unnest using values
  when where with`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that, bare, can start a literal (`timestamp '…'`): quoted when they are names, to read unambiguously. */
const LITERAL_WORDS = new Set([
  'timestamp',
  'date',
  'time',
  'interval',
  'decimal',
  'double',
  'real',
  'json',
  'ipaddress',
  'uuid',
  'char',
  'varchar',
  'varbinary',
  'bigint',
  'integer',
]);

export function printIdentifier(name: Ast.Identifier | string): string {
  const value = typeof name === 'string' ? name : name.value;
  const lower = value.toLowerCase();
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) && !RESERVED.has(lower) && !LITERAL_WORDS.has(lower) ? value : quoteIdentifier(value);
}

const printName = (name: Ast.QualifiedName) => name.parts.map(printIdentifier).join('.');

// Binding strength, loosest first (Trino's grammar: OR, AND, NOT, predicates, ||, + -, * / %, unary, primary).
const OR = 1;
const AND = 2;
const NOT = 3;
const PREDICATE = 4;
const CONCAT = 5;
const ADDITIVE = 6;
const MULTIPLICATIVE = 7;
const UNARY = 8;
const PRIMARY = 9;
/** Where a predicate's operands sit: anything binding at least as tightly as `||`. */
const VALUE = CONCAT;

function precedence(e: Ast.Expression): number {
  switch (e.kind) {
    case 'logical':
      return e.operator === 'or' ? OR : AND;
    case 'not':
      return NOT;
    case 'comparison':
    case 'between':
    case 'in-list':
    case 'in-subquery':
    case 'like':
    case 'is-null':
    case 'distinct-from':
    case 'quantified-comparison':
      return PREDICATE;
    case 'concat':
      return CONCAT;
    case 'arithmetic':
      return e.operator === '+' || e.operator === '-' ? ADDITIVE : MULTIPLICATIVE;
    case 'negation':
    case 'at-time-zone':
      return UNARY;
    case 'number':
      return e.text.startsWith('-') ? UNARY : PRIMARY;
    default:
      return PRIMARY;
  }
}

/** Options: rename tables (the spec's `cloudtrail_logs` → the Glue table). */
export interface PrintOptions {
  /** Replaces a table reference's name (not a WITH query's), given its parts in lower case. */
  readonly table?: (parts: readonly string[]) => string | undefined;
}

export function printQuery(query: Ast.Query, options: PrintOptions = {}): string {
  return new TrinoPrinter(options).query(query);
}

export function printExpression(expression: Ast.Expression, options: PrintOptions = {}): string {
  return new TrinoPrinter(options).expression(expression);
}

class TrinoPrinter {
  private readonly withNames: string[][] = [];

  constructor(private readonly options: PrintOptions) {}

  query(query: Ast.Query): string {
    const parts: string[] = [];
    if (query.with) {
      this.withNames.push(query.with.queries.map((q) => q.name.value.toLowerCase()));
      const items = query.with.queries.map(
        (q) => `${printIdentifier(q.name)}${q.columns ? ` (${q.columns.map(printIdentifier).join(', ')})` : ''} AS (${this.query(q.query)})`,
      );
      parts.push(`WITH ${query.with.recursive ? 'RECURSIVE ' : ''}${items.join(', ')}`);
    }
    parts.push(this.body(query.body));
    if (query.orderBy.length > 0) parts.push(`ORDER BY ${query.orderBy.map((s) => this.sortItem(s)).join(', ')}`);
    if (query.offset) parts.push(`OFFSET ${this.expression(query.offset)}`);
    if (query.limit) parts.push(`LIMIT ${query.limit === 'all' ? 'ALL' : this.expression(query.limit)}`);
    if (query.with) this.withNames.pop();
    return parts.join(' ');
  }

  private body(body: Ast.QueryBody): string {
    switch (body.kind) {
      case 'query':
        return `(${this.query(body)})`;
      case 'select':
        return this.select(body);
      case 'values':
        return `VALUES ${body.rows.map((r) => this.expression(r)).join(', ')}`;
      case 'table-body':
        return `TABLE ${this.tableName(body.name)}`;
      case 'set-operation':
        return `${this.setSide(body.left)} ${body.operator.toUpperCase()}${body.distinct ? '' : ' ALL'} ${this.setSide(body.right)}`;
    }
  }

  private setSide(body: Ast.QueryBody): string {
    return body.kind === 'set-operation' ? `(${this.body(body)})` : this.body(body);
  }

  private select(select: Ast.Select): string {
    const items = select.items.map((item) => {
      if (item.kind === 'all-columns') {
        const aliases = item.aliases ? ` AS (${item.aliases.map(printIdentifier).join(', ')})` : '';
        return item.qualifier ? `${this.expression(item.qualifier)}.*${aliases}` : '*';
      }
      return `${this.expression(item.expression)}${item.alias ? ` AS ${printIdentifier(item.alias)}` : ''}`;
    });
    const parts = [`SELECT ${select.distinct ? 'DISTINCT ' : ''}${items.join(', ')}`];
    if (select.from.length > 0) parts.push(`FROM ${select.from.map((r) => this.relation(r)).join(', ')}`);
    if (select.where) parts.push(`WHERE ${this.expression(select.where)}`);
    if (select.groupBy)
      parts.push(`GROUP BY ${select.groupBy.distinct ? 'DISTINCT ' : ''}${select.groupBy.elements.map((g) => this.groupingElement(g)).join(', ')}`);
    if (select.having) parts.push(`HAVING ${this.expression(select.having)}`);
    if (select.windows.length > 0)
      parts.push(`WINDOW ${select.windows.map((w) => `${printIdentifier(w.name)} AS (${this.windowSpecification(w.window)})`).join(', ')}`);
    return parts.join(' ');
  }

  private groupingElement(g: Ast.GroupingElement): string {
    const set = (s: readonly Ast.Expression[]) => `(${s.map((e) => this.expression(e)).join(', ')})`;
    switch (g.kind) {
      case 'expressions':
        return g.expressions.length === 1 ? this.expression(g.expressions[0]!) : set(g.expressions);
      case 'rollup':
        return `ROLLUP (${g.sets.map(set).join(', ')})`;
      case 'cube':
        return `CUBE (${g.sets.map(set).join(', ')})`;
      case 'grouping-sets':
        return `GROUPING SETS (${g.sets.map(set).join(', ')})`;
    }
  }

  private sortItem(s: Ast.SortItem): string {
    return `${this.expression(s.expression)}${s.descending ? ' DESC' : ''}${s.nullsFirst === undefined ? '' : s.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST'}`;
  }

  private tableName(name: Ast.QualifiedName): string {
    const parts = name.parts.map((p) => p.value.toLowerCase());
    const isWithQuery = parts.length === 1 && this.withNames.some((names) => names.includes(parts[0]!));
    return (!isWithQuery && this.options.table?.(parts)) || printName(name);
  }

  private relation(r: Ast.Relation): string {
    switch (r.kind) {
      case 'table':
        return this.tableName(r.name);
      case 'aliased':
        return `${this.relation(r.relation)} AS ${printIdentifier(r.alias)}${r.columns ? ` (${r.columns.map(printIdentifier).join(', ')})` : ''}`;
      case 'join': {
        if (r.type === 'cross') return `${this.relation(r.left)} CROSS JOIN ${this.joinSide(r.right)}`;
        const type = `${r.natural ? 'NATURAL ' : ''}${r.type.toUpperCase()} JOIN`;
        const criteria = r.on ? ` ON ${this.expression(r.on)}` : r.using ? ` USING (${r.using.map(printIdentifier).join(', ')})` : '';
        return `${this.relation(r.left)} ${type} ${this.joinSide(r.right)}${criteria}`;
      }
      case 'subquery-relation':
        return `(${this.query(r.query)})`;
      case 'lateral':
        return `LATERAL (${this.query(r.query)})`;
      case 'unnest':
        return `UNNEST(${r.expressions.map((e) => this.expression(e)).join(', ')})${r.withOrdinality ? ' WITH ORDINALITY' : ''}`;
      case 'sampled':
        return `${this.relation(r.relation)} TABLESAMPLE ${r.method.toUpperCase()} (${this.expression(r.percentage)})`;
    }
  }

  private joinSide(r: Ast.Relation): string {
    return r.kind === 'join' ? `(${this.relation(r)})` : this.relation(r);
  }

  /** An operand: in parentheses when it binds more loosely than its place needs (`strict` for right operands). */
  private operandAt(e: Ast.Expression, level: number, strict = false): string {
    const own = precedence(e);
    const text = this.expression(e);
    return own < level || (strict && own === level) ? `(${text})` : text;
  }

  expression(e: Ast.Expression): string {
    switch (e.kind) {
      case 'string':
        return quoteString(e.value);
      case 'number':
        return e.text;
      case 'boolean':
        return e.value ? 'true' : 'false';
      case 'null':
        return 'NULL';
      case 'typed-literal':
        return `${e.type.toUpperCase()} ${quoteString(e.value)}`;
      case 'interval':
        return `INTERVAL ${e.negative ? '-' : ''}${quoteString(e.value)} ${e.from.toUpperCase()}${e.to ? ` TO ${e.to.toUpperCase()}` : ''}`;
      case 'binary':
        return `X'${e.hex}'`;
      case 'parameter':
        return '?';
      case 'column':
        return printName(e.name);
      case 'dereference':
        return `${this.operand(e.base)}.${printIdentifier(e.field)}`;
      case 'subscript':
        return `${this.operand(e.base)}[${this.expression(e.index)}]`;
      case 'call':
        return this.call(e);
      case 'lambda':
        return `${e.parameters.length === 1 ? printIdentifier(e.parameters[0]!) : `(${e.parameters.map(printIdentifier).join(', ')})`} -> ${this.expression(e.body)}`;
      case 'cast':
        return `${e.safe ? 'TRY_CAST' : 'CAST'}(${this.expression(e.expression)} AS ${printTypeName(e.type)})`;
      case 'case': {
        const operand = e.operand ? ` ${this.expression(e.operand)}` : '';
        const whens = e.whens.map((w) => ` WHEN ${this.expression(w.condition)} THEN ${this.expression(w.result)}`).join('');
        return `CASE${operand}${whens}${e.otherwise ? ` ELSE ${this.expression(e.otherwise)}` : ''} END`;
      }
      case 'arithmetic': {
        const level = precedence(e);
        return `${this.operandAt(e.left, level)} ${e.operator} ${this.operandAt(e.right, level, true)}`;
      }
      case 'negation':
        return `-${this.operandAt(e.expression, UNARY, true)}`;
      case 'concat':
        return `${this.operandAt(e.left, CONCAT)} || ${this.operandAt(e.right, CONCAT, true)}`;
      case 'comparison':
        return `${this.operandAt(e.left, VALUE)} ${e.operator} ${this.operandAt(e.right, VALUE)}`;
      case 'logical': {
        const level = precedence(e);
        return `${this.operandAt(e.left, level)} ${e.operator.toUpperCase()} ${this.operandAt(e.right, level, true)}`;
      }
      case 'not':
        return `NOT ${this.operandAt(e.expression, NOT)}`;
      case 'between':
        return `${this.operandAt(e.expression, VALUE)} ${e.negated ? 'NOT ' : ''}BETWEEN ${this.operandAt(e.low, VALUE)} AND ${this.operandAt(e.high, VALUE)}`;
      case 'in-list':
        return `${this.operandAt(e.expression, VALUE)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map((x) => this.expression(x)).join(', ')})`;
      case 'in-subquery':
        return `${this.operandAt(e.expression, VALUE)} ${e.negated ? 'NOT ' : ''}IN (${this.query(e.query)})`;
      case 'like':
        return `${this.operandAt(e.expression, VALUE)} ${e.negated ? 'NOT ' : ''}LIKE ${this.operandAt(e.pattern, VALUE)}${e.escape ? ` ESCAPE ${this.operandAt(e.escape, VALUE)}` : ''}`;
      case 'is-null':
        return `${this.operandAt(e.expression, VALUE)} IS ${e.negated ? 'NOT ' : ''}NULL`;
      case 'distinct-from':
        return `${this.operandAt(e.left, VALUE)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${this.operandAt(e.right, VALUE)}`;
      case 'quantified-comparison':
        return `${this.operandAt(e.left, VALUE)} ${e.operator} ${e.quantifier.toUpperCase()} (${this.query(e.query)})`;
      case 'exists':
        return `EXISTS (${this.query(e.query)})`;
      case 'subquery':
        return `(${this.query(e.query)})`;
      case 'array':
        return `ARRAY[${e.items.map((x) => this.expression(x)).join(', ')}]`;
      case 'row':
        return `ROW(${e.items.map((x) => this.expression(x)).join(', ')})`;
      case 'at-time-zone':
        return `${this.operandAt(e.expression, UNARY, true)} AT TIME ZONE ${this.operandAt(e.zone, PRIMARY)}`;
      case 'extract':
        return `EXTRACT(${e.field.value.toUpperCase()} FROM ${this.expression(e.expression)})`;
      case 'current-time':
        return `${e.function}${e.precision === undefined ? '' : `(${e.precision})`}`;
    }
  }

  /** A base of `.field` or `[index]`: parenthesized unless it is a name, a call or a subscript already. */
  private operand(e: Ast.Expression): string {
    const text = this.expression(e);
    return e.kind === 'column' || e.kind === 'call' || e.kind === 'subscript' || e.kind === 'dereference' ? text : `(${text})`;
  }

  private call(e: Ast.FunctionCall): string {
    if (printName(e.name).toLowerCase() === 'listagg' && e.args.length === 2) {
      const within = e.orderBy.length > 0 ? ` WITHIN GROUP (ORDER BY ${e.orderBy.map((s) => this.sortItem(s)).join(', ')})` : '';
      const filter = e.filter ? ` FILTER (WHERE ${this.expression(e.filter)})` : '';
      return `listagg(${e.distinct ? 'DISTINCT ' : ''}${this.expression(e.args[0]!)}, ${this.expression(e.args[1]!)})${within}${filter}`;
    }
    const args = e.star ? '*' : `${e.distinct ? 'DISTINCT ' : ''}${e.args.map((a) => this.expression(a)).join(', ')}`;
    const orderBy = e.orderBy.length > 0 ? ` ORDER BY ${e.orderBy.map((s) => this.sortItem(s)).join(', ')}` : '';
    const filter = e.filter ? ` FILTER (WHERE ${this.expression(e.filter)})` : '';
    const nulls = e.nullTreatment ? ` ${e.nullTreatment.toUpperCase()} NULLS` : '';
    const over = e.over ? ` OVER ${e.over.kind === 'named' ? printIdentifier(e.over.name) : `(${this.windowSpecification(e.over.specification)})`}` : '';
    return `${printName(e.name)}(${args}${orderBy})${filter}${nulls}${over}`;
  }

  private windowSpecification(w: Ast.WindowSpecification): string {
    const parts: string[] = [];
    if (w.existing) parts.push(printIdentifier(w.existing));
    if (w.partitionBy.length > 0) parts.push(`PARTITION BY ${w.partitionBy.map((p) => this.expression(p)).join(', ')}`);
    if (w.orderBy.length > 0) parts.push(`ORDER BY ${w.orderBy.map((s) => this.sortItem(s)).join(', ')}`);
    if (w.frame) parts.push(frameText(w.frame, (e) => this.expression(e)));
    return parts.join(' ');
  }
}
