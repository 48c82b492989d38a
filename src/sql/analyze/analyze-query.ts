/**
 * Queries and relations: which tables a query reads (through the catalog, as Athena resolves names),
 * what each FROM exposes, what each query returns (names and types as Trino gives them).
 */
import { SqlError } from '../errors.ts';
import { canonical, type Identifier } from '../tree/ast.ts';
import type * as Ast from '../tree/ast.ts';
import { commonType } from '../types/coercion.ts';
import { BIGINT, typeText, type SqlType } from '../types/sql-type.ts';
import { typeFromName } from '../types/type-name.ts';
import type { Analysis, OutputColumn } from './analysis.ts';
import type { Catalog } from './catalog.ts';
import type { ExpressionAnalyzer, ExpressionPlace } from './analyze-expression.ts';
import { Scope, type Field, type RelationScope } from './scope.ts';

/** WITH queries visible at a point: name → the named query and its output. */
type NamedQueries = ReadonlyMap<string, { readonly named: Ast.NamedQuery; readonly columns: readonly OutputColumn[] }>;

/** The pseudo relation id ORDER BY uses for a query's own output columns. */
export const OUTPUT_RELATION = -1;

export class QueryAnalyzer {
  private nextRelation = 0;
  /** Collect every problem (lint) instead of stopping at the first (the engine). */
  collect = false;

  constructor(
    private readonly analysis: Analysis,
    private readonly catalog: Catalog,
    private readonly expressions: ExpressionAnalyzer,
  ) {
    expressions.queries = this;
  }

  typeOf(name: Ast.TypeName): SqlType {
    return typeFromName(name);
  }

  /** A query and everything in it; returns its output columns. */
  query(query: Ast.Query, outer: Scope | undefined, named: NamedQueries = new Map()): readonly OutputColumn[] {
    let visible = named;
    if (query.with) {
      if (query.with.recursive) throw new SqlError('NOT_SUPPORTED', "WITH RECURSIVE is not supported by trailsight's local engine", query.at);
      const local = new Map(named);
      for (const item of query.with.queries) {
        const name = canonical(item.name);
        if (query.with.queries.filter((q) => canonical(q.name) === name).length > 1)
          throw new SqlError('DUPLICATE_NAMED_QUERY', `WITH query name '${name}' specified more than once`, item.name.at);
        const columns = this.query(item.query, outer, local);
        local.set(name, { named: item, columns: renameColumns(columns, item.columns, item.name) });
      }
      visible = local;
    }
    const columns = this.body(query.body, outer, visible, query);
    this.analysis.outputs.set(query, columns);
    if (query.limit && query.limit !== 'all') this.rowCount(query.limit, 'LIMIT');
    if (query.offset) this.rowCount(query.offset, 'OFFSET');
    return columns;
  }

  /** A subquery in an expression (EXISTS, IN, scalar): correlated with the scope it is in. */
  subquery(query: Ast.Query, scope: Scope): readonly OutputColumn[] {
    return this.query(query, scope, this.currentNamed);
  }

  private currentNamed: NamedQueries = new Map();

  private rowCount(expression: Ast.Expression, clause: string): void {
    if (expression.kind !== 'number' || expression.type !== 'integer' || BigInt(expression.text) < 0n) {
      throw new SqlError('TYPE_MISMATCH', `${clause} must be a non-negative integer`, expression.at);
    }
  }

  private body(body: Ast.QueryBody, outer: Scope | undefined, named: NamedQueries, query?: Ast.Query): readonly OutputColumn[] {
    const saved = this.currentNamed;
    this.currentNamed = named;
    try {
      const columns = this.bodyColumns(body, outer, named, query);
      this.analysis.outputs.set(body, columns);
      return columns;
    } finally {
      this.currentNamed = saved;
    }
  }

