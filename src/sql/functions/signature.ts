/**
 * Function signatures as Trino's documentation writes them — `element_at(array(E), bigint) → E`,
 * `transform(array(T), function(T, U)) → array(U)` — and binding actual argument types to them
 * with Trino's implicit coercions.
 */
import { canCoerce, commonType } from '../types/coercion.ts';
import { isIntegral, isNumeric, typeText, type SqlType } from '../types/sql-type.ts';

/** A parsed signature type: a concrete type kind, a type variable, or a constructor of patterns. */
export type Pattern =
  | { readonly kind: 'concrete'; readonly type: SqlType['kind'] }
  | { readonly kind: 'variable'; readonly name: string; readonly constraint?: 'orderable' | 'comparable' | 'numeric' }
  | { readonly kind: 'array'; readonly element: Pattern }
  | { readonly kind: 'map'; readonly key: Pattern; readonly value: Pattern }
  | { readonly kind: 'function'; readonly parameters: readonly Pattern[]; readonly result: Pattern }
  | { readonly kind: 'row' };

export type Bindings = Map<string, SqlType>;

const CONCRETE: Readonly<Record<string, SqlType['kind']>> = {
  boolean: 'boolean',
  tinyint: 'tinyint',
  smallint: 'smallint',
  integer: 'integer',
  bigint: 'bigint',
  real: 'real',
  double: 'double',
  decimal: 'decimal',
  varchar: 'varchar',
  char: 'char',
  varbinary: 'varbinary',
  json: 'json',
  date: 'date',
  time: 'time',
  timestamp: 'timestamp',
  timestamptz: 'timestamp with time zone',
  ipaddress: 'ipaddress',
  ipprefix: 'ipprefix',
  uuid: 'uuid',
  'interval day to second': 'interval day to second',
  'interval year to month': 'interval year to month',
  unknown: 'unknown',
};

const cache = new Map<string, Pattern>();

/** `array(T)`, `map(K,V)`, `function(T,U)`, `T:orderable`, `varchar`, `timestamptz` … */
export function pattern(text: string): Pattern {
  let parsed = cache.get(text);
  if (!parsed) {
    parsed = parsePattern(text.replace(/\s+/g, ' ').trim());
    cache.set(text, parsed);
  }
  return parsed;
}

