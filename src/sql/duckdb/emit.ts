/**
 * An analyzed Trino query as DuckDB SQL. Nothing of the original text is copied: names are the
 * analyzer's (relations are `t<id>`, columns of subqueries `_c<n>`), literals are quoted afresh,
 * every function is the registry's DuckDB for it. So the SQL DuckDB runs is exactly what the tree
 * says, and a query can only reach the tables the catalog gave the analyzer.
 */
import { SqlError } from '../errors.ts';
import type { Analysis } from '../analyze/analysis.ts';
import { OUTPUT_RELATION } from '../analyze/analyze-query.ts';
import type { Resolution } from '../analyze/scope.ts';
import type * as Ast from '../tree/ast.ts';
import { frameText } from '../tree/window-frame.ts';
import type { SqlType } from '../types/sql-type.ts';
import { duckdbType } from './duckdb-type.ts';
import { quoteIdentifier, quoteString } from '../text/quote.ts';
import { emitCast, localTime } from './emit-cast.ts';
import { emitInterval, emitNumber, emitTypedLiteral } from './emit-literal.ts';
import { emitArithmetic } from './emit-arithmetic.ts';
import type { EmitArg, EmitContext } from '../functions/function.ts';

const relationAlias = (id: number) => quoteIdentifier(`t${id}`);
const outputColumn = (index: number) => quoteIdentifier(`_c${index}`);

export class DuckDbEmitter {
  private readonly namedQueries = new Map<Ast.NamedQuery, string>();

  constructor(private readonly analysis: Analysis) {}

  query(query: Ast.Query): string {
    const parts: string[] = [];
    if (query.with) {
      const items = query.with.queries.map((named) => {
        const name = `w${this.namedQueries.size}`;
        this.namedQueries.set(named, name);
        return `${quoteIdentifier(name)} AS (${this.query(named.query)})`;
      });
      parts.push(`WITH ${items.join(', ')}`);
    }
    parts.push(this.body(query.body));
    if (query.orderBy.length > 0) parts.push(`ORDER BY ${query.orderBy.map((item) => this.sortItem(item, true)).join(', ')}`);
    if (query.limit && query.limit !== 'all') parts.push(`LIMIT ${limitValue(query.limit)}`);
    if (query.offset) parts.push(`OFFSET ${limitValue(query.offset)}`);
    return parts.join(' ');
  }

  private body(body: Ast.QueryBody): string {
    switch (body.kind) {
      case 'query':
        return `SELECT * FROM (${this.query(body)})`;
      case 'select':
        return this.select(body);
      case 'values':
        return this.values(body);
      case 'table-body': {
        const columns = this.analysis.outputs.get(body) ?? [];
        throw new SqlError('NOT_SUPPORTED', `TABLE statements are not supported by trailsight's local engine (${columns.length} columns)`, body.at);
      }
      case 'set-operation': {
        const operator = body.operator.toUpperCase() + (body.distinct ? '' : ' ALL');
        return `(${this.body(body.left)}) ${operator} (${this.body(body.right)})`;
      }
    }
  }

  private values(body: Ast.Values): string {
    const rows = body.rows.map((row) => `(${(row.kind === 'row' ? row.items : [row]).map((item) => this.expression(item)).join(', ')})`);
    const columns = (this.analysis.outputs.get(body) ?? []).map((_, i) => outputColumn(i));
    return `SELECT * FROM (VALUES ${rows.join(', ')}) AS "v"(${columns.join(', ')})`;
  }

  private select(select: Ast.Select): string {
    const items: string[] = [];
    for (const item of select.items) {
      if (item.kind === 'all-columns') {
        for (const column of this.analysis.stars.get(item) ?? []) items.push(`${relationAlias(column.relation)}.${quoteIdentifier(column.field.column)}`);
      } else items.push(this.expression(item.expression));
    }
    const named = items.map((sql, i) => `${sql} AS ${outputColumn(i)}`);
    const parts = [`SELECT ${select.distinct ? 'DISTINCT ' : ''}${named.join(', ')}`];
    if (select.from.length > 0) parts.push(`FROM ${select.from.map((r) => this.relation(r)).join(', ')}`);
    if (select.where) parts.push(`WHERE ${this.expression(select.where)}`);
    if (select.groupBy) parts.push(`GROUP BY ${this.groupBy(select.groupBy)}`);
    if (select.having) parts.push(`HAVING ${this.expression(select.having)}`);
    if (select.windows.length > 0) {
      parts.push(`WINDOW ${select.windows.map((w) => `${quoteIdentifier(w.name.value.toLowerCase())} AS (${this.windowSpecification(w.window)})`).join(', ')}`);
    }
    return parts.join(' ');
  }

