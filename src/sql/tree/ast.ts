/**
 * The tree of a Trino query, as trailsight uses it: built from Trino's own grammar (parse/),
 * checked and typed (analyze/), printed back as Trino (print/) or translated to DuckDB (duckdb/).
 *
 * Every node records `at`, the offset in the SQL text where it starts, so that every problem can
 * be reported at its line and column. Names are as written: `Identifier.value` keeps the case of a
 * quoted name; Trino compares names case-insensitively (`canonical`).
 */

export interface Identifier {
  readonly value: string;
  readonly quoted: boolean;
  readonly at: number;
}

/** `a`, `db.t`, `catalog.db.t`, `t.col.field`: dotted names, resolved by the analyzer. */
export interface QualifiedName {
  readonly parts: readonly Identifier[];
  readonly at: number;
}

// ---------------------------------------------------------------- queries

export interface Query {
  readonly kind: 'query';
  readonly at: number;
  readonly with?: With;
  readonly body: QueryBody;
  readonly orderBy: readonly SortItem[];
  readonly offset?: Expression;
  /** `LIMIT n` or `FETCH FIRST n ROWS ONLY`; `'all'` for `LIMIT ALL`. */
  readonly limit?: Expression | 'all';
}

export interface With {
  readonly recursive: boolean;
  readonly queries: readonly NamedQuery[];
}

export interface NamedQuery {
  readonly name: Identifier;
  readonly columns?: readonly Identifier[];
  readonly query: Query;
  readonly at: number;
}

export type QueryBody = Select | SetOperation | Values | TableBody | Query;

export interface Select {
  readonly kind: 'select';
  readonly at: number;
  readonly distinct: boolean;
  readonly items: readonly SelectItem[];
  /** The FROM list; several items are an implicit cross join. */
  readonly from: readonly Relation[];
  readonly where?: Expression;
  readonly groupBy?: GroupBy;
  readonly having?: Expression;
  readonly windows: readonly NamedWindow[];
}

export type SelectItem =
  | { readonly kind: 'all-columns'; readonly at: number; readonly qualifier?: Expression; readonly aliases?: readonly Identifier[] }
  | { readonly kind: 'item'; readonly at: number; readonly expression: Expression; readonly alias?: Identifier };

export interface GroupBy {
  readonly distinct: boolean;
  readonly elements: readonly GroupingElement[];
}

export type GroupingElement =
  | { readonly kind: 'expressions'; readonly expressions: readonly Expression[] }
  | { readonly kind: 'rollup' | 'cube'; readonly sets: readonly (readonly Expression[])[] }
  | { readonly kind: 'grouping-sets'; readonly sets: readonly (readonly Expression[])[] };

export interface NamedWindow {
  readonly name: Identifier;
  readonly window: WindowSpecification;
}

export interface SetOperation {
  readonly kind: 'set-operation';
  readonly at: number;
  readonly operator: 'union' | 'intersect' | 'except';
  readonly distinct: boolean;
  readonly left: QueryBody;
  readonly right: QueryBody;
}

export interface Values {
  readonly kind: 'values';
  readonly at: number;
  /** Each row: a row constructor's items, or one expression. */
  readonly rows: readonly Expression[];
}

/** `TABLE t`. */
export interface TableBody {
  readonly kind: 'table-body';
  readonly at: number;
  readonly name: QualifiedName;
}

export interface SortItem {
  readonly expression: Expression;
  readonly descending: boolean;
  /** Trino's default: NULLS LAST for ascending and for descending. */
  readonly nullsFirst?: boolean;
}

// ---------------------------------------------------------------- relations

export type Relation = TableRelation | AliasedRelation | JoinRelation | SubqueryRelation | UnnestRelation | LateralRelation | SampledRelation;

export interface TableRelation {
  readonly kind: 'table';
  readonly at: number;
  readonly name: QualifiedName;
  /** Offset just past the name in the SQL text (where a rename of the table ends). */
  readonly end: number;
}

export interface AliasedRelation {
  readonly kind: 'aliased';
  readonly at: number;
  readonly relation: Relation;
  readonly alias: Identifier;
  readonly columns?: readonly Identifier[];
}

export interface JoinRelation {
  readonly kind: 'join';
  readonly at: number;
  readonly type: 'inner' | 'left' | 'right' | 'full' | 'cross';
  readonly natural: boolean;
  readonly left: Relation;
  readonly right: Relation;
  readonly on?: Expression;
  readonly using?: readonly Identifier[];
}