  private bodyColumns(body: Ast.QueryBody, outer: Scope | undefined, named: NamedQueries, query?: Ast.Query): readonly OutputColumn[] {
    switch (body.kind) {
      case 'query':
        return this.query(body, outer, named);
      case 'select':
        return this.select(body, outer, named, query);
      case 'values':
        return this.values(body, outer);
      case 'table-body': {
        const relation: Ast.TableRelation = { kind: 'table', at: body.at, name: body.name, end: body.at };
        const scope = this.relationScope(relation, named);
        const columns = scope.fields.filter((f) => !f.hidden).map((f) => ({ name: f.name ?? '', type: f.type, at: body.at }));
        this.orderBy(query, columns, new Scope([scope], outer), undefined);
        return columns;
      }
      case 'set-operation': {
        const left = this.body(body.left, outer, named);
        const right = this.body(body.right, outer, named);
        if (left.length !== right.length)
          throw new SqlError('TYPE_MISMATCH', `${body.operator.toUpperCase()} query has different number of fields: ${left.length}, ${right.length}`, body.at);
        const columns = left.map((column, i) => {
          const type = commonType(column.type, right[i]!.type);
          if (!type)
            throw new SqlError(
              'TYPE_MISMATCH',
              `column ${i + 1} in ${body.operator.toUpperCase()} query has incompatible types: ${typeText(column.type)}, ${typeText(right[i]!.type)}`,
              body.at,
            );
          return { ...column, type };
        });
        this.orderBy(query, columns, undefined, undefined);
        return columns;
      }
    }
  }

  private values(body: Ast.Values, outer: Scope | undefined): readonly OutputColumn[] {
    const place: ExpressionPlace = { scope: new Scope([], outer), noAggregates: 'VALUES', noWindows: 'VALUES' };
    let types: SqlType[] | undefined;
    for (const row of body.rows) {
      const items = row.kind === 'row' ? row.items : [row];
      const rowTypes = items.map((item) => this.expressions.analyze(item, place));
      if (row.kind === 'row') this.analysis.types.set(row, { kind: 'row', fields: rowTypes.map((type) => ({ type })) });
      if (!types) types = rowTypes;
      else {
        if (types.length !== rowTypes.length)
          throw new SqlError('TYPE_MISMATCH', `Values rows have mismatched sizes: ${types.length} vs ${rowTypes.length}`, row.at);
        types = types.map((t, i) => {
          const common = commonType(t, rowTypes[i]!);
          if (!common) throw new SqlError('TYPE_MISMATCH', `Values rows have mismatched types: ${typeText(t)} vs ${typeText(rowTypes[i]!)}`, row.at);
          return common;
        });
      }
    }
    return (types ?? []).map((type, i) => ({ name: `_col${i}`, type, at: body.at }));
  }

  // ---------------------------------------------------------------- SELECT

  private select(select: Ast.Select, outer: Scope | undefined, named: NamedQueries, query: Ast.Query | undefined): readonly OutputColumn[] {
    const relations: RelationScope[] = [];
    for (const relation of select.from) relations.push(...this.fromItem(relation, outer, named, relations));
    const scope = new Scope(relations, outer);
    const base: ExpressionPlace = { scope };
    this.guard(
      () => select.where && this.expressions.condition(select.where, { scope, noAggregates: 'WHERE clause', noWindows: 'WHERE clause' }, 'WHERE clause'),
    );
    const columns: OutputColumn[] = [];
    const savedWindows = this.windowsInScope;
    this.windowsInScope = select.windows;
    for (const item of select.items) {
      this.guard(() => columns.push(...this.selectItem(item, scope, base, relations, columns.length)));
    }
    if (select.groupBy) {
      for (const element of select.groupBy.elements) {
        const groups = element.kind === 'expressions' ? [element.expressions] : element.sets;
        for (const expression of groups.flat()) this.guard(() => this.groupingExpression(expression, select, scope));
      }
    }
    this.guard(() => select.having && this.expressions.condition(select.having, { scope, noWindows: 'HAVING clause' }, 'HAVING clause'));
    for (const window of select.windows) this.guard(() => this.windowSpecification(window.window, base));
    this.orderBy(query, columns, scope, select);
    this.windowsInScope = savedWindows;
    return columns;
  }

