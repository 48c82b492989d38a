/**
 * Picks the overload of a function a call means, as Trino does: an exact match first, then one
 * the arguments reach by implicit coercion; lambdas are typed from the other arguments. A call no
 * overload takes is Trino's "Unexpected parameters (…) for function f. Expected: …".
 */
import { SqlError } from '../errors.ts';
import type { Overload, TrinoFunction } from '../functions/function.ts';
import { bind, resolve, type Bindings } from '../functions/signature.ts';
import type * as Ast from '../tree/ast.ts';
import { typeText, type SqlType } from '../types/sql-type.ts';
import type { ResolvedCall } from './analysis.ts';
import type { ExpressionAnalyzer, ExpressionPlace } from './analyze-expression.ts';

export function bindCall(analyzer: ExpressionAnalyzer, fn: TrinoFunction, call: Ast.FunctionCall, place: ExpressionPlace): ResolvedCall {
  const args = call.args;
  // Plain arguments are typed once; lambdas wait for a signature to tell their parameters' types.
  const plain = args.map((arg) => (arg.kind === 'lambda' ? undefined : analyzer.analyze(arg, place)));
  const candidates = fn.overloads.filter((o) => arityMatches(o, args.length));
  for (const coerce of [false, true]) {
    for (const overload of candidates) {
      const bound = tryBind(analyzer, overload, args, plain, place, coerce);
      if (bound) return { fn, overload, argumentTypes: bound.types, bindings: bound.bindings };
    }
  }
  const written = plain.map((t, i) => (t ? typeText(t) : lambdaText(args[i] as Ast.Lambda))).join(', ');
  const expected = fn.overloads.map((o) => `${fn.name}${o.text}`).join(', ');
  throw new SqlError('FUNCTION_NOT_FOUND', `Unexpected parameters (${written}) for function ${fn.name}. Expected: ${expected}`, call.at);
}

function arityMatches(overload: Overload, count: number): boolean {
  return overload.variadic ? count >= overload.args.length - 1 : count === overload.args.length;
}

function patternAt(overload: Overload, index: number) {
  return overload.args[Math.min(index, overload.args.length - 1)]!;
}

function tryBind(
  analyzer: ExpressionAnalyzer,
  overload: Overload,
  args: readonly Ast.Expression[],
  plain: readonly (SqlType | undefined)[],
  place: ExpressionPlace,
  coerce: boolean,
): { types: SqlType[]; bindings: Bindings } | undefined {
  const bindings: Bindings = new Map();
  for (let i = 0; i < args.length; i++) {
    const type = plain[i];
    if (type && !bind(patternAt(overload, i), type, bindings, coerce)) return undefined;
  }
  const types: SqlType[] = [];
  for (let i = 0; i < args.length; i++) {
    const pattern = patternAt(overload, i);
    const arg = args[i]!;
    if (arg.kind !== 'lambda') {
      types.push(plain[i]!);
      continue;
    }
    if (pattern.kind !== 'function') return undefined;
    const parameters = pattern.parameters.map((p) => resolve(p, bindings));
    const result = analyzer.lambda(arg, parameters, place);
    const lambdaType: SqlType = { kind: 'function', parameters, result };
    if (!bind(pattern, lambdaType, bindings, coerce)) return undefined;
    analyzer.analysis.types.set(arg, lambdaType);
    types.push(lambdaType);
  }
  return { types, bindings };
}

function lambdaText(lambda: Ast.Lambda): string {
  return `function(${lambda.parameters.map(() => 'unknown').join(', ')})`;
}