export interface SubqueryRelation {
  readonly kind: 'subquery-relation';
  readonly at: number;
  readonly query: Query;
}

export interface UnnestRelation {
  readonly kind: 'unnest';
  readonly at: number;
  readonly expressions: readonly Expression[];
  readonly withOrdinality: boolean;
}

export interface LateralRelation {
  readonly kind: 'lateral';
  readonly at: number;
  readonly query: Query;
}

export interface SampledRelation {
  readonly kind: 'sampled';
  readonly at: number;
  readonly relation: Relation;
  readonly method: 'bernoulli' | 'system';
  readonly percentage: Expression;
}

// ---------------------------------------------------------------- expressions

export type Expression =
  | StringLiteral
  | NumberLiteral
  | BooleanLiteral
  | NullLiteral
  | TypedLiteral
  | IntervalLiteral
  | BinaryLiteral
  | Parameter
  | ColumnReference
  | Dereference
  | Subscript
  | FunctionCall
  | Lambda
  | Cast
  | Case
  | Arithmetic
  | Negation
  | Concatenation
  | Comparison
  | Logical
  | Not
  | Between
  | InList
  | InSubquery
  | Like
  | IsNull
  | DistinctFrom
  | QuantifiedComparison
  | Exists
  | SubqueryExpression
  | ArrayConstructor
  | RowConstructor
  | AtTimeZone
  | Extract
  | CurrentTime;

export interface StringLiteral {
  readonly kind: 'string';
  readonly at: number;
  readonly value: string;
}

export interface NumberLiteral {
  readonly kind: 'number';
  readonly at: number;
  /** As written: `42`, `3.14`, `1e3`. */
  readonly text: string;
  /** Trino: digits are an integer (bigint when large), digits with a point are DECIMAL, an exponent makes a DOUBLE. */
  readonly type: 'integer' | 'decimal' | 'double';
}

export interface BooleanLiteral {
  readonly kind: 'boolean';
  readonly at: number;
  readonly value: boolean;
}

export interface NullLiteral {
  readonly kind: 'null';
  readonly at: number;
}

/** `DATE '2024-01-01'`, `TIMESTAMP '…'`, `IPADDRESS '10.0.0.1'`, `JSON '{}'`: a type name then a string. */
export interface TypedLiteral {
  readonly kind: 'typed-literal';
  readonly at: number;
  readonly type: string;
  readonly value: string;
}

export interface IntervalLiteral {
  readonly kind: 'interval';
  readonly at: number;
  readonly negative: boolean;
  readonly value: string;
  readonly from: IntervalField;
  readonly to?: IntervalField;
}

export type IntervalField = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

/** `X'0A0B'`. */
export interface BinaryLiteral {
  readonly kind: 'binary';
  readonly at: number;
  readonly hex: string;
}

/** `?`, numbered from 0 in the order they appear. */
export interface Parameter {
  readonly kind: 'parameter';
  readonly at: number;
  readonly index: number;
}

/** A name in an expression: a column, `table.column`, or a struct field path `column.field.field`. */
export interface ColumnReference {
  readonly kind: 'column';
  readonly at: number;
  readonly name: QualifiedName;
}

/** `expression.field` where the base is not a plain name: `element_at(resources, 1).arn`. */
export interface Dereference {
  readonly kind: 'dereference';
  readonly at: number;
  readonly base: Expression;
  readonly field: Identifier;
}

export interface Subscript {
  readonly kind: 'subscript';
  readonly at: number;
  readonly base: Expression;
  readonly index: Expression;
}

export interface FunctionCall {
  readonly kind: 'call';
  readonly at: number;
  readonly name: QualifiedName;
  readonly args: readonly Expression[];
  /** `count(*)`. */
  readonly star: boolean;
  readonly distinct: boolean;
  readonly orderBy: readonly SortItem[];
  readonly filter?: Expression;
  readonly over?: Window;
  readonly nullTreatment?: 'ignore' | 'respect';
}

export type Window = { readonly kind: 'named'; readonly name: Identifier } | { readonly kind: 'specification'; readonly specification: WindowSpecification };

export interface WindowSpecification {
  readonly existing?: Identifier;
  readonly partitionBy: readonly Expression[];
  readonly orderBy: readonly SortItem[];
  readonly frame?: WindowFrame;
}

export interface WindowFrame {
  readonly type: 'range' | 'rows' | 'groups';
  readonly start: FrameBound;
  readonly end?: FrameBound;
}

export type FrameBound =
  | { readonly kind: 'unbounded-preceding' | 'unbounded-following' | 'current-row' }
  | { readonly kind: 'preceding' | 'following'; readonly offset: Expression };