  private windowsInScope: readonly Ast.NamedWindow[] = [];

  private selectItem(item: Ast.SelectItem, _scope: Scope, place: ExpressionPlace, relations: readonly RelationScope[], position: number): OutputColumn[] {
    if (item.kind === 'all-columns') {
      const expanded = item.qualifier
        ? this.qualifiedStar(item, relations)
        : relations.flatMap((r) => r.fields.filter((f) => !f.hidden).map((field) => ({ relation: r.id, field })));
      if (!item.qualifier && relations.length === 0) throw new SqlError('COLUMN_NOT_FOUND', 'SELECT * not allowed in queries without FROM clause', item.at);
      this.analysis.stars.set(item, expanded);
      const names = item.aliases?.map(canonical);
      if (names && names.length !== expanded.length)
        throw new SqlError('MISMATCHED_COLUMN_ALIASES', `Column alias list has ${names.length} entries but relation has ${expanded.length} columns`, item.at);
      return expanded.map((c, i) => ({ name: names?.[i] ?? c.field.name ?? `_col${position + i}`, type: c.field.type, at: item.at, origin: 'star' as const }));
    }
    const type = this.expressions.analyze(item.expression, place);
    const e = item.expression;
    const origin = item.alias ? 'alias' : e.kind === 'column' || e.kind === 'dereference' ? 'column' : 'unnamed';
    return [{ name: outputName(item, position), type, at: item.alias?.at ?? item.expression.at, origin }];
  }

  private qualifiedStar(item: Extract<Ast.SelectItem, { kind: 'all-columns' }>, relations: readonly RelationScope[]) {
    const qualifier = item.qualifier!;
    if (qualifier.kind === 'column') {
      const names = qualifier.name.parts.map(canonical);
      const relation = relations.find((r) =>
        r.qualifiers.some((q) => q.length >= names.length && q.slice(q.length - names.length).every((n, i) => n === names[i])),
      );
      if (relation) return relation.fields.filter((f) => !f.hidden).map((field) => ({ relation: relation.id, field }));
    }
    // `expression.*`: the fields of a row value.
    const type = this.expressions.analyze(qualifier, { scope: new Scope(relations) });
    if (type.kind !== 'row') throw new SqlError('TYPE_MISMATCH', `Unable to resolve reference ${printName(qualifier)}.*`, item.at);
    throw new SqlError('NOT_SUPPORTED', "expanding the fields of a row value with .* is not supported by trailsight's local engine", item.at);
  }

  private groupingExpression(expression: Ast.Expression, select: Ast.Select, scope: Scope): void {
    if (expression.kind === 'number' && expression.type === 'integer') {
      const position = Number(expression.text);
      const items = select.items;
      const item = items[position - 1];
      if (!item || position < 1) throw new SqlError('INVALID_COLUMN_REFERENCE', `GROUP BY position ${position} is not in select list`, expression.at);
      if (item.kind !== 'item') throw new SqlError('NOT_SUPPORTED', 'GROUP BY a position of * is not supported', expression.at);
      this.analysis.ordinals.set(expression, item.expression);
      return;
    }
    this.expressions.analyze(expression, { scope, noAggregates: 'GROUP BY clause', noWindows: 'GROUP BY clause' });
  }

