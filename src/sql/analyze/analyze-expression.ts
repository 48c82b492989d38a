/** Types every expression as Trino would, resolving names and functions; refuses what Trino refuses. */
import { SqlError } from '../errors.ts';
import { lookupFunction } from '../functions/registry.ts';
import type * as Ast from '../tree/ast.ts';
import { canCoerce, commonType } from '../types/coercion.ts';
import { literalType } from '../types/literals.ts';
import { isComparable, isOrderable } from '../functions/signature.ts';
import {
  BIGINT,
  BOOLEAN,
  DATE,
  UNKNOWN,
  VARCHAR,
  arrayOf,
  isIntegral,
  isInterval,
  isNumeric,
  isString,
  rowField,
  typeText,
  type SqlType,
} from '../types/sql-type.ts';
import { arithmeticType } from '../types/arithmetic.ts';
import type { Analysis } from './analysis.ts';
import { bindCall } from './bind-call.ts';
import type { QueryAnalyzer } from './analyze-query.ts';
import type { Scope } from './scope.ts';

/** Where an expression is: what it may contain (aggregates, windows) and why not. */
export interface ExpressionPlace {
  readonly scope: Scope;
  /** Why aggregates are not allowed here (`WHERE clause`), or undefined when they are. */
  readonly noAggregates?: string;
  readonly noWindows?: string;
  /** Inside an aggregate's arguments. */
  readonly inAggregate?: boolean;
}

const EXTRACT_FIELDS = new Set([
  'year',
  'quarter',
  'month',
  'week',
  'day',
  'day_of_month',
  'day_of_week',
  'dow',
  'day_of_year',
  'doy',
  'year_of_week',
  'yow',
  'hour',
  'minute',
  'second',
  'timezone_hour',
  'timezone_minute',
]);

export class ExpressionAnalyzer {
  queries!: QueryAnalyzer;
  private lambdaCount = 0;

  constructor(readonly analysis: Analysis) {}

  /** Types an expression; returns its type. Throws the first SqlError found in it. */
  analyze(expression: Ast.Expression, place: ExpressionPlace): SqlType {
    const type = this.typeOf(expression, place);
    this.analysis.types.set(expression, type);
    return type;
  }

  /** Like `analyze`, and the expression must be a boolean (WHERE, ON, HAVING, FILTER). */
  condition(expression: Ast.Expression, place: ExpressionPlace, clause: string): void {
    const type = this.analyze(expression, place);
    if (type.kind !== 'boolean' && type.kind !== 'unknown') {
      throw new SqlError('TYPE_MISMATCH', `${clause} must evaluate to a boolean: actual type ${typeText(type)}`, expression.at);
    }
  }

