import { ServiceError } from '../errors.ts';

/**
 * How deep a request's JSON may nest: Jackson's default (StreamReadConstraints), which the AWS JSON
 * services parse with. Far deeper than any QuickSight definition, and shallow enough that nothing
 * that walks the input (validation, the definition rules, the state store's JSON) runs out of stack.
 */
const MAX_DEPTH = 1000;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A JSON protocol's request body as an object: `{}` when empty; `SerializationException` when it is anything but a JSON object. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    throw serialization('The request body is not valid UTF-8.');
  }
  if (nestsDeeperThan(text, MAX_DEPTH)) throw serialization(`The request body nests JSON deeper than ${MAX_DEPTH} levels.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw serialization(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw serialization(`The request body must be a JSON object, not ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}.`);
  return value as Record<string, unknown>;
}

function serialization(message: string): ServiceError {
  return new ServiceError('SerializationException', message, 400);
}

/** Counts brackets outside strings, stopping as soon as the depth passes `max`. */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