  private orderBy(query: Ast.Query | undefined, columns: readonly OutputColumn[], scope: Scope | undefined, select: Ast.Select | undefined): void {
    if (!query || query.orderBy.length === 0) return;
    const outputs: RelationScope = {
      id: OUTPUT_RELATION,
      qualifiers: [],
      fields: columns.map((c, i) => ({ name: c.name, type: c.type, column: String(i) })),
    };
    for (const item of query.orderBy) {
      this.guard(() => {
        const e = item.expression;
        if (e.kind === 'number' && e.type === 'integer') {
          const position = Number(e.text);
          if (position < 1 || position > columns.length)
            throw new SqlError('INVALID_COLUMN_REFERENCE', `ORDER BY position ${position} is not in select list`, e.at);
          this.analysis.orderByOutputs.set(item, position - 1);
          return;
        }
        if (e.kind === 'column' && e.name.parts.length === 1) {
          // An output column's name wins over the FROM's columns (Trino's ORDER BY scope).
          const name = canonical(e.name.parts[0]!);
          const matches = columns.flatMap((c, i) => (c.name === name ? [i] : []));
          if (matches.length > 1 && !(select && matches.every((i) => isColumnNamed(select, i, name))))
            throw new SqlError('AMBIGUOUS_NAME', `'${name}' in ORDER BY is ambiguous`, e.at);
          if (matches.length >= 1) {
            this.analysis.orderByOutputs.set(item, matches[0]!);
            return;
          }
        }
        // Set operations and SELECT DISTINCT order by their output only; otherwise output names shadow the FROM's.
        const own = new Scope([outputs]);
        const orderScope = !scope || select?.distinct ? own : new Scope([outputs], new Scope(scope.relations, scope.parent));
        this.expressions.analyze(e, { scope: orderScope });
      });
    }
  }

  /** A window (OVER) and the named windows it may refer to. */
  window(over: Ast.Window, place: ExpressionPlace): void {
    if (over.kind === 'named') {
      if (!this.windowsInScope.some((w) => canonical(w.name) === canonical(over.name)))
        throw new SqlError('INVALID_WINDOW_REFERENCE', `Cannot resolve WINDOW name ${over.name.value}`, over.name.at);
      return;
    }
    this.windowSpecification(over.specification, place);
  }

  private windowSpecification(spec: Ast.WindowSpecification, place: ExpressionPlace): void {
    const inner: ExpressionPlace = { scope: place.scope, noWindows: 'Window specification' };
    for (const e of spec.partitionBy) this.expressions.analyze(e, inner);
    for (const s of spec.orderBy) this.expressions.analyze(s.expression, inner);
    for (const bound of [spec.frame?.start, spec.frame?.end]) {
      if (bound && (bound.kind === 'preceding' || bound.kind === 'following')) this.expressions.analyze(bound.offset, inner);
    }
  }

  // ---------------------------------------------------------------- FROM

  /** One FROM item; UNNEST and LATERAL see the items before it (Trino's implicit lateral). */
  private fromItem(relation: Ast.Relation, outer: Scope | undefined, named: NamedQueries, before: readonly RelationScope[]): RelationScope[] {
    return this.relation(relation, outer, named, before);
  }