  private typeOf(e: Ast.Expression, place: ExpressionPlace): SqlType {
    switch (e.kind) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'null':
      case 'typed-literal':
      case 'interval':
      case 'binary':
        return literalType(e);
      case 'parameter':
        throw new SqlError('INVALID_PARAMETER_USAGE', `Incorrect number of parameters: expected at least ${e.index + 1} but found 0`, e.at);
      case 'column': {
        const resolved = place.scope.resolve(e.name.parts);
        if (!resolved)
          throw new SqlError(
            'COLUMN_NOT_FOUND',
            `Column '${e.name.parts.map((p) => p.value).join('.')}' cannot be resolved`,
            e.at,
            e.name.parts.map((p) => p.value.toLowerCase()),
          );
        this.analysis.names.set(e, resolved);
        return resolved.type;
      }
      case 'dereference': {
        const base = this.analyze(e.base, place);
        const field = rowField(base, e.field.value);
        if (field) return field;
        if (base.kind === 'row') throw new SqlError('COLUMN_NOT_FOUND', `Column '${e.field.value}' cannot be resolved`, e.field.at);
        throw new SqlError('TYPE_MISMATCH', `Expression is not of type ROW: ${typeText(base)}`, e.at);
      }
      case 'subscript':
        return this.subscript(e, place);
      case 'call':
        return this.call(e, place);
      case 'lambda':
        throw new SqlError('TYPE_MISMATCH', 'A lambda expression is only allowed as a function argument', e.at);
      case 'cast': {
        const from = this.analyze(e.expression, place);
        const to = this.queries.typeOf(e.type);
        checkCast(from, to, e);
        return to;
      }
      case 'case':
        return this.caseType(e, place);
      case 'arithmetic': {
        const left = this.analyze(e.left, place);
        const right = this.analyze(e.right, place);
        const result = arithmeticType(e.operator, left, right);
        if (!result) throw new SqlError('TYPE_MISMATCH', `Cannot apply operator: ${typeText(left)} ${e.operator} ${typeText(right)}`, e.at);
        return result;
      }
      case 'negation': {
        const type = this.analyze(e.expression, place);
        if (!isNumeric(type) && !isInterval(type) && type.kind !== 'unknown') throw new SqlError('TYPE_MISMATCH', `Cannot negate ${typeText(type)}`, e.at);
        return type;
      }
      case 'concat':
        return this.concat(e, place);
      case 'comparison': {
        const left = this.analyze(e.left, place);
        const right = this.analyze(e.right, place);
        const common = commonType(left, right);
        const ordering = e.operator !== '=' && e.operator !== '<>';
        if (!common || !(ordering ? isOrderable(common) : isComparable(common))) {
          throw new SqlError('TYPE_MISMATCH', `Cannot apply operator: ${typeText(left)} ${e.operator} ${typeText(right)}`, e.at);
        }
        return BOOLEAN;
      }
      case 'logical':
        this.condition(e.left, place, `Left side of logical expression`);
        this.condition(e.right, place, `Right side of logical expression`);
        return BOOLEAN;
      case 'not':
        this.condition(e.expression, place, 'Value of logical NOT expression');
        return BOOLEAN;
      case 'between': {
        const types = [e.expression, e.low, e.high].map((x) => this.analyze(x, place));
        const common = types.reduce<SqlType | undefined>((a, b) => a && commonType(a, b), UNKNOWN);
        if (!common || !isOrderable(common))
          throw new SqlError('TYPE_MISMATCH', `Cannot check if ${typeText(types[0]!)} is BETWEEN ${typeText(types[1]!)} and ${typeText(types[2]!)}`, e.at);
        return BOOLEAN;
      }
      case 'in-list': {
        const value = this.analyze(e.expression, place);
        for (const item of e.list) {
          const type = this.analyze(item, place);
          if (!commonType(value, type))
            throw new SqlError('TYPE_MISMATCH', `IN value and list items must be the same type: ${typeText(value)} and ${typeText(type)}`, item.at);
        }
        return BOOLEAN;
      }
      case 'in-subquery': {
        const value = this.analyze(e.expression, place);
        const column = this.singleColumn(e.query, place, 'IN');
        if (!commonType(value, column))
          throw new SqlError(
            'TYPE_MISMATCH',
            `Value expression and result of subquery must be of the same type: ${typeText(value)} vs ${typeText(column)}`,
            e.at,
          );
        return BOOLEAN;
      }
      case 'quantified-comparison': {
        const value = this.analyze(e.left, place);
        const column = this.singleColumn(e.query, place, `${e.quantifier.toUpperCase()} subquery`);
        if (!commonType(value, column))
          throw new SqlError('TYPE_MISMATCH', `Cannot apply operator: ${typeText(value)} ${e.operator} ${typeText(column)}`, e.at);
        return BOOLEAN;
      }
      case 'like': {
        for (const [part, what] of [
          [e.expression, 'Left side of LIKE expression'],
          [e.pattern, 'Pattern for LIKE expression'],
          ...(e.escape ? [[e.escape, 'Escape for LIKE expression']] : []),
        ] as [Ast.Expression, string][]) {
          const type = this.analyze(part, place);
          if (!isString(type) && type.kind !== 'unknown')
            throw new SqlError('TYPE_MISMATCH', `${what} must evaluate to a varchar (actual: ${typeText(type)})`, part.at);
        }
        return BOOLEAN;
      }
      case 'is-null':
        this.analyze(e.expression, place);
        return BOOLEAN;
      case 'distinct-from': {
        const left = this.analyze(e.left, place);
        const right = this.analyze(e.right, place);
        if (!commonType(left, right)) throw new SqlError('TYPE_MISMATCH', `Cannot apply operator: ${typeText(left)} IS DISTINCT FROM ${typeText(right)}`, e.at);
        return BOOLEAN;
      }
      case 'exists':
        this.queries.subquery(e.query, place.scope);
        return BOOLEAN;
      case 'subquery':
        return this.singleColumn(e.query, place, 'a scalar subquery');
      case 'array': {
        const types = e.items.map((item) => this.analyze(item, place));
        const element = types.reduce<SqlType | undefined>((a, b) => a && commonType(a, b), UNKNOWN);
        if (!element) throw new SqlError('TYPE_MISMATCH', `All ARRAY elements must be the same type: ${types.map(typeText).join(', ')}`, e.at);
        return arrayOf(element);
      }
      case 'row':
        return { kind: 'row', fields: e.items.map((item) => ({ type: this.analyze(item, place) })) };
      case 'at-time-zone':
        return this.atTimeZone(e, place);
      case 'extract': {
        const type = this.analyze(e.expression, place);
        const field = e.field.value.toLowerCase();
        if (!EXTRACT_FIELDS.has(field)) throw new SqlError('INVALID_FUNCTION_ARGUMENT', `Invalid EXTRACT field: ${e.field.value}`, e.field.at);
        if (!['date', 'timestamp', 'timestamp with time zone', 'time', 'interval day to second', 'interval year to month', 'unknown'].includes(type.kind)) {
          throw new SqlError(
            'TYPE_MISMATCH',
            `Type of argument to extract must be DATE, TIME, TIMESTAMP, or INTERVAL (actual ${typeText(type)})`,
            e.expression.at,
          );
        }
        return BIGINT;
      }
      case 'current-time':
        switch (e.function) {
          case 'current_date':
            return DATE;
          case 'current_timestamp':
            return { kind: 'timestamp with time zone', precision: e.precision ?? 3, zone: 'UTC' };
          case 'localtimestamp':
            return { kind: 'timestamp', precision: e.precision ?? 3 };
          case 'localtime':
            return { kind: 'time', precision: e.precision ?? 3 };
          case 'current_time':
            throw new SqlError('NOT_SUPPORTED', "current_time (time with time zone) is not supported by trailsight's local engine", e.at);
        }
    }
  }

  private subscript(e: Ast.Subscript, place: ExpressionPlace): SqlType {
    const base = this.analyze(e.base, place);
    const index = this.analyze(e.index, place);
    if (base.kind === 'unknown') return UNKNOWN;
    if (base.kind === 'array') {
      if (!isIntegral(index) && index.kind !== 'unknown')
        throw new SqlError('TYPE_MISMATCH', `Cannot use ${typeText(index)} for subscript of ${typeText(base)}`, e.index.at);
      return base.element;
    }
    if (base.kind === 'map') {
      if (!canCoerce(index, base.key)) throw new SqlError('TYPE_MISMATCH', `Cannot use ${typeText(index)} for subscript of ${typeText(base)}`, e.index.at);
      return base.value;
    }
    if (base.kind === 'row') {
      const position = e.index.kind === 'number' && e.index.type === 'integer' ? Number(e.index.text) : NaN;
      const field = base.fields[position - 1];
      if (!field)
        throw new SqlError(
          'INVALID_FUNCTION_ARGUMENT',
          `Invalid subscript index: ${e.index.kind === 'number' ? e.index.text : 'a row subscript must be a constant integer'}`,
          e.index.at,
        );
      return field.type;
    }
    throw new SqlError('TYPE_MISMATCH', `Cannot use subscript on ${typeText(base)}`, e.at);
  }

  private call(e: Ast.FunctionCall, place: ExpressionPlace): SqlType {
    const written = e.name.parts.map((p) => p.value).join('.');
    const fn = e.name.parts.length === 1 ? lookupFunction(e.name.parts[0]!.value) : undefined;
    if (!fn) throw new SqlError('FUNCTION_NOT_FOUND', `Function '${written.toLowerCase()}' not registered`, e.at);
    const aggregate = fn.kind === 'aggregate';
    const windowed = e.over !== undefined;
    if (fn.kind === 'window' && !windowed) throw new SqlError('MISSING_OVER', `Window function ${fn.name} requires an OVER clause`, e.at);
    if (fn.kind === 'scalar') {
      if (windowed) throw new SqlError('FUNCTION_NOT_WINDOW', `${fn.name} is not a window function`, e.at);
      if (e.distinct) throw new SqlError('FUNCTION_NOT_AGGREGATE', `DISTINCT is not supported for non-aggregation functions`, e.at);
      if (e.filter) throw new SqlError('FUNCTION_NOT_AGGREGATE', `Filter is only valid for aggregation functions`, e.at);
      if (e.orderBy.length > 0) throw new SqlError('FUNCTION_NOT_AGGREGATE', `ORDER BY is only valid for aggregation functions`, e.at);
    }
    if (windowed && place.noWindows) throw new SqlError('EXPRESSION_NOT_SCALAR', `${place.noWindows} cannot contain window functions: [${written}]`, e.at);
    if (aggregate && !windowed) {
      if (place.noAggregates)
        throw new SqlError(
          'EXPRESSION_NOT_SCALAR',
          `${place.noAggregates} cannot contain aggregations, window functions or grouping operations: [${written}]`,
          e.at,
        );
      if (place.inAggregate) throw new SqlError('NESTED_AGGREGATION', `Cannot nest aggregations inside aggregation '${fn.name}': [${written}]`, e.at);
    }
    const inner: ExpressionPlace =
      aggregate || fn.kind === 'window'
        ? {
            scope: place.scope,
            inAggregate: true,
            noWindows: 'Aggregate function arguments',
            noAggregates: windowed ? undefined : 'Aggregate function arguments',
          }
        : place;
    if (e.star) {
      if (fn.name !== 'count') throw new SqlError('FUNCTION_NOT_FOUND', `Function '${fn.name}' does not accept *`, e.at);
    }
    const resolved = bindCall(this, fn, e, inner);
    this.analysis.calls.set(e, resolved);
    if (e.filter) this.condition(e.filter, { ...inner, noAggregates: 'FILTER clause' }, 'Filter expression');
    for (const item of e.orderBy) this.analyze(item.expression, inner);
    if (e.over) this.queries.window(e.over, place);
    return resolved.overload.returns(resolved.argumentTypes, resolved.bindings);
  }

  /** Types a lambda argument whose parameters have the given types; returns its body's type. */
  lambda(e: Ast.Lambda, parameterTypes: readonly SqlType[], place: ExpressionPlace): SqlType {
    if (e.parameters.length !== parameterTypes.length) {
      throw new SqlError('TYPE_MISMATCH', `Expected a lambda that takes ${parameterTypes.length} argument(s) but got ${e.parameters.length}`, e.at);
    }
    const emitted = e.parameters.map(() => `_l${this.lambdaCount++}`);
    this.analysis.lambdaParameters.set(e, emitted);
    const scope = place.scope.withLambdas(e.parameters.map((p, i) => ({ name: p.value.toLowerCase(), emitted: emitted[i]!, type: parameterTypes[i]! })));
    return this.analyze(e.body, { ...place, scope });
  }

  private caseType(e: Ast.Case, place: ExpressionPlace): SqlType {
    const operand = e.operand ? this.analyze(e.operand, place) : undefined;
    for (const when of e.whens) {
      if (operand) {
        const type = this.analyze(when.condition, place);
        if (!commonType(operand, type))
          throw new SqlError(
            'TYPE_MISMATCH',
            `CASE operand type does not match WHEN clause operand type: ${typeText(operand)} vs ${typeText(type)}`,
            when.condition.at,
          );
      } else this.condition(when.condition, place, 'WHEN clause');
    }
    const results = [...e.whens.map((w) => w.result), ...(e.otherwise ? [e.otherwise] : [])];
    let common: SqlType = UNKNOWN;
    for (const result of results) {
      const type = this.analyze(result, place);
      const next = commonType(common, type);
      if (!next)
        throw new SqlError(
          'TYPE_MISMATCH',
          `All CASE results must be the same type or coercible to a common type. Cannot find common type between ${typeText(common)} and ${typeText(type)}, all types (without duplicates): [${[...new Set(results.map((r) => typeText(this.analysis.typeOf(r))))].join(', ')}]`,
          result.at,
        );
      common = next;
    }
    return common;
  }

  private concat(e: Ast.Concatenation, place: ExpressionPlace): SqlType {
    const left = this.analyze(e.left, place);
    const right = this.analyze(e.right, place);
    if ((isString(left) || left.kind === 'unknown') && (isString(right) || right.kind === 'unknown')) return VARCHAR;
    if (left.kind === 'varbinary' && right.kind === 'varbinary') return left;
    if (left.kind === 'array' || right.kind === 'array') {
      const element =
        left.kind === 'array' && right.kind === 'array'
          ? commonType(left.element, right.element)
          : left.kind === 'array'
            ? commonType(left.element, right)
            : commonType(right.kind === 'array' ? right.element : right, left);
      if (element) return arrayOf(element);
    }
    throw new SqlError('TYPE_MISMATCH', `Cannot apply operator: ${typeText(left)} || ${typeText(right)}`, e.at);
  }

  private atTimeZone(e: Ast.AtTimeZone, place: ExpressionPlace): SqlType {
    const type = this.analyze(e.expression, place);
    const zoneType = this.analyze(e.zone, place);
    if (!['timestamp', 'timestamp with time zone', 'unknown'].includes(type.kind)) {
      throw new SqlError('TYPE_MISMATCH', `Type of value must be a time or timestamp with or without time zone (actual ${typeText(type)})`, e.expression.at);
    }
    if (!isString(zoneType) && zoneType.kind !== 'interval day to second')
      throw new SqlError('TYPE_MISMATCH', `Time zone must be a varchar or an interval day to second (actual ${typeText(zoneType)})`, e.zone.at);
    const precision = type.kind === 'timestamp' || type.kind === 'timestamp with time zone' ? type.precision : 3;
    const zone = e.zone.kind === 'string' ? e.zone.value : undefined;
    return { kind: 'timestamp with time zone', precision, ...(zone ? { zone } : {}) };
  }

  private singleColumn(query: Ast.Query, place: ExpressionPlace, what: string): SqlType {
    const columns = this.queries.subquery(query, place.scope);
    if (columns.length !== 1)
      throw new SqlError('NOT_SUPPORTED', `Multiple columns returned by subquery are not yet supported. Found ${columns.length} (in ${what})`, query.at);
    return columns[0]!.type;
  }
}

