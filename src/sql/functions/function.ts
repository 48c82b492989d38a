/**
 * A Trino function as trailsight runs it: its overloads (Trino's signatures, so the analyzer types
 * calls and refuses what Trino refuses) and, for each, the DuckDB SQL that computes Trino's answer.
 */
import type { SqlType } from '../types/sql-type.ts';
import { pattern, resolve as resolvePattern, type Bindings, type Pattern } from './signature.ts';

/** An argument as the emitter hands it over: DuckDB SQL and the Trino type it has. */
export interface EmitArg {
  readonly sql: string;
  readonly type: SqlType;
  /** For a lambda argument: its body with the parameters bound to the given DuckDB expressions. */
  readonly apply?: (...args: readonly string[]) => string;
}

/** What the DuckDB SQL of a call may depend on besides its arguments. */
export interface EmitContext {
  readonly result: SqlType;
  /** Aggregates: `DISTINCT ` when the call says so. */
  readonly distinct: string;
  /** Aggregates: ` ORDER BY …` (inside the parentheses) when the call orders its input. */
  readonly orderBy: string;
  /** ` IGNORE NULLS` (inside the parentheses) when the call says so. */
  readonly ignoreNulls: string;
  /** ` FILTER (WHERE …)` and ` OVER (…)`, right after the aggregate's parentheses. */
  readonly after: string;
}

export type Emit = (args: readonly EmitArg[], context: EmitContext) => string;

export interface Overload {
  readonly args: readonly Pattern[];
  /** The last argument pattern may repeat (and be absent). */
  readonly variadic: boolean;
  readonly returns: (args: readonly SqlType[], bindings: Bindings) => SqlType;
  readonly emit: Emit;
  /** Trino's wording of the signature, for "Expected: …". */
  readonly text: string;
}

export type FunctionKind = 'scalar' | 'aggregate' | 'window';

export interface TrinoFunction {
  readonly name: string;
  readonly kind: FunctionKind;
  readonly overloads: readonly Overload[];
  /** Whether the same arguments always give the same answer (false for now(), random()). */
  readonly deterministic: boolean;
}

export interface OverloadSpec {
  /** Argument types as Trino's documentation writes them: `varchar`, `array(T)`, `function(T,boolean)`, `T:orderable`. */
  readonly args: readonly string[];
  readonly variadic?: boolean;
  /** A result type pattern, or a function of the bound argument types (decimal arithmetic, row shapes). */
  readonly returns: string | ((args: readonly SqlType[], bindings: Bindings) => SqlType);
  readonly emit: Emit;
}

export function overload(spec: OverloadSpec): Overload {
  const args = spec.args.map(pattern);
  const returns = spec.returns;
  return {
    args,
    variadic: spec.variadic ?? false,
    returns: typeof returns === 'string' ? resolveReturn(pattern(returns)) : returns,
    emit: spec.emit,
    text: `(${spec.args.join(', ')}${spec.variadic ? ', ...' : ''})`,
  };
}

function resolveReturn(p: Pattern): (args: readonly SqlType[], bindings: Bindings) => SqlType {
  return (_args, bindings) => resolvePattern(p, bindings);
}

export function scalar(name: string, overloads: readonly OverloadSpec[], options: { deterministic?: boolean } = {}): TrinoFunction {
  return { name, kind: 'scalar', overloads: overloads.map(overload), deterministic: options.deterministic ?? true };
}

export function aggregate(name: string, overloads: readonly OverloadSpec[]): TrinoFunction {
  return { name, kind: 'aggregate', overloads: overloads.map(overload), deterministic: true };
}

export function windowFunction(name: string, overloads: readonly OverloadSpec[]): TrinoFunction {
  return { name, kind: 'window', overloads: overloads.map(overload), deterministic: true };
}

// ---------------------------------------------------------------- emitters

/** `name(a, b, …)`. */
export const call =
  (name: string): Emit =>
  (args) =>
    `${name}(${args.map((a) => a.sql).join(', ')})`;

/** A template: `$1`, `$2` … are the arguments' SQL (each in parentheses). */
export const template =
  (text: string): Emit =>
  (args) =>
    text.replace(/\$(\d+)/g, (_, n: string) => `(${args[Number(n) - 1]?.sql ?? 'NULL'})`);

/** An aggregate (or window) call with the modifiers of the Trino call: `name(DISTINCT a ORDER BY …) FILTER (…) OVER (…)`. */
export const aggregateCall =
  (name: string, pick: (args: readonly EmitArg[]) => readonly string[] = (args) => args.map((a) => a.sql)): Emit =>
  (args, context) =>
    `${name}(${context.distinct}${pick(args).join(', ')}${context.orderBy}${context.ignoreNulls})${context.after}`;
