import { AGGREGATIONS, FIELD_SHORTHAND_PATTERN } from '../schema/index.ts';
import { didYouMean } from '../suggest.ts';
import { s3Problem } from './s3-hints.ts';
import type { SchemaError } from './ajv.ts';
import { discriminatorOf, isObject, jsonType } from './unions.ts';

type Schema = Record<string, unknown> & { description?: string; properties?: Record<string, Schema> };

/** A schema error in plain words, and whether it is about a key (reported at the key) or a value. */
export function describeError(e: SchemaError): { message: string; key?: string; at?: string } {
  const parent = (e.parentSchema ?? {}) as Schema;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      if (parent.patternProperties) {
        const patterns = Object.keys(parent.patternProperties as object).join(' or ');
        return { key, message: `'${key}' is not a valid key here (keys must match ${patterns})` };
      }
      const valid = Object.keys(parent.properties ?? {});
      const hint = didYouMean(key, valid);
      return { key, message: `unknown key '${key}'${hint || `; valid keys: ${valid.join(', ')}`}` };
    }
    case 'required': {
      const key = String(params.missingProperty);
      const about = parent.properties?.[key]?.description;
      return { message: `missing required key '${key}'${about ? ` (${about.replace(/\.$/, '')})` : ''}` };
    }
    case 'type':
      return { message: `must be ${article(String(params.type))}, found ${article(jsonType(e.data))}` };
    case 'const':
      return { message: `must be '${String(params.allowedValue)}', found ${show(e.data)}` };
    case 'pattern':
      if (params.pattern === FIELD_SHORTHAND_PATTERN) {
        const hint = fieldHint(e.data);
        if (hint) return { message: hint };
      }
      {
        const problem = s3Problem(String(params.pattern), e.data);
        if (problem) return { message: `${show(e.data)} is not valid: ${problem}` };
      }
      return { message: `${show(e.data)} is not valid: ${parent.description ?? `must match ${String(params.pattern)}`}` };
    case 'format':
      return { message: `${show(e.data)} is not a valid ${String(params.format)}${params.format === 'date-time' ? ' (e.g. 2026-11-24T00:00:00Z)' : ''}` };
    case 'minItems':
      return { message: `needs at least ${plural(Number(params.limit), 'item')}` };
    case 'maxItems':
      return { message: `allows at most ${plural(Number(params.limit), 'item')}, found ${(e.data as unknown[]).length}` };
    case 'minLength':
      return { message: Number(params.limit) === 1 ? 'must not be empty' : `must be at least ${params.limit} characters long` };
    case 'maxLength':
      return { message: `is too long: at most ${params.limit} characters` };
    case 'minProperties': {
      // An object of named keys (a time range) names them; a record (datasets) counts its entries.
      const keys = Object.keys(parent.properties ?? {});
      if (keys.length > 0 && Number(params.limit) === 1) {
        const needs = keys.length === 2 ? `${keys[0]}, ${keys[1]} or both` : `one of ${keys.join(', ')}`;
        return { message: `needs ${needs}${parent.description ? ` (${parent.description.replace(/\.$/, '')})` : ''}` };
      }
      return { message: `needs at least ${plural(Number(params.limit), 'entry', 'entries')}` };
    }
    case 'minimum':
    case 'maximum':
      return { message: `must be ${String(params.comparison)} ${String(params.limit)}, found ${show(e.data)}` };
    case 'anyOf':
      return noBranchFits(e);
    default:
      return { message: e.message ?? `fails ${e.keyword}` };
  }
}

/**
 * No branch of a union fits the value: name the unknown discriminator (`type`, `mode`: reported at
 * that key), list the constants, or describe.
 */
function noBranchFits(e: SchemaError): { message: string; at?: string } {
  const branches = e.schema as Schema[];
  const constants = branches
    .map((b) => b.const)
    .filter((c) => c !== undefined)
    .map(String);
  const key = discriminatorOf(branches);
  const value = key && isObject(e.data) ? e.data[key] : undefined;
  if (key && typeof value === 'string') {
    const names = branches.map((b) => String(b.properties?.[key]?.const));
    return { message: `unknown ${key} '${value}'${didYouMean(value, names)}; expected one of ${names.join(', ')}`, at: key };
  }
  if (constants.length === branches.length) {
    const hint = typeof e.data === 'string' ? didYouMean(e.data, constants) : '';
    return { message: `must be one of ${constants.join(', ')}, found ${show(e.data)}${hint}` };
  }
  const keys = branches.flatMap((b) => (b.type === 'object' ? Object.keys(b.properties ?? {}) : []));
  if (isObject(e.data) && keys.length > 0) {
    const given = Object.keys(e.data);
    const hint = given.length === 1 ? didYouMean(given[0]!, keys) : '';
    const found = given.length === 0 ? 'an empty mapping' : `${given.length === 1 ? 'key' : 'keys'} ${given.map((k) => `'${k}'`).join(', ')}${hint}`;
    return { message: `expected a mapping with ${keys.map((k) => `'${k}'`).join(' or ')}, found ${found}` };
  }
  const description = ((e.parentSchema ?? {}) as Schema).description;
  return {
    message: `${description ? `expected ${lowerFirst(description.replace(/\.$/, ''))}` : 'does not match any allowed form'}, found ${article(jsonType(e.data))}`,
  };
}

/** What is wrong with a field shorthand such as `cout(event_id)` or `count(Event ID)`, when it can be told. */
function fieldHint(data: unknown): string | undefined {
  if (typeof data !== 'string') return undefined;
  const call = /^\s*([A-Za-z_]\w*)\s*\((.*)\)\s*$/.exec(data);
  if (call && !(AGGREGATIONS as readonly string[]).includes(call[1]!)) {
    return `unknown aggregation '${call[1]}'${didYouMean(call[1]!, AGGREGATIONS)} in ${show(data)}; expected one of ${AGGREGATIONS.join(', ')}`;
  }
  const column = call ? call[2]! : data;
  const compact = call ? `${call[1]}(${column.trim()})` : data;
  if (call && compact !== data && /^[a-z_][a-z0-9_]*$/.test(column.trim())) return `${show(data)} is not valid: write it without spaces, '${compact}'`;
  if (!/^[a-z_][a-z0-9_]*$/.test(column.trim())) {
    return `${show(data)} is not valid: column names are lower-case letters, digits and underscores (e.g. event_name, count(event_id))`;
  }
  return undefined;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function article(type: string): string {
  const word = type === 'object' ? 'mapping' : type === 'array' ? 'list' : type === 'null' ? 'nothing (null)' : type;
  return word === 'nothing (null)' ? word : /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
