/** Trino's expression rules as trailsight's expression tree. */
import type { ParserRuleContext } from 'antlr4ng';
import {
  AndContext,
  ArithmeticBinaryContext,
  ArithmeticUnaryContext,
  ArrayConstructorContext,
  AtTimeZoneContext,
  BetweenContext,
  BinaryLiteralContext,
  BooleanLiteralContext,
  BoundedFrameContext,
  CastContext,
  CoalesceContext,
  ColumnReferenceContext,
  ComparisonContext,
  ConcatenationContext,
  CurrentDateContext,
  CurrentRowBoundContext,
  CurrentTimeContext,
  CurrentTimestampContext,
  DereferenceContext,
  DistinctFromContext,
  ExistsContext,
  ExtractContext,
  FunctionCallContext,
  InListContext,
  InSubqueryContext,
  IntervalLiteralContext,
  LambdaContext,
  LikeContext,
  ListAggContext,
  LocalTimeContext,
  LocalTimestampContext,
  LogicalNotContext,
  NormalizeContext,
  NullLiteralContext,
  NullPredicateContext,
  NumericLiteralContext,
  OrContext,
  ParameterContext,
  ParenthesizedExpressionContext,
  PositionContext,
  PredicatedContext,
  QuantifiedComparisonContext,
  RowConstructorContext,
  SearchedCaseContext,
  SimpleCaseContext,
  StringLiteralContext,
  SubqueryExpressionContext,
  SubscriptContext,
  SubstringContext,
  TimeZoneIntervalContext,
  TimeZoneStringContext,
  TrimContext,
  TypeConstructorContext,
  UnboundedFrameContext,
  ValueExpressionDefaultContext,
  type BooleanExpressionContext,
  type ComparisonOperatorContext,
  type ExpressionContext,
  type FrameBoundContext,
  type IntervalContext,
  type OverContext,
  type PredicateContext,
  type PrimaryExpressionContext,
  type SortItemContext,
  type ValueExpressionContext,
  type WindowSpecificationContext,
} from 'dt-sql-parser/dist/lib/trino/TrinoSqlParser.js';
import { SqlError } from '../errors.ts';
import type * as Ast from '../tree/ast.ts';
import { identifier, numberLiteral, qualifiedName, startOf, stringValue, typeName } from './build-names.ts';
import type { QueryBuilder } from './build-query.ts';

const name = (value: string, at: number): Ast.QualifiedName => ({ parts: [{ value, quoted: false, at }], at });

/** Builds expressions; queries inside them (subqueries, EXISTS, IN) go back to the query builder. */
export class ExpressionBuilder {
  private parameters = 0;
  queries!: QueryBuilder;

  /** How many `?` parameters were built. */
  get parameterCount(): number {
    return this.parameters;
  }

  expression(ctx: ExpressionContext): Ast.Expression {
    return this.booleanExpression(ctx.booleanExpression());
  }

  booleanExpression(ctx: BooleanExpressionContext): Ast.Expression {
    const at = startOf(ctx);
    if (ctx instanceof LogicalNotContext) return { kind: 'not', at, expression: this.booleanExpression(ctx.booleanExpression()) };
    if (ctx instanceof AndContext || ctx instanceof OrContext) {
      const [left, right] = ctx.booleanExpression();
      return {
        kind: 'logical',
        at,
        operator: ctx instanceof AndContext ? 'and' : 'or',
        left: this.booleanExpression(left!),
        right: this.booleanExpression(right!),
      };
    }
    if (ctx instanceof PredicatedContext) {
      const value = this.value(ctx.valueExpression());
      const predicate = ctx.predicate();
      return predicate ? this.predicate(predicate, value) : value;
    }
    throw unsupported(ctx);
  }

