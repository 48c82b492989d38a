import type { AwsModel, Shape, ShapeRef } from './model.ts';

export type ViolationRule = 'required' | 'type' | 'enum' | 'length' | 'range' | 'pattern' | 'union' | 'unknown-member' | 'unknown-operation';

/** One way a request breaks the service model, at a JSON path such as `Definition.Sheets[0].Name`. */
export interface Violation {
  readonly path: string;
  readonly rule: ViolationRule;
  readonly message: string;
  /** The value that breaks the rule (undefined for a missing member). */
  readonly value?: unknown;
  /** The rule in the words AWS's services use after "failed to satisfy constraint: " (coral.ts). */
  readonly constraint: string;
  /** The structure shape the value is, for a union. */
  readonly shape?: string;
}

/** Checks an SDK command input against the operation's input shape, as the service would. */
export function validateOperationInput(model: AwsModel, operation: string, input: unknown): Violation[] {
  const op = Object.hasOwn(model.operations, operation) ? model.operations[operation] : undefined;
  if (!op) {
    const message = `${model.metadata.endpointPrefix} has no operation ${operation}`;
    return [{ path: '', rule: 'unknown-operation', message, constraint: message }];
  }
  if (!op.input) return [];
  return validateShape(model, op.input.shape, input ?? {});
}

/** Checks a value against a named shape; returns every violation found. */
export function validateShape(model: AwsModel, shapeName: string, value: unknown, path = ''): Violation[] {
  const violations: Violation[] = [];
  new Walker(model, violations).visit(shapeName, value, path);
  return violations;
}

const patternCache = new Map<string, RegExp | null>();

/**
 * A model pattern as the services apply it: to the whole value. Smithy declares `@pattern`
 * unanchored (a value matches if the pattern is found anywhere in it), but AWS's services validate
 * with Java's `Matcher.matches()`, so `[\w\-]+` (QuickSight's RestrictiveResourceId) refuses
 * `x/../../y <script>` instead of finding `x` in it; every pattern here is wrapped as
 * `^(?:…)$`. Java-only syntax is translated (`(?i)` prefix, `\A`, `\z`); a pattern JavaScript
 * still cannot compile is not checked (null), rather than failing every request that carries it.
 */
function compilePattern(pattern: string): RegExp | null {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    const caseless = pattern.startsWith('(?i)');
    const body = (caseless ? pattern.slice(4) : pattern).replace(/\\A/g, '^').replace(/\\[zZ]/g, '$');
    const source = `^(?:${body})$`;
    re = tryRegExp(source, caseless ? 'ui' : 'u') ?? tryRegExp(source, caseless ? 'i' : '') ?? null;
    patternCache.set(pattern, re);
  }
  return re;
}

function tryRegExp(source: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}

class Walker {
  constructor(
    private readonly model: AwsModel,
    private readonly out: Violation[],
  ) {}

  private report(path: string, rule: ViolationRule, message: string, value?: unknown, constraint = message, shape?: string): void {
    this.out.push({ path: path || '(input)', rule, message, value, constraint, ...(shape ? { shape } : {}) });
  }

  visit(shapeName: string, value: unknown, path: string): void {
    const shape = Object.hasOwn(this.model.shapes, shapeName) ? this.model.shapes[shapeName] : undefined;
    if (!shape) throw new Error(`model has no shape ${shapeName}`);
    if (value === undefined || value === null) return;
    if (shape.document) return;
    switch (shape.type) {
      case 'structure':
        return this.structure(shapeName, shape, value, path);
      case 'list':
        return this.list(shape, value, path);
      case 'map':
        return this.map(shape, value, path);
      case 'string':
        return this.string(shape, value, path);
      case 'integer':
      case 'long':
      case 'double':
      case 'float':
        return this.number(shape, value, path);
      case 'boolean':
        if (typeof value !== 'boolean') this.report(path, 'type', `expected a boolean, got ${describe(value)}`, value);
        return;
      case 'timestamp':
        if (!(value instanceof Date) && typeof value !== 'number' && typeof value !== 'string')
          this.report(path, 'type', `expected a timestamp, got ${describe(value)}`, value);
        return;
      case 'blob':
        if (!(value instanceof Uint8Array) && typeof value !== 'string') this.report(path, 'type', `expected a blob, got ${describe(value)}`, value);
        return;
    }
  }