/** Casts Trino refuses outright (it allows most others, failing on bad values at run time). */
function checkCast(from: SqlType, to: SqlType, e: Ast.Cast): void {
  if (from.kind === 'unknown' || from.kind === to.kind) return;
  const scalar = (t: SqlType) => t.kind !== 'array' && t.kind !== 'map' && t.kind !== 'row';
  const refused =
    (to.kind === 'json' && from.kind === 'function') ||
    (from.kind === 'json' && (to.kind === 'date' || to.kind === 'timestamp' || to.kind === 'varbinary')) ||
    (!scalar(from) && isString(to)) ||
    (!scalar(from) && scalar(to) && to.kind !== 'json') ||
    (scalar(from) && !scalar(to) && from.kind !== 'json') ||
    (from.kind === 'boolean' && (to.kind === 'date' || to.kind === 'timestamp')) ||
    ((from.kind === 'date' || from.kind === 'timestamp' || from.kind === 'timestamp with time zone') && (isNumeric(to) || to.kind === 'boolean')) ||
    (to.kind === 'ipaddress' && !isString(from) && from.kind !== 'varbinary') ||
    (from.kind === 'ipaddress' && !isString(to) && to.kind !== 'varbinary' && to.kind !== 'ipprefix');
  if (refused) throw new SqlError('TYPE_MISMATCH', `Cannot cast ${typeText(from)} to ${typeText(to)}`, e.at);
}