  private groupBy(groupBy: Ast.GroupBy): string {
    const list = (expressions: readonly Ast.Expression[]) => expressions.map((e) => this.expression(this.analysis.ordinals.get(e) ?? e));
    const elements = groupBy.elements.map((element) => {
      switch (element.kind) {
        case 'expressions':
          return list(element.expressions).join(', ');
        case 'rollup':
          return `ROLLUP (${element.sets.map((s) => `(${list(s).join(', ')})`).join(', ')})`;
        case 'cube':
          return `CUBE (${element.sets.map((s) => `(${list(s).join(', ')})`).join(', ')})`;
        case 'grouping-sets':
          return `GROUPING SETS (${element.sets.map((s) => `(${list(s).join(', ')})`).join(', ')})`;
      }
    });
    if (groupBy.distinct) throw new SqlError('NOT_SUPPORTED', "GROUP BY DISTINCT is not supported by trailsight's local engine", 0);
    const text = elements.filter((e) => e.length > 0).join(', ');
    return text.length > 0 ? text : '()';
  }

  private sortItem(item: Ast.SortItem, topLevel: boolean): string {
    const output = topLevel ? this.analysis.orderByOutputs.get(item) : undefined;
    const target = output !== undefined ? String(output + 1) : this.expression(item.expression);
    // Trino puts NULLs last whichever the direction.
    return `${target} ${item.descending ? 'DESC' : 'ASC'} NULLS ${item.nullsFirst ? 'FIRST' : 'LAST'}`;
  }

  // ---------------------------------------------------------------- relations

  private relation(relation: Ast.Relation): string {
    switch (relation.kind) {
      case 'table': {
        const id = this.analysis.relationIds.get(relation)!;
        const table = this.analysis.tables.get(relation);
        if (table) return `${table.table.relation} AS ${relationAlias(id)}`;
        const named = this.analysis.namedQueryRefs.get(relation);
        if (!named) throw new Error(`unresolved table at ${relation.at}`);
        return `${quoteIdentifier(this.namedQueries.get(named.named)!)} AS ${relationAlias(id)}`;
      }
      case 'aliased':
      case 'sampled':
        return this.relation(relation.relation);
      case 'join': {
        const left = this.relation(relation.left);
        const right = this.relation(relation.right);
        if (relation.type === 'cross') return `${left} CROSS JOIN ${right}`;
        if (relation.using)
          throw new SqlError('NOT_SUPPORTED', "JOIN … USING is not supported by trailsight's local engine; write the condition with ON", relation.at);
        return `${left} ${relation.type.toUpperCase()} JOIN ${right} ON ${this.expression(relation.on!)}`;
      }
      case 'subquery-relation':
        return `(${this.query(relation.query)}) AS ${relationAlias(this.analysis.relationIds.get(relation)!)}`;
      case 'lateral':
        return `LATERAL (${this.query(relation.query)}) AS ${relationAlias(this.analysis.relationIds.get(relation)!)}`;
      case 'unnest':
        return this.unnest(relation);
    }
  }