  private predicate(ctx: PredicateContext, left: Ast.Expression): Ast.Expression {
    const at = left.at;
    const negated = isNegated(ctx);
    if (ctx instanceof ComparisonContext)
      return { kind: 'comparison', at, operator: comparisonOperator(ctx.comparisonOperator()), left, right: this.value(ctx.valueExpression()) };
    if (ctx instanceof QuantifiedComparisonContext) {
      const quantifier = ctx.comparisonQuantifier().getText().toLowerCase() as 'all' | 'any' | 'some';
      return {
        kind: 'quantified-comparison',
        at,
        operator: comparisonOperator(ctx.comparisonOperator()),
        quantifier,
        left,
        query: this.queries.query(ctx.query()),
      };
    }
    if (ctx instanceof BetweenContext) {
      const [low, high] = ctx.valueExpression();
      return { kind: 'between', at, negated, expression: left, low: this.value(low!), high: this.value(high!) };
    }
    if (ctx instanceof InListContext) return { kind: 'in-list', at, negated, expression: left, list: ctx.expression().map((e) => this.expression(e)) };
    if (ctx instanceof InSubqueryContext) return { kind: 'in-subquery', at, negated, expression: left, query: this.queries.query(ctx.query()) };
    if (ctx instanceof LikeContext) {
      const escapeWith = ctx._escape;
      return { kind: 'like', at, negated, expression: left, pattern: this.value(ctx._pattern!), ...(escapeWith ? { escape: this.value(escapeWith) } : {}) };
    }
    if (ctx instanceof NullPredicateContext) return { kind: 'is-null', at, negated, expression: left };
    if (ctx instanceof DistinctFromContext) return { kind: 'distinct-from', at, negated, left, right: this.value(ctx.valueExpression()) };
    throw unsupported(ctx);
  }

  value(ctx: ValueExpressionContext): Ast.Expression {
    const at = startOf(ctx);
    if (ctx instanceof ValueExpressionDefaultContext) return this.primary(ctx.primaryExpression());
    if (ctx instanceof ArithmeticBinaryContext) {
      const [left, right] = ctx.valueExpression();
      const operator = ctx._operator!.text as Ast.Arithmetic['operator'];
      return { kind: 'arithmetic', at, operator, left: this.value(left!), right: this.value(right!) };
    }
    if (ctx instanceof ArithmeticUnaryContext) {
      const operand = this.value(ctx.valueExpression());
      if (ctx.PLUS()) return operand;
      // `-5` is a negative literal in Trino (so -9223372036854775808 is a bigint).
      if (operand.kind === 'number' && !operand.text.startsWith('-')) return { ...operand, at, text: `-${operand.text}` };
      return { kind: 'negation', at, expression: operand };
    }
    if (ctx instanceof ConcatenationContext) {
      const [left, right] = ctx.valueExpression();
      return { kind: 'concat', at, left: this.value(left!), right: this.value(right!) };
    }
    if (ctx instanceof AtTimeZoneContext) {
      const zone = ctx.timeZoneSpecifier();
      let zoneExpression: Ast.Expression;
      if (zone instanceof TimeZoneStringContext) zoneExpression = { kind: 'string', at: startOf(zone.string()), value: stringValue(zone.string()) };
      else if (zone instanceof TimeZoneIntervalContext) zoneExpression = this.interval(zone.interval());
      else throw unsupported(zone);
      return { kind: 'at-time-zone', at, expression: this.value(ctx.valueExpression()), zone: zoneExpression };
    }
    throw unsupported(ctx);
  }

