/** Trino's query and relation rules as trailsight's query tree. */
import {
  CubeContext,
  ExpressionSourceTableContext,
  InlineTableContext,
  JoinRelationContext,
  LateralContext,
  MultipleGroupingSetsContext,
  ParenthesizedRelationContext,
  QueryPrimaryDefaultContext,
  QueryStatementContext,
  QueryTermDefaultContext,
  RelationDefaultContext,
  RollupContext,
  SetOperationContext,
  SingleGroupingSetContext,
  SubqueryContext,
  SubqueryRelationContext,
  TableContext,
  TableNameContext,
  UnnestContext,
  type AliasedRelationContext,
  type GroupingElementContext,
  type JoinColumnReferenceContext,
  type GroupingSetContext,
  type QueryContext,
  type QueryNoWithContext,
  type QueryPrimaryContext,
  type QuerySpecificationContext,
  type QueryTermContext,
  type RelationContext,
  type RelationPrimaryContext,
  type SampledRelationContext,
  type SelectItemContext,
  type TableRefContext,
  type TableOrViewNameContext,
  type WithContext,
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js';
import { SqlError } from '../errors.ts';
import type * as Ast from '../tree/ast.ts';
import { type ExpressionBuilder, unsupported } from './build-expression.ts';
import { identifier, startOf } from './build-names.ts';

export class QueryBuilder {
  constructor(private readonly expressions: ExpressionBuilder) {
    expressions.queries = this;
  }

  query(ctx: QueryContext): Ast.Query {
    if (!(ctx instanceof QueryStatementContext)) throw unsupported(ctx);
    const withCtx = ctx.with();
    const query = this.queryNoWith(ctx.queryNoWith());
    return withCtx ? { ...query, at: startOf(ctx), with: this.with(withCtx) } : query;
  }

  private with(ctx: WithContext): Ast.With {
    return {
      recursive: ctx.KW_RECURSIVE() !== null,
      queries: ctx.namedQuery().map((named) => {
        const aliases = named.columnAliases();
        return {
          name: identifier(named.identifier()),
          ...(aliases ? { columns: aliases.identifier().map(identifier) } : {}),
          query: this.query(named.query()),
          at: startOf(named),
        };
      }),
    };
  }

  private queryNoWith(ctx: QueryNoWithContext): Ast.Query {
    const at = startOf(ctx);
    const body = this.queryTerm(ctx.queryTerm());
    const orderBy = ctx.sortItem().map((s) => this.expressions.sortItem(s));
    if (ctx.KW_WITH() && ctx.KW_TIES()) throw new SqlError('NOT_SUPPORTED', 'FETCH FIRST … WITH TIES is not supported', at);
    const rowCount = (
      count: { INTEGER_VALUE(): { getText(): string; symbol: { start: number } } | null; QUESTION_MARK(): unknown } | undefined,
    ): Ast.Expression | undefined => {
      if (!count) return undefined;
      const integer = count.INTEGER_VALUE();
      if (integer) return { kind: 'number', at: integer.symbol.start, text: integer.getText(), type: 'integer' };
      throw new SqlError('NOT_SUPPORTED', 'a parameter as a row count is not supported', at);
    };
    const offset = rowCount(ctx._offset);
    let limit: Ast.Query['limit'];
    if (ctx._limit) limit = ctx._limit.KW_ALL() ? 'all' : rowCount(ctx._limit.rowCount() ?? undefined);
    else if (ctx._fetchFirst) limit = rowCount(ctx._fetchFirst);
    else if (ctx.KW_FETCH()) limit = { kind: 'number', at, text: '1', type: 'integer' };
    return { kind: 'query', at, body, orderBy, ...(offset ? { offset } : {}), ...(limit ? { limit } : {}) };
  }

  private queryTerm(ctx: QueryTermContext): Ast.QueryBody {
    if (ctx instanceof QueryTermDefaultContext) return this.queryPrimary(ctx.queryPrimary());
    if (ctx instanceof SetOperationContext) {
      const operator = ctx._operator!.text!.toLowerCase() as Ast.SetOperation['operator'];
      return {
        kind: 'set-operation',
        at: startOf(ctx),
        operator,
        distinct: ctx.setQuantifier()?.KW_ALL() == null,
        left: this.queryTerm(ctx._left!),
        right: this.queryTerm(ctx._right!),
      };
    }
    throw unsupported(ctx);
  }

  private queryPrimary(ctx: QueryPrimaryContext): Ast.QueryBody {
    const at = startOf(ctx);
    if (ctx instanceof QueryPrimaryDefaultContext) return this.select(ctx.querySpecification());
    if (ctx instanceof TableContext) return { kind: 'table-body', at, name: tableName(ctx.tableRef()) };
    if (ctx instanceof InlineTableContext) return { kind: 'values', at, rows: ctx.expression().map((e) => this.expressions.expression(e)) };
    if (ctx instanceof SubqueryContext) return this.queryNoWith(ctx.queryNoWith());
    throw unsupported(ctx);
  }

  private select(ctx: QuerySpecificationContext): Ast.Select {
    const where = ctx.whereClause()?._where;
    const having = ctx.havingClause()?._having;
    const groupBy = ctx.groupBy();
    return {
      kind: 'select',
      at: startOf(ctx),
      distinct: ctx.setQuantifier()?.KW_DISTINCT() != null,
      items: ctx
        .selectList()
        .selectItem()
        .map((item) => this.selectItem(item)),
      from: ctx.relation().map((r) => this.relation(r)),
      ...(where ? { where: this.expressions.booleanExpression(where) } : {}),
      ...(groupBy
        ? { groupBy: { distinct: groupBy.setQuantifier()?.KW_DISTINCT() != null, elements: groupBy.groupingElement().map((g) => this.groupingElement(g)) } }
        : {}),
      ...(having ? { having: this.expressions.booleanExpression(having) } : {}),
      windows: ctx.windowDefinition().map((w) => ({ name: identifier(w.identifier()), window: this.expressions.windowSpecification(w.windowSpecification()) })),
    };
  }

  private selectItem(ctx: SelectItemContext): Ast.SelectItem {
    const at = startOf(ctx);
    if (ctx.selectAllWithoutTable()) return { kind: 'all-columns', at };
    const all = ctx.tableAllColumns();
    if (all) {
      const aliases = ctx.columnAliases();
      return {
        kind: 'all-columns',
        at,
        qualifier: this.expressions.primary(all.primaryExpression()),
        ...(aliases ? { aliases: aliases.identifier().map(identifier) } : {}),
      };
    }
    const literal = ctx.selectLiteralColumnName();
    const expression = literal
      ? ({ kind: 'column', at, name: { parts: literal.columnRef().qualifiedName()!.identifier().map(identifier), at } } as Ast.Expression)
      : this.expressions.expression(ctx.selectExpressionColumnName()!.expression());
    const alias = ctx._alias;
    return { kind: 'item', at, expression, ...(alias ? { alias: identifier(alias) } : {}) };
  }

  private groupingElement(ctx: GroupingElementContext): Ast.GroupingElement {
    if (ctx instanceof SingleGroupingSetContext) return { kind: 'expressions', expressions: this.groupingSet(ctx.groupingSet()) };
    if (ctx instanceof RollupContext || ctx instanceof CubeContext) {
      return { kind: ctx instanceof RollupContext ? 'rollup' : 'cube', sets: ctx.groupingSet().map((s) => this.groupingSet(s)) };
    }
    if (ctx instanceof MultipleGroupingSetsContext) return { kind: 'grouping-sets', sets: ctx.groupingSet().map((s) => this.groupingSet(s)) };
    throw unsupported(ctx);
  }

  private groupingSet(ctx: GroupingSetContext): Ast.Expression[] {
    return ctx.groupingTerm().map((term) => {
      const ref = term.columnRef();
      if (ref)
        return { kind: 'column', at: startOf(ref), name: { parts: ref.qualifiedName()!.identifier().map(identifier), at: startOf(ref) } } as Ast.Expression;
      return this.expressions.expression(term.expression()!);
    });
  }

  // ---------------------------------------------------------------- relations

  relation(ctx: RelationContext): Ast.Relation {
    const at = startOf(ctx);
    if (ctx instanceof RelationDefaultContext) return this.sampled(ctx.sampledRelation());
    if (ctx instanceof JoinRelationContext) {
      const left = this.relation(ctx._left!);
      if (ctx.KW_CROSS()) return { kind: 'join', at, type: 'cross', natural: false, left, right: this.sampled(ctx._right!) };
      const typeCtx = ctx.joinType()!;
      const type = typeCtx.KW_LEFT() ? 'left' : typeCtx.KW_RIGHT() ? 'right' : typeCtx.KW_FULL() ? 'full' : 'inner';
      if (ctx.KW_NATURAL()) return { kind: 'join', at, type, natural: true, left, right: this.sampled(ctx._right!) };
      const right = this.relation(ctx._rightRelation!);
      const criteria = ctx.joinCriteria()!;
      const on = criteria.booleanExpression();
      if (on) return { kind: 'join', at, type, natural: false, left, right, on: this.expressions.booleanExpression(on) };
      // dt-sql-parser parses a plain `ON a.x = b.y` by a rule of its own: the same comparison.
      const equality = criteria.joinColumnEquality();
      if (equality) {
        const side = (ref: JoinColumnReferenceContext): Ast.Expression => {
          const column = ref.columnName();
          if (!column) throw new SqlError('SYNTAX_ERROR', 'incomplete join condition', startOf(ref));
          return { kind: 'column', at: startOf(ref), name: { parts: column.qualifiedName().identifier().map(identifier), at: startOf(ref) } };
        };
        const on: Ast.Expression = { kind: 'comparison', at: startOf(equality), operator: '=', left: side(equality._left!), right: side(equality._right!) };
        return { kind: 'join', at, type, natural: false, left, right, on };
      }
      return { kind: 'join', at, type, natural: false, left, right, using: criteria.identifier().map(identifier) };
    }
    throw unsupported(ctx);
  }

  private sampled(ctx: SampledRelationContext): Ast.Relation {
    const recognition = ctx.patternRecognition();
    if (recognition.KW_MATCH_RECOGNIZE())
      throw new SqlError('NOT_SUPPORTED', "MATCH_RECOGNIZE is not supported by trailsight's local engine", startOf(recognition));
    const relation = this.aliased(recognition.aliasedRelation());
    const sample = ctx.sampleType();
    if (!sample) return relation;
    return {
      kind: 'sampled',
      at: startOf(ctx),
      relation,
      method: sample.KW_SYSTEM() ? 'system' : 'bernoulli',
      percentage: this.expressions.expression(ctx._percentage!),
    };
  }

  private aliased(ctx: AliasedRelationContext): Ast.Relation {
    const relation = this.primary(ctx.relationPrimary());
    const alias = ctx._alias;
    if (!alias) return relation;
    const columns = ctx.columnAliases();
    return { kind: 'aliased', at: startOf(ctx), relation, alias: identifier(alias), ...(columns ? { columns: columns.identifier().map(identifier) } : {}) };
  }

  private primary(ctx: RelationPrimaryContext): Ast.Relation {
    const at = startOf(ctx);
    if (ctx instanceof TableNameContext) {
      if (ctx.queryPeriod()) throw new SqlError('NOT_SUPPORTED', 'FOR TIMESTAMP/VERSION AS OF is not supported', startOf(ctx.queryPeriod()!));
      return { kind: 'table', at, name: tableOrViewName(ctx.tableOrViewName()), end: (ctx.stop?.stop ?? at) + 1 };
    }
    if (ctx instanceof ParenthesizedRelationContext) return this.relation(ctx.relation());
    if (ctx instanceof ExpressionSourceTableContext) {
      const source = ctx.relationSourceTable();
      if (source instanceof SubqueryRelationContext) return { kind: 'subquery-relation', at, query: this.query(source.query()) };
      if (source instanceof UnnestContext) {
        return {
          kind: 'unnest',
          at,
          expressions: source.expression().map((e) => this.expressions.expression(e)),
          withOrdinality: source.KW_ORDINALITY() !== null,
        };
      }
      if (source instanceof LateralContext) return { kind: 'lateral', at, query: this.query(source.query()) };
      throw unsupported(source);
    }
    throw unsupported(ctx);
  }
}

function tableOrViewName(ctx: TableOrViewNameContext): Ast.QualifiedName {
  const ref = ctx.tableRef();
  if (ref) return tableName(ref);
  const view = ctx.viewRef()!;
  return { parts: view.identifier().map(identifier), at: startOf(view) };
}

function tableName(ctx: TableRefContext): Ast.QualifiedName {
  return { parts: ctx.identifier().map(identifier), at: startOf(ctx) };
}