  /** `LATERAL (SELECT …)` zipping the arrays (and maps) as Trino's UNNEST does, rows spread into columns. */
  private unnest(relation: Ast.UnnestRelation): string {
    const id = this.analysis.relationIds.get(relation)!;
    const sources: string[] = [];
    const columns: string[] = [];
    const lengths: string[] = [];
    relation.expressions.forEach((expression, i) => {
      const type = this.analysis.typeOf(expression);
      const sql = this.expression(expression);
      if (type.kind === 'map') {
        sources.push(`unnest(map_keys(${sql})) AS "k${i}"`, `unnest(map_values(${sql})) AS "e${i}"`);
        columns.push(`"k${i}"`, `"e${i}"`);
        lengths.push(`cardinality(${sql})`);
        return;
      }
      sources.push(`unnest(${sql}) AS "e${i}"`);
      lengths.push(`len(${sql})`);
      if (type.kind === 'array' && type.element.kind === 'row' && this.analysis.unnestRows.get(relation) !== false) {
        type.element.fields.forEach((f, j) => columns.push(`struct_extract("e${i}", ${quoteString(f.name ?? `field${j}`)})`));
      } else columns.push(`"e${i}"`);
    });
    if (relation.withOrdinality) {
      sources.push(`unnest(generate_series(1, ${lengths.length === 1 ? lengths[0] : `greatest(${lengths.join(', ')})`})) AS "o"`);
      columns.push(`"o"`);
    }
    const select = columns.map((c, i) => `${c} AS ${outputColumn(i)}`).join(', ');
    return `LATERAL (SELECT ${select} FROM (SELECT ${sources.join(', ')})) AS ${relationAlias(id)}`;
  }

  // ---------------------------------------------------------------- expressions