  private relation(relation: Ast.Relation, outer: Scope | undefined, named: NamedQueries, before: readonly RelationScope[]): RelationScope[] {
    switch (relation.kind) {
      case 'join': {
        const left = this.relation(relation.left, outer, named, before);
        const right = this.relation(relation.right, outer, named, [...before, ...left]);
        const scope = new Scope([...left, ...right], outer);
        if (relation.on)
          this.guard(() => this.expressions.condition(relation.on!, { scope, noAggregates: 'JOIN clause', noWindows: 'JOIN clause' }, 'JOIN ON clause'));
        for (const column of relation.using ?? []) {
          const name = canonical(column);
          for (const side of [left, right]) {
            if (!side.some((r) => r.fields.some((f) => f.name === name)))
              throw new SqlError('COLUMN_NOT_FOUND', `Column '${column.value}' is missing from ${side === left ? 'left' : 'right'} side of join`, column.at);
          }
        }
        if (relation.natural) throw new SqlError('NOT_SUPPORTED', 'Natural join not supported', relation.at);
        return [...left, ...right];
      }
      case 'aliased': {
        const [inner, ...rest] =
          relation.relation.kind === 'unnest'
            ? [this.unnest(relation.relation, new Scope(before, outer), relation.columns?.length)]
            : this.relation(relation.relation, outer, named, before);
        if (!inner || rest.length > 0) throw new SqlError('NOT_SUPPORTED', 'an alias on a parenthesized join is not supported', relation.at);
        const aliases = relation.columns?.map(canonical);
        const visible = inner.fields.filter((f) => !f.hidden);
        if (aliases && aliases.length !== visible.length) {
          throw new SqlError(
            'MISMATCHED_COLUMN_ALIASES',
            `Column alias list has ${aliases.length} entries but '${relation.alias.value}' has ${visible.length} columns available`,
            relation.at,
          );
        }
        const fields = aliases ? visible.map((f, i) => ({ ...f, name: aliases[i]! })) : inner.fields;
        const scope: RelationScope = { id: inner.id, qualifiers: [[canonical(relation.alias)]], fields };
        this.analysis.relationIds.set(relation, inner.id);
        this.analysis.relationFields.set(inner.id, fields);
        return [scope];
      }
      case 'table':
        return [this.relationScope(relation, named)];
      case 'subquery-relation':
      case 'lateral': {
        const id = this.nextRelation++;
        const columns = this.query(relation.query, relation.kind === 'lateral' ? new Scope(before, outer) : outer, named);
        const fields = columns.map((c, i) => ({
          ...(c.name.startsWith('_col') && relation.kind === 'subquery-relation' && isUnnamed(relation.query, i) ? {} : { name: c.name }),
          type: c.type,
          column: `_c${i}`,
        }));
        return [this.register(relation, { id, qualifiers: [], fields })];
      }
      case 'unnest':
        return [this.unnest(relation, new Scope(before, outer))];
      case 'sampled': {
        this.guard(() => this.expressions.analyze(relation.percentage, { scope: new Scope([], outer) }));
        const inner = this.relation(relation.relation, outer, named, before);
        this.analysis.relationIds.set(relation, inner[0]!.id);
        return inner;
      }
    }
  }

  private register(relation: Ast.Relation, scope: RelationScope): RelationScope {
    this.analysis.relationIds.set(relation, scope.id);
    this.analysis.relationFields.set(scope.id, scope.fields);
    return scope;
  }

  /** A table or a WITH query, named as Athena resolves names: `t`, `db.t`, `catalog.db.t`. */
  private relationScope(relation: Ast.TableRelation, named: NamedQueries): RelationScope {
    const names = relation.name.parts.map(canonical);
    const id = this.nextRelation++;
    if (names.length === 1 && named.has(names[0]!)) {
      const { named: query, columns } = named.get(names[0]!)!;
      this.analysis.namedQueryRefs.set(relation, { named: query, id });
      const fields = columns.map((c, i) => ({ name: c.name, type: c.type, column: `_c${i}` }));
      return this.register(relation, { id, qualifiers: [[names[0]!]], fields });
    }
    if (names.length > 3) throw new SqlError('SYNTAX_ERROR', `Too many dots in table name: ${printParts(relation.name.parts)}`, relation.at);
    const [catalog, database, table] = [
      names.length === 3 ? names[0]! : this.catalog.defaultCatalog,
      names.length >= 2 ? names[names.length - 2]! : this.catalog.defaultDatabase,
      names[names.length - 1]!,
    ];
    if (!this.catalog.hasCatalog(catalog)) throw new SqlError('CATALOG_NOT_FOUND', `Catalog '${catalog}' does not exist`, relation.at);
    const found = this.catalog.table(catalog, database, table);
    if (!found) {
      if (!this.catalog.hasDatabase(catalog, database)) throw new SqlError('SCHEMA_NOT_FOUND', `Schema '${database}' does not exist`, relation.at);
      throw new SqlError('TABLE_NOT_FOUND', `Table '${catalog}.${database}.${table}' does not exist`, relation.at);
    }
    this.analysis.tables.set(relation, { table: found, id });
    const fields: Field[] = [
      ...found.columns.map((c) => ({ name: c.name, type: c.type, column: c.name })),
      ...found.hidden.map((c) => ({ name: c.name, type: c.type, column: c.name, hidden: true })),
    ];
    return this.register(relation, { id, qualifiers: [[found.catalog, found.database, found.name]], fields });
  }