function parsePattern(text: string): Pattern {
  const open = text.indexOf('(');
  if (open === -1) {
    const concrete = CONCRETE[text];
    if (concrete) return { kind: 'concrete', type: concrete };
    const [name, constraint] = text.split(':');
    if (!/^[A-Z][A-Z0-9]*$/.test(name!)) throw new Error(`bad signature type: ${text}`);
    return { kind: 'variable', name: name!, ...(constraint ? { constraint: constraint as 'orderable' | 'comparable' | 'numeric' } : {}) };
  }
  const head = text.slice(0, open);
  const inner = splitTopLevel(text.slice(open + 1, -1)).map(parsePattern);
  if (head === 'array') return { kind: 'array', element: inner[0]! };
  if (head === 'map') return { kind: 'map', key: inner[0]!, value: inner[1]! };
  if (head === 'function') return { kind: 'function', parameters: inner.slice(0, -1), result: inner[inner.length - 1]! };
  if (head === 'row') return { kind: 'row' };
  throw new Error(`bad signature type: ${text}`);
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/**
 * Binds an actual type to a pattern; `coerce` allows Trino's implicit coercions. Lambdas are bound
 * in two steps: their parameter types first (from the other arguments), their result after.
 */
export function bind(p: Pattern, actual: SqlType, bindings: Bindings, coerce: boolean): boolean {
  switch (p.kind) {
    case 'concrete':
      if (actual.kind === p.type) return true;
      if (!coerce) return actual.kind === 'unknown';
      // A signature's `decimal` is any decimal(p, s): integers widen into one.
      if (p.type === 'decimal') return isIntegral(actual) || actual.kind === 'unknown';
      return canCoerce(actual, widest(p.type));
    case 'variable': {
      if (actual.kind === 'function') return false;
      if (p.constraint === 'orderable' && !isOrderable(actual)) return false;
      if (p.constraint === 'comparable' && !isComparable(actual)) return false;
      if (p.constraint === 'numeric' && !isNumeric(actual) && actual.kind !== 'unknown') return false;
      const bound = bindings.get(p.name);
      if (!bound || bound.kind === 'unknown') {
        bindings.set(p.name, actual);
        return true;
      }
      if (typeText(bound) === typeText(actual) || actual.kind === 'unknown') return true;
      if (!coerce) return false;
      const common = commonType(bound, actual);
      if (!common) return false;
      bindings.set(p.name, common);
      return true;
    }
    case 'array':
      if (actual.kind === 'unknown') return bind(p.element, actual, bindings, coerce);
      return actual.kind === 'array' && bind(p.element, actual.element, bindings, coerce);
    case 'map':
      if (actual.kind === 'unknown') return bind(p.key, actual, bindings, coerce) && bind(p.value, actual, bindings, coerce);
      return actual.kind === 'map' && bind(p.key, actual.key, bindings, coerce) && bind(p.value, actual.value, bindings, coerce);
    case 'row':
      return actual.kind === 'row' || actual.kind === 'unknown';
    case 'function':
      if (actual.kind !== 'function') return false;
      return bind(p.result, actual.result, bindings, coerce);
  }
}

/** The type a pattern stands for under the bindings (unbound variables are `unknown`). */
export function resolve(p: Pattern, bindings: Bindings): SqlType {
  switch (p.kind) {
    case 'concrete':
      return widest(p.type);
    case 'variable':
      return bindings.get(p.name) ?? { kind: 'unknown' };
    case 'array':
      return { kind: 'array', element: resolve(p.element, bindings) };
    case 'map':
      return { kind: 'map', key: resolve(p.key, bindings), value: resolve(p.value, bindings) };
    case 'function':
      return { kind: 'function', parameters: p.parameters.map((q) => resolve(q, bindings)), result: resolve(p.result, bindings) };
    case 'row':
      return { kind: 'unknown' };
  }
}

/** The most general type of a kind: what a signature's `varchar` or `decimal` accepts. */
function widest(kind: SqlType['kind']): SqlType {
  switch (kind) {
    case 'decimal':
      return { kind: 'decimal', precision: 38, scale: 0 };
    case 'varchar':
      return { kind: 'varchar' };
    case 'char':
      return { kind: 'char', length: 65536 };
    case 'time':
      return { kind: 'time', precision: 3 };
    case 'timestamp':
      return { kind: 'timestamp', precision: 3 };
    case 'timestamp with time zone':
      return { kind: 'timestamp with time zone', precision: 3 };
    default:
      return { kind } as SqlType;
  }
}

export function isComparable(t: SqlType): boolean {
  if (t.kind === 'array') return isComparable(t.element);
  if (t.kind === 'map') return isComparable(t.key) && isComparable(t.value);
  if (t.kind === 'row') return t.fields.every((f) => isComparable(f.type));
  return t.kind !== 'function' && t.kind !== 'json';
}

export function isOrderable(t: SqlType): boolean {
  if (t.kind === 'array') return isOrderable(t.element);
  if (t.kind === 'row') return t.fields.every((f) => isOrderable(f.type));
  return t.kind !== 'map' && t.kind !== 'function' && t.kind !== 'json' && t.kind !== 'ipprefix';
}

/** A signature as Trino prints it in "Expected: …": `element_at(array(E), bigint)`. */
export function describePattern(p: Pattern): string {
  switch (p.kind) {
    case 'concrete':
      return p.type === 'timestamp with time zone'
        ? 'timestamp(p) with time zone'
        : p.type === 'decimal'
          ? 'decimal(p,s)'
          : p.type === 'varchar'
            ? 'varchar(x)'
            : p.type;
    case 'variable':
      return p.name;
    case 'array':
      return `array(${describePattern(p.element)})`;
    case 'map':
      return `map(${describePattern(p.key)}, ${describePattern(p.value)})`;
    case 'function':
      return `function(${[...p.parameters, p.result].map(describePattern).join(', ')})`;
    case 'row':
      return 'row';
  }
}