  expression(e: Ast.Expression): string {
    const type = this.analysis.typeOf(e);
    switch (e.kind) {
      case 'string':
        return quoteString(e.value);
      case 'number':
        return emitNumber(e, type);
      case 'boolean':
        return e.value ? 'true' : 'false';
      case 'null':
        return 'NULL';
      case 'typed-literal':
        return emitTypedLiteral(e, type);
      case 'interval':
        return `(${emitInterval(e)})`;
      case 'binary':
        return `unhex(${quoteString(e.hex)})`;
      case 'parameter':
        throw new SqlError('INVALID_PARAMETER_USAGE', 'Query has unbound parameters', e.at);
      case 'column':
        return this.column(this.analysis.names.get(e)!);
      case 'dereference':
        return `struct_extract(${this.expression(e.base)}, ${quoteString(e.field.value.toLowerCase())})`;
      case 'subscript':
        return this.subscript(e);
      case 'call':
        return this.call(e);
      case 'lambda': {
        const names = this.analysis.lambdaParameters.get(e) ?? [];
        return `(lambda ${names.map(quoteIdentifier).join(', ')}: ${this.expression(e.body)})`;
      }
      case 'cast':
        return `(${emitCast(this.expression(e.expression), this.analysis.typeOf(e.expression), type, e.safe)})`;
      case 'case': {
        const operand = e.operand ? ` ${this.expression(e.operand)}` : '';
        const whens = e.whens.map((w) => ` WHEN ${this.expression(w.condition)} THEN ${this.expression(w.result)}`).join('');
        const otherwise = e.otherwise ? ` ELSE ${this.expression(e.otherwise)}` : '';
        return `(CASE${operand}${whens}${otherwise} END)`;
      }
      case 'arithmetic':
        return emitArithmetic(
          e.operator,
          { sql: this.expression(e.left), type: this.analysis.typeOf(e.left) },
          { sql: this.expression(e.right), type: this.analysis.typeOf(e.right) },
          type,
        );
      case 'negation':
        return `(- ${this.expression(e.expression)})`;
      case 'concat':
        return this.concat(e);
      case 'comparison':
        return `(${this.expression(e.left)} ${e.operator} ${this.expression(e.right)})`;
      case 'logical':
        return `(${this.expression(e.left)} ${e.operator.toUpperCase()} ${this.expression(e.right)})`;
      case 'not':
        return `(NOT ${this.expression(e.expression)})`;
      case 'between':
        return `(${this.expression(e.expression)} ${e.negated ? 'NOT ' : ''}BETWEEN ${this.expression(e.low)} AND ${this.expression(e.high)})`;
      case 'in-list':
        return `(${this.expression(e.expression)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map((x) => this.expression(x)).join(', ')}))`;
      case 'in-subquery':
        return `(${this.expression(e.expression)} ${e.negated ? 'NOT ' : ''}IN (${this.query(e.query)}))`;
      case 'like': {
        const escapeClause = e.escape ? ` ESCAPE ${this.expression(e.escape)}` : '';
        return `(${this.expression(e.expression)} ${e.negated ? 'NOT ' : ''}LIKE ${this.expression(e.pattern)}${escapeClause})`;
      }
      case 'is-null':
        return `(${this.expression(e.expression)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
      case 'distinct-from':
        return `(${this.expression(e.left)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${this.expression(e.right)})`;
      case 'quantified-comparison':
        return `(${this.expression(e.left)} ${e.operator} ${e.quantifier.toUpperCase()} (${this.query(e.query)}))`;
      case 'exists':
        return `(EXISTS (${this.query(e.query)}))`;
      case 'subquery':
        return `(${this.query(e.query)})`;
      case 'array': {
        const items = e.items.map((x) => this.expression(x));
        return type.kind === 'array' && items.length === 0 ? `CAST([] AS ${duckdbTypeOf(type)})` : `[${items.join(', ')}]`;
      }
      case 'row':
        return `struct_pack(${e.items.map((x, i) => `${quoteIdentifier(`field${i}`)} := ${this.expression(x)}`).join(', ')})`;
      case 'at-time-zone':
        return this.atTimeZone(e);
      case 'extract':
        return this.extract(e);
      case 'current-time':
        switch (e.function) {
          case 'current_date':
            return 'current_date';
          case 'current_timestamp':
            return 'CAST(get_current_timestamp() AS TIMESTAMPTZ)';
          case 'localtimestamp':
            return `timezone('UTC', get_current_timestamp())`;
          case 'localtime':
            return `CAST(timezone('UTC', get_current_timestamp()) AS TIME)`;
          case 'current_time':
            throw new SqlError('NOT_SUPPORTED', 'current_time is not supported', e.at);
        }
    }
  }

  private column(resolution: Resolution): string {
    let sql: string;
    if (resolution.kind === 'lambda') sql = this.substitutions.get(resolution.parameter) ?? quoteIdentifier(resolution.parameter);
    else if (resolution.relation === OUTPUT_RELATION) sql = outputColumn(Number(resolution.field.column));
    else sql = `${this.aliasOverrides.get(resolution.relation) ?? relationAlias(resolution.relation)}.${quoteIdentifier(resolution.field.column)}`;
    for (const field of resolution.path) sql = `struct_extract(${sql}, ${quoteString(field)})`;
    return sql;
  }

  private subscript(e: Ast.Subscript): string {
    const base = this.analysis.typeOf(e.base);
    const sql = this.expression(e.base);
    const index = this.expression(e.index);
    if (base.kind === 'map') return `_trino_map_subscript(${sql}, ${index})`;
    if (base.kind === 'row') {
      const position = Number((e.index as Ast.NumberLiteral).text);
      return `struct_extract(${sql}, ${quoteString(base.fields[position - 1]?.name ?? `field${position - 1}`)})`;
    }
    return `_trino_array_subscript(${sql}, ${index})`;
  }

  private call(e: Ast.FunctionCall): string {
    const resolved = this.analysis.calls.get(e)!;
    const args: EmitArg[] = e.args.map((arg) => ({
      sql: this.expression(arg),
      type: this.analysis.typeOf(arg),
      ...(arg.kind === 'lambda' ? { apply: (...values: readonly string[]) => this.applyLambda(arg, values) } : {}),
    }));
    const over = e.over
      ? ` OVER ${e.over.kind === 'named' ? quoteIdentifier(e.over.name.value.toLowerCase()) : `(${this.windowSpecification(e.over.specification)})`}`
      : '';
    const filter = e.filter ? ` FILTER (WHERE ${this.expression(e.filter)})` : '';
    const context: EmitContext = {
      result: this.analysis.typeOf(e),
      distinct: e.distinct ? 'DISTINCT ' : '',
      orderBy: e.orderBy.length > 0 ? ` ORDER BY ${e.orderBy.map((item) => this.sortItem(item, false)).join(', ')}` : '',
      ignoreNulls: e.nullTreatment === 'ignore' ? ' IGNORE NULLS' : '',
      after: `${filter}${over}`,
    };
    try {
      return `(${resolved.overload.emit(args, context)})`;
    } catch (error) {
      if (error instanceof SqlError && error.offset === undefined) throw new SqlError(error.code, error.detail, e.at);
      throw error;
    }
  }

  /** A lambda's body with its parameters standing for the given DuckDB expressions. */
  private applyLambda(lambda: Ast.Lambda, values: readonly string[]): string {
    const names = this.analysis.lambdaParameters.get(lambda) ?? [];
    const saved = this.substitutions;
    this.substitutions = new Map([...saved, ...names.map((name, i) => [name, values[i] ?? 'NULL'] as const)]);
    try {
      return this.expression(lambda.body);
    } finally {
      this.substitutions = saved;
    }
  }

  private substitutions = new Map<string, string>();
  private readonly aliasOverrides = new Map<number, string>();

  /** Conditions on one relation's columns, written against another relation with the same column names. */
  partitionPredicate(conjuncts: readonly Ast.Expression[], relation: number, alias: string): string {
    this.aliasOverrides.set(relation, quoteIdentifier(alias));
    try {
      return conjuncts.map((c) => this.expression(c)).join(' AND ');
    } finally {
      this.aliasOverrides.delete(relation);
    }
  }

  private windowSpecification(spec: Ast.WindowSpecification): string {
    const parts: string[] = [];
    if (spec.existing) parts.push(quoteIdentifier(spec.existing.value.toLowerCase()));
    if (spec.partitionBy.length > 0) parts.push(`PARTITION BY ${spec.partitionBy.map((p) => this.expression(p)).join(', ')}`);
    if (spec.orderBy.length > 0) parts.push(`ORDER BY ${spec.orderBy.map((s) => this.sortItem(s, false)).join(', ')}`);
    if (spec.frame) parts.push(frameText(spec.frame, (e) => this.expression(e)));
    return parts.join(' ');
  }

  private concat(e: Ast.Concatenation): string {
    const type = this.analysis.typeOf(e);
    const left = this.expression(e.left);
    const right = this.expression(e.right);
    if (type.kind === 'array') {
      const leftType = this.analysis.typeOf(e.left);
      const rightType = this.analysis.typeOf(e.right);
      if (leftType.kind === 'array' && rightType.kind === 'array') return `list_concat(${left}, ${right})`;
      if (leftType.kind === 'array') return `list_append(${left}, ${right})`;
      return `list_prepend(${left}, ${right})`;
    }
    return `(${left} || ${right})`;
  }

  private atTimeZone(e: Ast.AtTimeZone): string {
    const from = this.analysis.typeOf(e.expression);
    if (e.zone.kind !== 'string')
      throw new SqlError('NOT_SUPPORTED', "AT TIME ZONE with a zone that is not a string literal is not supported by trailsight's local engine", e.zone.at);
    if (!isTimeZone(e.zone.value)) throw new SqlError('INVALID_FUNCTION_ARGUMENT', `Time zone not supported: ${e.zone.value}`, e.zone.at);
    const sql = this.expression(e.expression);
    // The instant stays; the zone (kept in the type) decides how it prints and what hour() says.
    return from.kind === 'timestamp' ? `CAST(${sql} AS TIMESTAMPTZ)` : sql;
  }

  private extract(e: Ast.Extract): string {
    const type = this.analysis.typeOf(e.expression);
    const sql = this.expression(e.expression);
    const local = type.kind === 'timestamp with time zone' ? localTime(sql, type) : sql;
    const field = e.field.value.toLowerCase();
    const duck: Record<string, string> = {
      year: 'year',
      quarter: 'quarter',
      month: 'month',
      week: 'week',
      day: 'day',
      day_of_month: 'day',
      day_of_week: 'isodow',
      dow: 'isodow',
      day_of_year: 'doy',
      doy: 'doy',
      year_of_week: 'isoyear',
      yow: 'isoyear',
      hour: 'hour',
      minute: 'minute',
      second: 'second',
    };
    if (field === 'timezone_hour' || field === 'timezone_minute') return `CAST(0 AS BIGINT)`;
    return `CAST(${duck[field]}(${local}) AS BIGINT)`;
  }
}

function duckdbTypeOf(type: SqlType): string {
  return type.kind === 'array' && type.element.kind === 'unknown' ? 'VARCHAR[]' : duckdbType(type);
}

function limitValue(e: Ast.Expression): string {
  if (e.kind === 'number' && isIntegralText(e.text)) return e.text;
  throw new SqlError('TYPE_MISMATCH', 'LIMIT and OFFSET must be integers', e.at);
}

const isIntegralText = (text: string) => /^\d+$/.test(text);

/** Whether Node's ICU knows the zone (as Trino's zone list does). */
export function isTimeZone(zone: string): boolean {
  if (/^[+-]\d{2}:\d{2}$/.test(zone) || zone === 'UTC' || zone === 'Z') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
