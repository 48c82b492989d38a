import type { Finding } from '../finding.ts';
import { pathText } from '../finding.ts';
import type { YamlLocated, JsonPath } from '../load/located.ts';
import { KINDS, type Kind } from '../schema/index.ts';
import { didYouMean } from '../suggest.ts';
import { validatorFor } from './ajv.ts';
import { describeError } from './messages.ts';
import { toPath } from './json-pointer.ts';
import { salvage, type Salvaged } from './salvage.ts';
import { isObject, reduceUnionErrors } from './unions.ts';

/**
 * Checks a parsed spec against the schema of its kind; returns the kind when the spec is valid. When it
 * is not, but its kind is known, `salvaged` is its well-formed part, if there is one to check further.
 */
export function validateSpec(located: YamlLocated<unknown>): { kind?: Kind; findings: Finding[]; salvaged?: Salvaged & { kind: Kind } } {
  const data = located.spec;
  const finding = (path: JsonPath, message: string, atKey = false): Finding => {
    const { file, line, col } = atKey ? located.keyAt(path) : located.at(path);
    const where = path.length > 0 ? `${pathText(path)}: ` : '';
    return { file, line, col, message: `${where}${message}`, rule: 'schema', severity: 'error', path: pathText(path) };
  };
  if (!isObject(data)) return { findings: [finding([], 'expected a mapping')] };
  const kind = data.kind;
  if (kind === undefined) {
    return { findings: [finding([], `missing required key 'kind' (one of ${KINDS.join(', ')})`)] };
  }
  if (typeof kind !== 'string' || !(KINDS as string[]).includes(kind)) {
    const hint = typeof kind === 'string' ? didYouMean(kind, KINDS) : '';
    return { findings: [finding(['kind'], `unknown kind ${JSON.stringify(kind)}${hint}; expected one of ${KINDS.join(', ')}`)] };
  }
  const validate = validatorFor(kind as Kind);
  if (validate(data)) return { kind: kind as Kind, findings: [] };
  const errors = reduceUnionErrors(validate.errors ?? []);
  const rest = salvage(kind as Kind, data, errors);
  const findings = errors.map((error) => {
    const path = toPath(data, error.instancePath);
    const { message, key, at } = describeError(error);
    if (key !== undefined) return finding([...path, key], message, true);
    return at === undefined ? finding(path, message) : finding([...path, at], message);
  });
  return { findings: dedupe(findings), ...(rest ? { salvaged: { ...rest, kind: kind as Kind } } : {}) };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.line}:${f.col}:${f.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