  primary(ctx: PrimaryExpressionContext): Ast.Expression {
    const at = startOf(ctx);
    if (ctx instanceof NullLiteralContext) return { kind: 'null', at };
    if (ctx instanceof IntervalLiteralContext) return this.interval(ctx.interval());
    if (ctx instanceof TypeConstructorContext) {
      const type = ctx.identifier() ? identifier(ctx.identifier()!).value.toLowerCase() : 'double';
      return { kind: 'typed-literal', at, type, value: stringValue(ctx.string()) };
    }
    if (ctx instanceof NumericLiteralContext) return numberLiteral(ctx.number());
    if (ctx instanceof BooleanLiteralContext) return { kind: 'boolean', at, value: ctx.booleanValue().KW_TRUE() !== null };
    if (ctx instanceof StringLiteralContext) return { kind: 'string', at, value: stringValue(ctx.string()) };
    if (ctx instanceof BinaryLiteralContext) {
      const hex = ctx.BINARY_LITERAL().getText().slice(2, -1).replace(/\s+/g, '');
      if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw new SqlError('SYNTAX_ERROR', 'Binary literal must contain an even number of digits', at);
      return { kind: 'binary', at, hex: hex.toLowerCase() };
    }
    if (ctx instanceof ParameterContext) return { kind: 'parameter', at, index: this.parameters++ };
    if (ctx instanceof PositionContext) {
      const [needle, haystack] = ctx.valueExpression();
      return call('strpos', at, [this.value(haystack!), this.value(needle!)]);
    }
    if (ctx instanceof RowConstructorContext) return { kind: 'row', at, items: ctx.expression().map((e) => this.expression(e)) };
    if (ctx instanceof ListAggContext) return this.listagg(ctx);
    if (ctx instanceof FunctionCallContext) {
      const fn = this.functionCall(ctx);
      // at_timezone(ts, zone) is AT TIME ZONE by another name (Trino documents them together).
      const name = fn.name.parts.map((p) => p.value.toLowerCase()).join('.');
      if (name === 'at_timezone' && fn.args.length === 2 && !fn.distinct && !fn.over && !fn.filter)
        return { kind: 'at-time-zone', at, expression: fn.args[0]!, zone: fn.args[1]! };
      return fn;
    }
    if (ctx instanceof LambdaContext) return { kind: 'lambda', at, parameters: ctx.identifier().map(identifier), body: this.expression(ctx.expression()) };
    if (ctx instanceof SubqueryExpressionContext) return { kind: 'subquery', at, query: this.queries.query(ctx.query()) };
    if (ctx instanceof ExistsContext) return { kind: 'exists', at, query: this.queries.query(ctx.query()) };
    if (ctx instanceof SimpleCaseContext || ctx instanceof SearchedCaseContext) return this.caseExpression(ctx);
    if (ctx instanceof CastContext)
      return { kind: 'cast', at, safe: ctx.KW_TRY_CAST() !== null, expression: this.expression(ctx.expression()), type: typeName(ctx.type()) };
    if (ctx instanceof ArrayConstructorContext) return { kind: 'array', at, items: ctx.expression().map((e) => this.expression(e)) };
    if (ctx instanceof SubscriptContext)
      return { kind: 'subscript', at, base: this.primary(ctx.primaryExpression()), index: this.value(ctx.valueExpression()) };
    if (ctx instanceof ColumnReferenceContext) return { kind: 'column', at, name: qualifiedName(ctx.columnName().qualifiedName()) };
    if (ctx instanceof DereferenceContext) return this.dereference(ctx);
    if (ctx instanceof CurrentDateContext) return { kind: 'current-time', at, function: 'current_date' };
    if (
      ctx instanceof CurrentTimeContext ||
      ctx instanceof CurrentTimestampContext ||
      ctx instanceof LocalTimeContext ||
      ctx instanceof LocalTimestampContext
    ) {
      const fn =
        ctx instanceof CurrentTimeContext
          ? 'current_time'
          : ctx instanceof CurrentTimestampContext
            ? 'current_timestamp'
            : ctx instanceof LocalTimeContext
              ? 'localtime'
              : 'localtimestamp';
      const precision = ctx.INTEGER_VALUE();
      return { kind: 'current-time', at, function: fn, ...(precision ? { precision: Number(precision.getText()) } : {}) };
    }
    if (ctx instanceof TrimContext) return this.trim(ctx);
    if (ctx instanceof SubstringContext)
      return call(
        'substr',
        at,
        ctx.valueExpression().map((v) => this.value(v)),
      );
    if (ctx instanceof NormalizeContext) {
      const form = ctx.normalForm()?.getText().toUpperCase() ?? 'NFC';
      return call('normalize', at, [this.value(ctx.valueExpression()), { kind: 'string', at, value: form }]);
    }
    if (ctx instanceof ExtractContext) return { kind: 'extract', at, field: identifier(ctx.identifier()), expression: this.value(ctx.valueExpression()) };
    if (ctx instanceof CoalesceContext)
      return call(
        'coalesce',
        at,
        ctx.expression().map((e) => this.expression(e)),
      );
    if (ctx instanceof ParenthesizedExpressionContext) return this.expression(ctx.expression());
    throw unsupported(ctx);
  }