  private structure(name: string, shape: Shape, value: unknown, path: string): void {
    if (!isPlainObject(value)) return this.report(path, 'type', `expected a ${name} object, got ${describe(value)}`, value);
    const members = shape.members ?? {};
    for (const required of shape.required ?? []) {
      if (value[required] === undefined || value[required] === null)
        this.report(join(path, required), 'required', `${required} is required in ${name}`, undefined, 'Member must not be null');
    }
    const present = Object.keys(value).filter((key) => value[key] !== undefined && value[key] !== null);
    const onlyOne = `Only 1 member of [${Object.keys(members).map(lowerFirst).join(', ')}] should be provided for structure ${name}`;
    if (shape.union && present.length !== 1)
      this.report(path, 'union', `${name} is a union: set exactly one member, got ${present.length ? present.join(', ') : 'none'}`, value, onlyOne, name);
    else if (shape.onlyOneOf && present.length > 1)
      this.report(path, 'union', `${name} takes only one of its members, got ${present.join(', ')}`, value, onlyOne, name);
    for (const key of present) {
      // Own members only: a request's `constructor` or `__proto__` key is an unknown member, not Object.prototype's.
      const ref: ShapeRef | undefined = Object.hasOwn(members, key) ? members[key] : undefined;
      if (!ref) {
        this.report(join(path, key), 'unknown-member', `${name} has no member ${key}`);
        continue;
      }
      this.visit(ref.shape, value[key], join(path, key));
    }
  }

  private list(shape: Shape, value: unknown, path: string): void {
    if (!Array.isArray(value)) return this.report(path, 'type', `expected a list, got ${describe(value)}`, value);
    this.length(shape, value.length, path, 'items', value);
    value.forEach((item, i) => this.visit(shape.member!.shape, item, `${path}[${i}]`));
  }

  private map(shape: Shape, value: unknown, path: string): void {
    if (!isPlainObject(value)) return this.report(path, 'type', `expected a map, got ${describe(value)}`, value);
    const keys = Object.keys(value);
    this.length(shape, keys.length, path, 'entries', value);
    for (const key of keys) {
      this.visit(shape.key!.shape, key, `${path}{${key}}`);
      this.visit(shape.value!.shape, value[key], `${path}.${key}`);
    }
  }

  private string(shape: Shape, value: unknown, path: string): void {
    if (typeof value !== 'string') return this.report(path, 'type', `expected a string, got ${describe(value)}`, value);
    if (shape.enum && !shape.enum.includes(value))
      this.report(
        path,
        'enum',
        `${JSON.stringify(value)} is not one of ${shape.enum.join(', ')}`,
        value,
        `Member must satisfy enum value set: [${shape.enum.join(', ')}]`,
      );
    this.length(shape, [...value].length, path, 'characters', value);
    if (shape.pattern && compilePattern(shape.pattern)?.test(value) === false)
      this.report(
        path,
        'pattern',
        `${JSON.stringify(truncate(value))} does not match the pattern ${shape.pattern}`,
        value,
        `Member must satisfy regular expression pattern: ${shape.pattern}`,
      );
  }

  private number(shape: Shape, value: unknown, path: string): void {
    if (typeof value !== 'number' || Number.isNaN(value)) return this.report(path, 'type', `expected a number, got ${describe(value)}`, value);
    if ((shape.type === 'integer' || shape.type === 'long') && !Number.isInteger(value)) this.report(path, 'type', `expected an integer, got ${value}`, value);
    if (shape.min !== undefined && value < shape.min)
      this.report(path, 'range', `${value} is below the minimum ${shape.min}`, value, `Member must have value greater than or equal to ${shape.min}`);
    if (shape.max !== undefined && value > shape.max)
      this.report(path, 'range', `${value} is above the maximum ${shape.max}`, value, `Member must have value less than or equal to ${shape.max}`);
  }

  private length(shape: Shape, length: number, path: string, unit: string, value: unknown): void {
    if (shape.min !== undefined && length < shape.min)
      this.report(
        path,
        'length',
        `has ${length} ${unit}, at least ${shape.min} required`,
        value,
        `Member must have length greater than or equal to ${shape.min}`,
      );
    if (shape.max !== undefined && length > shape.max)
      this.report(path, 'length', `has ${length} ${unit}, at most ${shape.max} allowed`, value, `Member must have length less than or equal to ${shape.max}`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array);
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(truncate(String(value)))}`;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
