import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Located, SourcePosition } from '../located-spec.ts';

export type JsonPath = readonly (string | number)[];

/** A spec with the YAML document it came from, mapping JSON paths back to `file:line:col`. */
export class YamlLocated<T> implements Located<T> {
  constructor(
    readonly spec: T,
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly source: string,
    private readonly translate: (path: JsonPath) => JsonPath = (path) => path,
  ) {}

  /**
   * The same file's positions for a part of the spec (what passed the schema of a broken spec), whose
   * list items may have moved up: `translate` maps its paths to the file's.
   */
  part<U>(spec: U, translate: (path: JsonPath) => JsonPath): YamlLocated<U> {
    return new YamlLocated(spec, this.file, this.doc, this.lines, this.source, translate);
  }

  at(path: JsonPath): SourcePosition {
    const { node, key } = this.walk(path);
    return this.position(node ?? key);
  }

  /** Position of the key of the value at `path` (of the item, for a list item): where an unknown key is reported. */
  keyAt(path: JsonPath): SourcePosition {
    const { node, key, reached } = this.walk(path);
    return this.position(reached === path.length ? (key ?? node) : (node ?? key));
  }

  /**
   * Position of a piece of a string value: the word at `offset` in the value at `path` (e.g. a column
   * inside an SQL expression). Folding and indentation change whitespace only, so the n-th occurrence of
   * the word in the value is the n-th in the source; falls back to the value's start.
   */
  atText(path: JsonPath, offset: number): SourcePosition {
    const { node, reached } = this.walk(path);
    const value = isScalar(node) ? node.value : undefined;
    if (reached < path.length || typeof value !== 'string' || !node?.range) return this.at(path);
    const word = /^("[^"]*"|'[^']*'|[A-Za-z0-9_]+|.)/s.exec(value.slice(offset))?.[0] ?? '';
    const occurrence = count(value.slice(0, offset), word);
    const text = this.source.slice(node.range[0], node.range[1]);
    let index = -1;
    for (let n = 0; n <= occurrence; n++) {
      index = text.indexOf(word, index + 1);
      if (index < 0) return this.at(path);
    }
    return this.position({ range: [node.range[0] + index] } as unknown as Node);
  }

  /** Same-typed view, after the spec was checked against its schema. */
  as<U>(): YamlLocated<U> {
    return this as unknown as YamlLocated<U>;
  }

  private walk(specPath: JsonPath): { node: Node | null; key: Node | null; reached: number } {
    const path = this.translate(specPath);
    let node = resolve(this.doc, this.doc.contents as Node | null);
    let key: Node | null = null;
    let reached = 0;
    for (const segment of path) {
      let next: Node | null | undefined;
      let nextKey: Node | null = null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === segment);
        if (pair) {
          next = resolve(this.doc, pair.value as Node | null);
          nextKey = pair.key as Node | null;
          // A key with no value: the position of the key is the best there is.
          if (next === null) next = nextKey;
        }
      } else if (isSeq(node) && typeof segment === 'number') {
        next = resolve(this.doc, node.items[segment] as Node | null);
      }
      if (!next) break;
      node = next;
      key = nextKey;
      reached++;
    }
    if (reached < path.length) key = null;
    return { node, key, reached };
  }

  private position(node: Node | null): SourcePosition {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }
}

function count(text: string, word: string): number {
  if (word === '') return 0;
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) n++;
  return n;
}

function resolve(doc: Document.Parsed, node: Node | null): Node | null {
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? node;
  return node;
}
