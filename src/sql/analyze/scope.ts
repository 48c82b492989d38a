/**
 * Names in scope: the relations of a FROM (tables, subqueries, UNNEST …) with their fields, lambda
 * parameters, and the enclosing query for correlated subqueries — resolved the way Trino resolves
 * `a`, `t.a`, `db.t.a`, `a.field`.
 */
import { SqlError } from '../errors.ts';
import { canonical, type Identifier } from '../tree/ast.ts';
import { rowField, type SqlType } from '../types/sql-type.ts';

/** A column a relation exposes. */
export interface Field {
  /** Lower case; undefined for a column with no name (`SELECT 1` inside a subquery). */
  readonly name?: string;
  readonly type: SqlType;
  /** The column's name in the DuckDB SQL the relation is emitted as. */
  readonly column: string;
  /** Named only explicitly (`"$path"`), never by `*`. */
  readonly hidden?: boolean;
}

/** One relation of a FROM: how it can be qualified, and its fields. */
export interface RelationScope {
  /** Unique in the statement: emitted as the alias `t<id>`. */
  readonly id: number;
  /** The names a column may be qualified by: an alias, or the table's `table`, `db.table`, `catalog.db.table`. */
  readonly qualifiers: readonly (readonly string[])[];
  readonly fields: readonly Field[];
}

export type Resolution =
  | { readonly kind: 'field'; readonly relation: number; readonly field: Field; readonly path: readonly string[]; readonly type: SqlType }
  | { readonly kind: 'lambda'; readonly parameter: string; readonly path: readonly string[]; readonly type: SqlType };

export interface LambdaParameter {
  readonly name: string;
  /** The parameter's name in the emitted DuckDB lambda. */
  readonly emitted: string;
  readonly type: SqlType;
}

export class Scope {
  constructor(
    readonly relations: readonly RelationScope[],
    readonly parent?: Scope,
    readonly lambdas: readonly LambdaParameter[] = [],
  ) {}

  withLambdas(parameters: readonly LambdaParameter[]): Scope {
    return new Scope(this.relations, this.parent, [...parameters, ...this.lambdas]);
  }

  /** Resolves a dotted name, nearest scope first; undefined when nothing matches. */
  resolve(parts: readonly Identifier[]): Resolution | undefined {
    const names = parts.map(canonical);
    const lambda = this.lambdas.find((p) => p.name === names[0]);
    if (lambda) return withPath({ kind: 'lambda', parameter: lambda.emitted, path: [], type: lambda.type }, names.slice(1), parts[0]!.at);
    const found = this.resolveHere(names, parts);
    return found ?? this.parent?.resolve(parts);
  }

  private resolveHere(names: readonly string[], parts: readonly Identifier[]): Resolution | undefined {
    // A qualified column first (`t.col…`, `db.t.col…`), longest qualifier first, then a column and its fields.
    for (let length = Math.min(3, names.length - 1); length >= 1; length--) {
      const qualifier = names.slice(0, length);
      const matches = this.relations.filter((r) => r.qualifiers.some((q) => sameNames(q, qualifier)));
      if (matches.length === 0) continue;
      const column = names[length]!;
      const hits = matches.flatMap((r) => r.fields.filter((f) => f.name === column).map((field) => ({ relation: r, field })));
      if (hits.length > 1) throw new SqlError('AMBIGUOUS_NAME', `Column '${names.slice(0, length + 1).join('.')}' is ambiguous`, parts[0]!.at);
      const hit = hits[0];
      if (hit)
        return withPath({ kind: 'field', relation: hit.relation.id, field: hit.field, path: [], type: hit.field.type }, names.slice(length + 1), parts[0]!.at);
    }
    const hits = this.relations.flatMap((r) => r.fields.filter((f) => f.name === names[0]).map((field) => ({ relation: r, field })));
    if (hits.length > 1) throw new SqlError('AMBIGUOUS_NAME', `Column '${names[0]}' is ambiguous`, parts[0]!.at);
    const hit = hits[0];
    if (!hit) return undefined;
    return withPath({ kind: 'field', relation: hit.relation.id, field: hit.field, path: [], type: hit.field.type }, names.slice(1), parts[0]!.at);
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < b.length) return false;
  // `t` matches `catalog.db.t`'s last part; `db.t` its last two.
  const tail = a.slice(a.length - b.length);
  return tail.every((name, i) => name === b[i]);
}

/** Follows struct fields from a resolved column: `useridentity.sessioncontext.attributes`. */
function withPath(base: Resolution, names: readonly string[], at: number): Resolution {
  let type = base.type;
  for (let i = 0; i < names.length; i++) {
    const next = rowField(type, names[i]!);
    if (!next) {
      const where = [...(base.kind === 'field' ? [base.field.name ?? '?'] : [base.parameter]), ...names.slice(0, i)].join('.');
      const path = [...where.split('.'), ...names.slice(i, i + 1)];
      if (type.kind === 'row') throw new SqlError('COLUMN_NOT_FOUND', `Column '${[where, names[i]].join('.')}' cannot be resolved`, at, path);
      throw new SqlError('TYPE_MISMATCH', `Expression ${where} is not of type ROW`, at, path);
    }
    type = next;
  }
  return { ...base, path: names, type };
}