  interval(ctx: IntervalContext): Ast.IntervalLiteral {
    const [from, to] = ctx.intervalField().map((f) => f.getText().toLowerCase() as Ast.IntervalField);
    return { kind: 'interval', at: startOf(ctx), negative: ctx.MINUS() !== null, value: stringValue(ctx.string()), from: from!, ...(to ? { to } : {}) };
  }

  private functionCall(ctx: FunctionCallContext): Ast.FunctionCall {
    const at = startOf(ctx);
    if (ctx.processingMode()) throw new SqlError('NOT_SUPPORTED', 'RUNNING and FINAL are only allowed in MATCH_RECOGNIZE, which is not supported', at);
    if (ctx.identifier()) throw new SqlError('NOT_SUPPORTED', 'a labelled * in a function call is only allowed in MATCH_RECOGNIZE, which is not supported', at);
    const filter = ctx.filter()?.whereClause()._where;
    const over = ctx.over();
    const treatment = ctx.nullTreatment();
    return {
      kind: 'call',
      at,
      name: qualifiedName(ctx.functionName().qualifiedName()),
      args: ctx.expression().map((e) => this.expression(e)),
      star: ctx.ASTERISK() !== null,
      distinct: ctx.setQuantifier()?.KW_DISTINCT() != null,
      orderBy: ctx.sortItem().map((s) => this.sortItem(s)),
      ...(filter ? { filter: this.booleanExpression(filter) } : {}),
      ...(over ? { over: this.over(over) } : {}),
      ...(treatment ? { nullTreatment: treatment.KW_IGNORE() ? ('ignore' as const) : ('respect' as const) } : {}),
    };
  }

  /** `listagg(x, ',') WITHIN GROUP (ORDER BY …)`: an aggregate call with its ordering. */
  private listagg(ctx: ListAggContext): Ast.FunctionCall {
    const at = startOf(ctx);
    if (ctx.listAggOverflowBehavior()?.KW_TRUNCATE())
      throw new SqlError('NOT_SUPPORTED', "LISTAGG … ON OVERFLOW TRUNCATE is not supported by trailsight's local engine", at);
    const separator = ctx.string();
    const filter = ctx.filter()?.whereClause()._where;
    return {
      kind: 'call',
      at,
      name: name('listagg', at),
      args: [this.expression(ctx.expression()), { kind: 'string', at: separator ? startOf(separator) : at, value: separator ? stringValue(separator) : '' }],
      star: false,
      distinct: ctx.setQuantifier()?.KW_DISTINCT() != null,
      orderBy: ctx.sortItem().map((s) => this.sortItem(s)),
      ...(filter ? { filter: this.booleanExpression(filter) } : {}),
    };
  }

  private dereference(ctx: DereferenceContext): Ast.Expression {
    const base = this.primary(ctx.primaryExpression());
    const field = identifier(ctx.identifier());
    // `a.b.c` stays one name (a column and its fields, or a table and its column) for the analyzer.
    if (base.kind === 'column') return { kind: 'column', at: base.at, name: { parts: [...base.name.parts, field], at: base.at } };
    return { kind: 'dereference', at: startOf(ctx), base, field };
  }

  private caseExpression(ctx: SimpleCaseContext | SearchedCaseContext): Ast.Case {
    const whens = ctx.whenClause().map((w) => ({ condition: this.expression(w._condition!), result: this.expression(w._result!) }));
    const otherwise = ctx._elseExpression ? this.expression(ctx._elseExpression) : undefined;
    const operand = ctx instanceof SimpleCaseContext ? this.expression(ctx._operand!) : undefined;
    return { kind: 'case', at: startOf(ctx), ...(operand ? { operand } : {}), whens, ...(otherwise ? { otherwise } : {}) };
  }

  private trim(ctx: TrimContext): Ast.Expression {
    const at = startOf(ctx);
    const spec = ctx.trimsSpecification();
    const fn = spec?.KW_LEADING() ? 'ltrim' : spec?.KW_TRAILING() ? 'rtrim' : 'trim';
    const source = this.value(ctx._trimSource!);
    return call(fn, at, ctx._trimChar ? [source, this.value(ctx._trimChar)] : [source]);
  }

