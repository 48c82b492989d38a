/** What the analyzer learns about a query: every type, every name's meaning, every problem. */
import type { SqlError } from '../errors.ts';
import type { TrinoFunction, Overload } from '../functions/function.ts';
import type { Bindings } from '../functions/signature.ts';
import type * as Ast from '../tree/ast.ts';
import type { SqlType } from '../types/sql-type.ts';
import type { CatalogTable } from './catalog.ts';
import type { Field, Resolution } from './scope.ts';

export interface ResolvedCall {
  readonly fn: TrinoFunction;
  readonly overload: Overload;
  /** The argument types after binding (what each argument is coerced to). */
  readonly argumentTypes: readonly SqlType[];
  /** The signature's type variables as bound (`T` → varchar). */
  readonly bindings: Bindings;
}

/** A `*` or `t.*` expanded into the relation fields it stands for. */
export interface ExpandedColumn {
  readonly relation: number;
  readonly field: Field;
}

/** An output column of a query: its Trino name (alias, column name or `_colN`) and type. */
export interface OutputColumn {
  readonly name: string;
  readonly type: SqlType;
  /** Where the name (or the expression) is written in the SQL, for problems about the column. */
  readonly at: number;
  /** How the column got its name: an alias, a column's own name, Trino's `_colN` for an unnamed expression, or `*`. */
  readonly origin?: 'alias' | 'column' | 'unnamed' | 'star';
}

export class Analysis {
  readonly types = new Map<Ast.Expression, SqlType>();
  readonly names = new Map<Ast.ColumnReference, Resolution>();
  readonly calls = new Map<Ast.FunctionCall, ResolvedCall>();
  /** Tables read, with the relation id their rows are emitted under. */
  readonly tables = new Map<Ast.TableRelation, { readonly table: CatalogTable; readonly id: number }>();
  /** References to a WITH query: the named query and the relation id. */
  readonly namedQueryRefs = new Map<Ast.TableRelation, { readonly named: Ast.NamedQuery; readonly id: number }>();
  /** Every relation of every FROM, with its id (aliased relations share their inner relation's id). */
  readonly relationIds = new Map<Ast.Relation, number>();
  /** The fields each relation exposes, by id. */
  readonly relationFields = new Map<number, readonly Field[]>();
  readonly outputs = new Map<Ast.Query | Ast.QueryBody, readonly OutputColumn[]>();
  readonly stars = new Map<Ast.SelectItem, readonly ExpandedColumn[]>();
  /** ORDER BY items that name an output column (by alias or ordinal): the column's index. */
  readonly orderByOutputs = new Map<Ast.SortItem, number>();
  /** GROUP BY ordinals: the select item expression they stand for. */
  readonly ordinals = new Map<Ast.Expression, Ast.Expression>();
  /** Lambda parameters' emitted names, per lambda. */
  readonly lambdaParameters = new Map<Ast.Lambda, readonly string[]>();
  /** Whether an UNNEST spreads arrays of rows into the rows' fields (else one column of rows). */
  readonly unnestRows = new Map<Ast.UnnestRelation, boolean>();
  readonly problems: SqlError[] = [];

  typeOf(expression: Ast.Expression): SqlType {
    return this.types.get(expression) ?? { kind: 'unknown' };
  }
}
