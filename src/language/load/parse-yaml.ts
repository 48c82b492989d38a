import { isAlias, isMap, isSeq, LineCounter, parseAllDocuments, visit, type Document } from 'yaml';
import type { Finding } from '../finding.ts';
import { YamlLocated } from './located.ts';
import { findUnclosed } from './unclosed.ts';

/** Aliases expanded per document before we call it an alias bomb; real specs use a handful. */
const MAX_ALIAS_COUNT = 100;

export interface ParsedYaml {
  readonly data: unknown;
  readonly located: YamlLocated<unknown>;
}

/** Parses one spec file: exactly one YAML document whose root is a mapping. */
export function parseYaml(file: string, text: string): { parsed?: ParsedYaml; findings: Finding[] } {
  const lines = new LineCounter();
  const finding = (offset: number, message: string): Finding => {
    const { line, col } = lines.linePos(withinText(text, offset));
    return { file, line, col, message, rule: 'yaml', severity: 'error' };
  };
  let docs: Document.Parsed[];
  try {
    const all = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    docs = Array.isArray(all) ? all : [];
  } catch (error) {
    return { findings: [{ file, line: 1, col: 1, message: `cannot parse YAML: ${tooDeep(error)}`, rule: 'yaml', severity: 'error' }] };
  }
  const doc = docs[0];
  if (!doc || doc.contents === null) {
    return { findings: [finding(0, 'no YAML content (only comments?): expected a spec starting with apiVersion, kind, id and name')] };
  }
  // One finding per distinct message: a stack overflow or a broken flow collection repeats itself.
  const seen = new Set<string>();
  const errors = [...doc.errors, ...doc.warnings];
  const unclosed = errors.some((e) => isUnclosedError(e.code, e.message)) ? findUnclosed(text) : [];
  const problems = [
    ...unclosed.map((u) => finding(u.offset, `YAML syntax: ${u.message}`)),
    ...errors
      .filter((e) => !(isUnclosedError(e.code, e.message) && unclosed.some((u) => u.kind === unclosedKind(e.message))))
      .map((e) => finding(e.pos[0], yamlMessage(e.code, e.message)))
      .filter((f) => (seen.has(f.message) ? false : (seen.add(f.message), true))),
  ];
  const extra = docs.slice(1).find((d) => d.contents !== null);
  if (extra) {
    problems.push(finding(extra.range[0], 'a second YAML document: keep one resource per file'));
  }
  if (problems.length > 0) return { findings: problems };
  if (!isMap(doc.contents)) {
    const found = isSeq(doc.contents) ? 'a list' : isAlias(doc.contents) ? 'an alias' : 'a single value';
    return { findings: [finding(doc.contents.range?.[0] ?? 0, `expected a mapping (apiVersion, kind, id, name, …), found ${found}`)] };
  }
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { parsed: { data, located: new YamlLocated(data, file, doc, lines, text) }, findings: [] };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return {
        findings: [finding(firstAliasOffset(doc), `aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT}): refusing a possible YAML alias bomb`)],
      };
    }
    return { findings: [finding(0, `cannot read YAML: ${tooDeep(error)}`)] };
  }
}

/** The parser's errors for a `[`, `{` or quote never closed: reported where it gives up, often past the end. */
function isUnclosedError(code: string, message: string): boolean {
  return unclosedKind(message) !== undefined && (code === 'BAD_INDENT' || code === 'MISSING_CHAR' || code === 'UNEXPECTED_TOKEN');
}

function unclosedKind(message: string): 'sequence' | 'mapping' | 'string' | undefined {
  if (/^Flow sequence .*end with a \]/.test(message)) return 'sequence';
  if (/^Flow map .*end with a \}/.test(message)) return 'mapping';
  if (/^Missing closing .?quote/.test(message)) return 'string';
  return undefined;
}

/** An offset at or past the end of the text (the parser's "end of input") moved onto the last character. */
function withinText(text: string, offset: number): number {
  if (offset < text.length) return offset;
  return Math.max(0, text.trimEnd().length - 1);
}

function yamlMessage(code: string, message: string): string {
  if (/call stack/i.test(message)) return 'YAML nested too deeply: refusing it';
  if (code === 'DUPLICATE_KEY') return 'duplicate key: this key is already set above in the same mapping';
  if (code === 'TAG_RESOLVE_FAILED') return `${message.replace('tag:yaml.org,2002:', '!!')} (specs use plain YAML, no tags)`;
  return `YAML syntax: ${message.split('\n')[0]}`;
}

function tooDeep(error: unknown): string {
  return error instanceof RangeError ? 'nested too deeply' : String((error as Error)?.message ?? error);
}

function firstAliasOffset(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}