  /**
   * UNNEST: an array one column, a map two (key, value); several arguments zip. An array of rows is
   * one column of rows when it is given one name (`UNNEST(resources) AS t(r)`, as Athena's own
   * documentation writes it: Presto's legacy behaviour, which Athena keeps), and the rows' fields as
   * columns otherwise (`AS t(arn, accountid, type)`, or no names: Trino's behaviour).
   */
  private unnest(relation: Ast.UnnestRelation, scope: Scope, aliasCount?: number): RelationScope {
    const id = this.nextRelation++;
    const fields: Field[] = [];
    const types = relation.expressions.map((expression) => this.expressions.analyze(expression, { scope, noAggregates: 'UNNEST', noWindows: 'UNNEST' }));
    const oneColumnEach = types.reduce((n, t) => n + (t.kind === 'map' ? 2 : 1), 0) + (relation.withOrdinality ? 1 : 0);
    const rowsAsColumns = aliasCount === undefined || aliasCount !== oneColumnEach;
    this.analysis.unnestRows.set(relation, rowsAsColumns);
    for (const [index, type] of types.entries()) {
      const expression = relation.expressions[index]!;
      if (type.kind === 'array') {
        if (type.element.kind === 'row' && rowsAsColumns)
          for (const f of type.element.fields) fields.push({ ...(f.name ? { name: f.name } : {}), type: f.type, column: `_c${fields.length}` });
        else fields.push({ type: type.element, column: `_c${fields.length}` });
      } else if (type.kind === 'map') {
        fields.push({ type: type.key, column: `_c${fields.length}` }, { type: type.value, column: `_c${fields.length + 1}` });
      } else if (type.kind !== 'unknown') {
        throw new SqlError('TYPE_MISMATCH', `Cannot unnest type: ${typeText(type)}`, expression.at);
      }
    }
    if (relation.withOrdinality) fields.push({ type: BIGINT, column: `_c${fields.length}` });
    return this.register(relation, { id, qualifiers: [], fields });
  }

  /** Runs one check; in collecting mode a problem is recorded and the analysis goes on. */
  guard(check: () => unknown): void {
    if (!this.collect) {
      check();
      return;
    }
    try {
      check();
    } catch (error) {
      if (!(error instanceof SqlError)) throw error;
      this.analysis.problems.push(error);
    }
  }
}

/** Trino's name of a select item: its alias, a column's (or field's) name, else `_col<position>`. */
function outputName(item: Extract<Ast.SelectItem, { kind: 'item' }>, position: number): string {
  if (item.alias) return canonical(item.alias);
  const e = item.expression;
  if (e.kind === 'column') return canonical(e.name.parts[e.name.parts.length - 1]!);
  if (e.kind === 'dereference') return canonical(e.field);
  return `_col${position}`;
}

function isColumnNamed(select: Ast.Select, index: number, name: string): boolean {
  const item = select.items[index];
  return (
    item?.kind === 'item' &&
    item.expression.kind === 'column' &&
    !item.alias &&
    canonical(item.expression.name.parts[item.expression.name.parts.length - 1]!) === name
  );
}

function isUnnamed(query: Ast.Query, index: number): boolean {
  const body = query.body;
  if (body.kind !== 'select') return body.kind === 'values';
  const item = body.items[index];
  return item?.kind === 'item' && !item.alias && item.expression.kind !== 'column' && item.expression.kind !== 'dereference';
}

function renameColumns(columns: readonly OutputColumn[], names: readonly Identifier[] | undefined, query: Identifier): readonly OutputColumn[] {
  if (!names) return columns;
  if (names.length !== columns.length)
    throw new SqlError(
      'MISMATCHED_COLUMN_ALIASES',
      `WITH column alias list has ${names.length} entries but WITH query (${query.value}) has ${columns.length} columns`,
      query.at,
    );
  return columns.map((c, i) => ({ ...c, name: canonical(names[i]!) }));
}

function printParts(parts: readonly Identifier[]): string {
  return parts.map((p) => p.value).join('.');
}

function printName(e: Ast.Expression): string {
  return e.kind === 'column' ? printParts(e.name.parts) : 'expression';
}