  sortItem(ctx: SortItemContext): Ast.SortItem {
    const columnRef = ctx.columnRef();
    const expression: Ast.Expression = columnRef
      ? { kind: 'column', at: startOf(columnRef), name: qualifiedName(columnRef.qualifiedName()!) }
      : this.expression(ctx.expression()!);
    const nulls = ctx._nullOrdering;
    return { expression, descending: ctx.KW_DESC() !== null, ...(nulls ? { nullsFirst: nulls.text?.toUpperCase() === 'FIRST' } : {}) };
  }

  private over(ctx: OverContext): Ast.Window {
    const spec = ctx.windowSpecification();
    if (spec) return { kind: 'specification', specification: this.windowSpecification(spec) };
    return { kind: 'named', name: identifier(ctx.identifier()!) };
  }

  windowSpecification(ctx: WindowSpecificationContext): Ast.WindowSpecification {
    const frame = ctx.windowFrame();
    let windowFrame: Ast.WindowFrame | undefined;
    if (frame) {
      if (frame.KW_MEASURES() || frame.KW_PATTERN() || frame.KW_DEFINE())
        throw new SqlError('NOT_SUPPORTED', 'row pattern recognition in a window is not supported', startOf(frame));
      const extent = frame.frameExtent();
      const type = extent.KW_RANGE() ? 'range' : extent.KW_ROWS() ? 'rows' : 'groups';
      const end = extent._end;
      windowFrame = { type, start: this.frameBound(extent._start!), ...(end ? { end: this.frameBound(end) } : {}) };
    }
    const existing = ctx._existingWindowName;
    return {
      ...(existing ? { existing: identifier(existing) } : {}),
      partitionBy:
        ctx
          .partitionBy()
          ?.expression()
          .map((e) => this.expression(e)) ?? [],
      orderBy: ctx.sortItem().map((s) => this.sortItem(s)),
      ...(windowFrame ? { frame: windowFrame } : {}),
    };
  }

  private frameBound(ctx: FrameBoundContext): Ast.FrameBound {
    if (ctx instanceof UnboundedFrameContext) return { kind: ctx.KW_PRECEDING() ? 'unbounded-preceding' : 'unbounded-following' };
    if (ctx instanceof CurrentRowBoundContext) return { kind: 'current-row' };
    if (ctx instanceof BoundedFrameContext) return { kind: ctx.KW_PRECEDING() ? 'preceding' : 'following', offset: this.expression(ctx.expression()) };
    throw unsupported(ctx);
  }
}

function call(fn: string, at: number, args: Ast.Expression[]): Ast.FunctionCall {
  return { kind: 'call', at, name: name(fn, at), args, star: false, distinct: false, orderBy: [] };
}

function isNegated(ctx: PredicateContext): boolean {
  const negatable =
    ctx instanceof BetweenContext ||
    ctx instanceof InListContext ||
    ctx instanceof InSubqueryContext ||
    ctx instanceof LikeContext ||
    ctx instanceof NullPredicateContext ||
    ctx instanceof DistinctFromContext;
  return negatable && ctx.KW_NOT() !== null;
}

function comparisonOperator(ctx: ComparisonOperatorContext): Ast.ComparisonOperator {
  const text = ctx.getText();
  return (text === '!=' ? '<>' : text) as Ast.ComparisonOperator;
}

/** A construct Trino's grammar has that trailsight does not run (MATCH_RECOGNIZE, JSON_TABLE, LISTAGG, …). */
export function unsupported(ctx: ParserRuleContext): SqlError {
  const words = ctx
    .getText()
    .match(/^[A-Za-z_]+/)?.[0]
    ?.toUpperCase();
  const construct = ctx.constructor.name
    .replace(/Context$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return new SqlError(
    'NOT_SUPPORTED',
    `${words && construct.startsWith('json') ? words : construct} is not supported by trailsight's local engine`,
    startOf(ctx),
  );
}