export interface Lambda {
  readonly kind: 'lambda';
  readonly at: number;
  readonly parameters: readonly Identifier[];
  readonly body: Expression;
}

export interface Cast {
  readonly kind: 'cast';
  readonly at: number;
  readonly safe: boolean;
  readonly expression: Expression;
  readonly type: TypeName;
}

/** A type as written in CAST: `varchar`, `decimal(10, 2)`, `array(row(a varchar))`, `timestamp(3) with time zone`. */
export interface TypeName {
  readonly at: number;
  /** Lower case: `varchar`, `array`, `map`, `row`, `timestamp with time zone`, `interval day to second`, `double`. */
  readonly name: string;
  readonly parameters: readonly TypeParameter[];
}

export type TypeParameter =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'type'; readonly type: TypeName; readonly field?: Identifier };

export interface Case {
  readonly kind: 'case';
  readonly at: number;
  readonly operand?: Expression;
  readonly whens: readonly { readonly condition: Expression; readonly result: Expression }[];
  readonly otherwise?: Expression;
}

export interface Arithmetic {
  readonly kind: 'arithmetic';
  readonly at: number;
  readonly operator: '+' | '-' | '*' | '/' | '%';
  readonly left: Expression;
  readonly right: Expression;
}

export interface Negation {
  readonly kind: 'negation';
  readonly at: number;
  readonly expression: Expression;
}

export interface Concatenation {
  readonly kind: 'concat';
  readonly at: number;
  readonly left: Expression;
  readonly right: Expression;
}

export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export interface Comparison {
  readonly kind: 'comparison';
  readonly at: number;
  readonly operator: ComparisonOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export interface Logical {
  readonly kind: 'logical';
  readonly at: number;
  readonly operator: 'and' | 'or';
  readonly left: Expression;
  readonly right: Expression;
}

export interface Not {
  readonly kind: 'not';
  readonly at: number;
  readonly expression: Expression;
}

export interface Between {
  readonly kind: 'between';
  readonly at: number;
  readonly negated: boolean;
  readonly expression: Expression;
  readonly low: Expression;
  readonly high: Expression;
}

export interface InList {
  readonly kind: 'in-list';
  readonly at: number;
  readonly negated: boolean;
  readonly expression: Expression;
  readonly list: readonly Expression[];
}

export interface InSubquery {
  readonly kind: 'in-subquery';
  readonly at: number;
  readonly negated: boolean;
  readonly expression: Expression;
  readonly query: Query;
}

export interface Like {
  readonly kind: 'like';
  readonly at: number;
  readonly negated: boolean;
  readonly expression: Expression;
  readonly pattern: Expression;
  readonly escape?: Expression;
}

export interface IsNull {
  readonly kind: 'is-null';
  readonly at: number;
  readonly negated: boolean;
  readonly expression: Expression;
}

export interface DistinctFrom {
  readonly kind: 'distinct-from';
  readonly at: number;
  readonly negated: boolean;
  readonly left: Expression;
  readonly right: Expression;
}

export interface QuantifiedComparison {
  readonly kind: 'quantified-comparison';
  readonly at: number;
  readonly operator: ComparisonOperator;
  readonly quantifier: 'all' | 'any' | 'some';
  readonly left: Expression;
  readonly query: Query;
}

export interface Exists {
  readonly kind: 'exists';
  readonly at: number;
  readonly query: Query;
}

export interface SubqueryExpression {
  readonly kind: 'subquery';
  readonly at: number;
  readonly query: Query;
}

export interface ArrayConstructor {
  readonly kind: 'array';
  readonly at: number;
  readonly items: readonly Expression[];
}

export interface RowConstructor {
  readonly kind: 'row';
  readonly at: number;
  readonly items: readonly Expression[];
}

export interface AtTimeZone {
  readonly kind: 'at-time-zone';
  readonly at: number;
  readonly expression: Expression;
  readonly zone: Expression;
}

export interface Extract {
  readonly kind: 'extract';
  readonly at: number;
  readonly field: Identifier;
  readonly expression: Expression;
}

export interface CurrentTime {
  readonly kind: 'current-time';
  readonly at: number;
  readonly function: 'current_date' | 'current_time' | 'current_timestamp' | 'localtime' | 'localtimestamp';
  readonly precision?: number;
}

/** Trino compares names without regard to case (and so does Athena, quoted or not). */
export function canonical(name: Identifier | string): string {
  return (typeof name === 'string' ? name : name.value).toLowerCase();
}
