// Parses Trino's function documentation (docs/src/main/sphinx/functions/*.md, MyST markdown, or the
// older *.rst) into a catalogue of function signatures. Pure: no file system, no process; extract.ts
// is the command line around it. See README.md beside this file.

export type FunctionKind = 'scalar' | 'aggregate' | 'window' | 'lambda-taking scalar' | 'table';

export interface FunctionEntry {
  /** Lower case, as Trino resolves names (the docs write some in mixed case: ST_AsText). */
  name: string;
  /** Argument names or types exactly as the docs write them, one per position. */
  args: string[];
  /** The docs' return type text; null only when the docs give none. */
  returns: string | null;
  kind: FunctionKind;
  /** The docs page (file name without extension) the signature is on. */
  page: string;
  /** Other pages that document the very same signature text. */
  alsoOn: string[];
  /** The last argument may be repeated (the docs write `a, b, ..., bN`, `args...` or `[, ...]`). */
  variadic: boolean;
  /** `name(args) -> returns`, rebuilt from the fields above (after optional arguments were expanded). */
  signature: string;
  /** First sentence of the docs' description, markup removed; null when the block has none. */
  description: string | null;
}

export type SyntaxKind = 'special-form' | 'niladic' | 'operator' | 'predicate' | 'sql-json' | 'method-call';

export interface SyntaxEntry {
  /** Lower-case keyword or name the form starts with (`cast`, `current_date`, `at time zone`). */
  name: string;
  /** The form as the docs (or the grammar) write it. */
  form: string;
  kind: SyntaxKind;
  /** True when the form looks like an ordinary call `name(a, b)` to a parser (IF, COALESCE, NULLIF, TRY). */
  callLike: boolean;
  returns: string | null;
  page: string | null;
  /** Where it is documented: a function/data directive, the page's prose, or only Trino's SQL grammar. */
  documented: 'directive' | 'prose' | 'grammar';
  note?: string;
}

export interface ParseNote {
  page: string;
  text: string;
  note: string;
}

export interface DocQuirk {
  signature: string;
  page: string;
  note: string;
}

export interface ParsedDocs {
  functions: FunctionEntry[];
  syntax: SyntaxEntry[];
  parseNotes: ParseNote[];
  quirks: DocQuirk[];
  pages: string[];
}

export interface DocFile {
  /** File name, e.g. `json.md` or `json.rst`. */
  file: string;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Curated knowledge the docs do not state in a machine-readable way. Every item names its evidence.

/** Aggregates documented on their own pages without an "aggregation" heading. Cross-checked against
 * the @AggregationFunction annotations in Trino 483's source (trino-main, trino-ml, trino-datasketches). */
const AGGREGATES_WITHOUT_HEADING = new Set([
  'make_set_digest',
  'merge_set_digest',
  'learn_classifier',
  'learn_libsvm_classifier',
  'learn_regressor',
  'learn_libsvm_regressor',
  'theta_sketch_union',
]);

/** Headers the docs write in a form that does not parse; replaced, and reported as parse notes. */
const HEADER_FIXUPS: Record<string, { header: string; note: string }> = {
  'session:current_groups': {
    header: 'current_groups() -> array(varchar)',
    note: 'the docs header has neither parentheses nor a return type; current_groups() is an ordinary function returning array(varchar) (SessionFunctions in Trino 483)',
  },
};

/** Return types the docs get wrong or write loosely; reported, the docs' text is kept. */
const QUIRKS: { page: string; signature: string; note: string }[] = [
  {
    page: 'window',
    signature: 'cume_dist() -> bigint',
    note: 'Trino returns double (CumulativeDistributionFunction: returnType = "double"); the docs say bigint',
  },
  { page: 'setdigest', signature: 'cardinality(setdigest) -> long', note: '"long" is not a SQL type; the function returns bigint' },
  { page: 'setdigest', signature: 'intersection_cardinality(x, y) -> long', note: '"long" is not a SQL type; the function returns bigint' },
  { page: 'string', signature: 'soundex(char) -> string', note: '"string" is not a SQL type; the function returns varchar' },
  { page: 'geospatial', signature: 'st_startpoint(Geometry) -> point', note: 'lower-case "point": the Point geometry type' },
  { page: 'geospatial', signature: 'st_endpoint(Geometry) -> point', note: 'lower-case "point": the Point geometry type' },
  { page: 'qdigest', signature: 'quantile_at_value(qdigest(T), T) -> quantile', note: '"quantile" is a name, not a type: the function returns double' },
  { page: 'array', signature: 'array_max(x) -> x', note: 'returns the element type of the array x' },
  { page: 'array', signature: 'array_min(x) -> x', note: 'returns the element type of the array x' },
  { page: 'ml', signature: 'classify(features, model) -> label', note: 'returns the label type the classifier was trained with (bigint or varchar)' },
  { page: 'ml', signature: 'regress(features, model) -> target', note: 'returns double' },
  {
    page: 'datetime',
    signature: 'date_parse(string, format) -> timestamp(3)',
    note: 'documented with a {js:function} directive and a "→" arrow, unlike every other function',
  },
  { page: 'map', signature: 'map() -> map<unknown, unknown>', note: 'the empty map constructor' },
];

/** Directive names that Trino treats as special forms although they look like calls. */
const CALL_LIKE_SPECIAL_FORMS: Record<string, string> = {
  if: 'IF(condition, true_value[, false_value]); evaluates only the chosen branch',
  coalesce: 'evaluates its arguments lazily, left to right; any number of arguments of one type',
  nullif: 'special form with a fixed two-argument shape',
  try: 'evaluates its argument and turns some errors into NULL',
};

/** Forms documented only in a page's prose (no directive). Included when `page` has a heading
 * matching `heading`, or text matching `text`. */
const PROSE_FORMS: { page: string; heading?: RegExp; text?: RegExp; entry: Omit<SyntaxEntry, 'page' | 'documented'> }[] = [
  {
    page: 'conditional',
    heading: /^CASE\b/,
    entry: { name: 'case', form: 'CASE [expression] WHEN … THEN … [ELSE …] END', kind: 'special-form', callLike: false, returns: null },
  },
  {
    page: 'datetime',
    text: /AT TIME ZONE/,
    entry: {
      name: 'at time zone',
      form: 'x AT TIME ZONE zone',
      kind: 'operator',
      callLike: false,
      returns: 'timestamp(p) with time zone',
      note: 'Athena lists the zones it accepts (athena.sources.supportedTimeZones)',
    },
  },
  {
    page: 'datetime',
    text: /AT LOCAL/,
    entry: { name: 'at local', form: 'x AT LOCAL', kind: 'operator', callLike: false, returns: 'timestamp(p) with time zone' },
  },
  {
    page: 'datetime',
    heading: /^OVERLAPS\b/,
    entry: { name: 'overlaps', form: '(start1, end1) OVERLAPS (start2, end2)', kind: 'predicate', callLike: false, returns: 'boolean' },
  },
  {
    page: 'datetime',
    heading: /^Date and time operators\b/,
    entry: { name: '+ / - (date, time, interval)', form: 'datetime ± interval, interval ± interval', kind: 'operator', callLike: false, returns: null },
  },
  {
    page: 'comparison',
    heading: /^Comparison operators\b/,
    entry: { name: '< > <= >= = <> !=', form: 'x < y, x = y, …', kind: 'operator', callLike: false, returns: 'boolean' },
  },
  {
    page: 'comparison',
    heading: /^Range operator: BETWEEN\b/,
    entry: { name: 'between', form: 'x [NOT] BETWEEN [ASYMMETRIC | SYMMETRIC] a AND b', kind: 'predicate', callLike: false, returns: 'boolean' },
  },
  {
    page: 'comparison',
    heading: /^IS NULL and IS NOT NULL\b/,
    entry: { name: 'is null', form: 'x IS [NOT] NULL', kind: 'predicate', callLike: false, returns: 'boolean' },
  },
  {
    page: 'comparison',
    heading: /^IS TRUE, IS FALSE, and IS UNKNOWN\b/,
    entry: { name: 'is true', form: 'x IS [NOT] TRUE | FALSE | UNKNOWN', kind: 'predicate', callLike: false, returns: 'boolean' },
  },
  {
    page: 'comparison',
    heading: /^IS DISTINCT FROM\b/,
    entry: { name: 'is distinct from', form: 'x IS [NOT] DISTINCT FROM y', kind: 'predicate', callLike: false, returns: 'boolean' },
  },
  {
    page: 'comparison',
    heading: /^Quantified comparison predicates\b/,
    entry: { name: 'all / any / some', form: 'x <op> ALL | ANY | SOME (subquery)', kind: 'predicate', callLike: false, returns: 'boolean' },
  },
  {
    page: 'comparison',
    heading: /^Pattern comparison: LIKE\b/,
    entry: { name: 'like', form: "x [NOT] LIKE pattern [ESCAPE 'c']", kind: 'predicate', callLike: false, returns: 'boolean' },
  },
  {
    page: 'comparison',
    heading: /^Row comparison: IN\b/,
    entry: { name: 'in', form: 'x [NOT] IN (values | subquery)', kind: 'predicate', callLike: false, returns: 'boolean' },
  },
  {
    page: 'comparison',
    heading: /^Row matching: MATCH\b/,
    entry: { name: 'match', form: 'row MATCH [UNIQUE] [SIMPLE | PARTIAL | FULL] (subquery)', kind: 'predicate', callLike: false, returns: 'boolean' },
  },
  {
    page: 'comparison',
    heading: /^Uniqueness test: UNIQUE\b/,
    entry: { name: 'unique', form: 'UNIQUE (subquery)', kind: 'predicate', callLike: false, returns: 'boolean' },
  },
  {
    page: 'logical',
    heading: /^Logical operators\b/,
    entry: { name: 'and / or / not', form: 'a AND b, a OR b, NOT a', kind: 'operator', callLike: false, returns: 'boolean' },
  },
  {
    page: 'math',
    heading: /^Mathematical operators\b/,
    entry: { name: '+ - * / %', form: 'x + y, x - y, x * y, x / y, x % y', kind: 'operator', callLike: false, returns: null },
  },
  {
    page: 'decimal',
    heading: /^Binary arithmetic decimal operators\b/,
    entry: {
      name: 'decimal arithmetic',
      form: 'decimal + - * / % decimal (result precision and scale rules)',
      kind: 'operator',
      callLike: false,
      returns: 'decimal',
    },
  },
  { page: 'string', heading: /^String operators\b/, entry: { name: '||', form: 'string || string', kind: 'operator', callLike: false, returns: 'varchar' } },
  {
    page: 'array',
    heading: /^Subscript operator/,
    entry: {
      name: '[] (array)',
      form: 'array[index]',
      kind: 'operator',
      callLike: false,
      returns: null,
      note: '1-based; out of range fails (element_at returns NULL instead)',
    },
  },
  {
    page: 'array',
    heading: /^Concatenation operator: \|\|/,
    entry: { name: '|| (array)', form: 'array || array, array || element', kind: 'operator', callLike: false, returns: 'array' },
  },
  {
    page: 'map',
    heading: /^Subscript operator/,
    entry: {
      name: '[] (map)',
      form: 'map[key]',
      kind: 'operator',
      callLike: false,
      returns: null,
      note: 'a missing key fails (element_at returns NULL instead)',
    },
  },
  {
    page: 'lambda',
    heading: /^Lambda expressions\b/,
    entry: {
      name: '->',
      form: 'x -> expression, (x, y) -> expression',
      kind: 'operator',
      callLike: false,
      returns: null,
      note: 'only as an argument of a lambda-taking function',
    },
  },
  {
    page: 'json',
    heading: /^JSON simplified accessor\b/,
    entry: { name: 'json simplified accessor', form: 'json_value.member, json_value[index]', kind: 'operator', callLike: false, returns: 'json' },
  },
  {
    page: 'json',
    heading: /^json_exists\b/,
    entry: {
      name: 'json_exists',
      form: 'json_exists(json_input [FORMAT JSON], json_path [PASSING …] [{TRUE | FALSE | UNKNOWN | ERROR} ON ERROR])',
      kind: 'sql-json',
      callLike: false,
      returns: 'boolean',
    },
  },
  {
    page: 'json',
    heading: /^json_query\b/,
    entry: {
      name: 'json_query',
      form: 'json_query(json_input, json_path [PASSING …] [RETURNING type] [WRAPPER …] [QUOTES …] [… ON EMPTY] [… ON ERROR])',
      kind: 'sql-json',
      callLike: false,
      returns: 'varchar',
    },
  },
  {
    page: 'json',
    heading: /^json_value\b/,
    entry: {
      name: 'json_value',
      form: 'json_value(json_input, json_path [PASSING …] [RETURNING type] [… ON EMPTY] [… ON ERROR])',
      kind: 'sql-json',
      callLike: false,
      returns: 'varchar',
    },
  },
  {
    page: 'json',
    heading: /^json_table\b/,
    entry: {
      name: 'json_table',
      form: 'JSON_TABLE(json_input, json_path [AS name] [PASSING …] COLUMNS (…) …)',
      kind: 'sql-json',
      callLike: false,
      returns: 'table',
    },
  },
  {
    page: 'json',
    heading: /^json_array\b/,
    entry: {
      name: 'json_array',
      form: 'json_array([value [FORMAT JSON], …] [NULL | ABSENT ON NULL] [RETURNING type])',
      kind: 'sql-json',
      callLike: false,
      returns: 'varchar',
    },
  },
  {
    page: 'json',
    heading: /^json_object\b/,
    entry: {
      name: 'json_object',
      form: 'json_object([[KEY] key VALUE value | key : value, …] [NULL | ABSENT ON NULL] [WITH | WITHOUT UNIQUE [KEYS]] [RETURNING type])',
      kind: 'sql-json',
      callLike: false,
      returns: 'varchar',
    },
  },
];

/** Forms in Trino's SQL grammar (core/trino-grammar/…/SqlBase.g4) that the function pages do not document. */
const GRAMMAR_FORMS: SyntaxEntry[] = [
  {
    name: 'substring',
    form: 'substring(string FROM start [FOR length])',
    kind: 'special-form',
    callLike: false,
    returns: 'varchar',
    page: 'string',
    documented: 'grammar',
    note: 'the pages document only substring(string, start[, length])',
  },
  {
    name: 'trim',
    form: 'trim(source, characters)',
    kind: 'special-form',
    callLike: true,
    returns: 'varchar',
    page: 'string',
    documented: 'grammar',
    note: 'two-argument TRIM; the grammar parses every TRIM(...) as a special form',
  },
  {
    name: 'listagg',
    form: 'listagg([DISTINCT] x [, separator] [ON OVERFLOW …]) WITHIN GROUP (ORDER BY …)',
    kind: 'special-form',
    callLike: false,
    returns: 'varchar',
    page: 'aggregate',
    documented: 'grammar',
    note: 'also in functions as listagg(x, separator); WITHIN GROUP is required',
  },
  { name: 'current_path', form: 'current_path', kind: 'niladic', callLike: false, returns: 'varchar', page: null, documented: 'grammar' },
  {
    name: 'grouping',
    form: 'grouping(col1, …, colN)',
    kind: 'special-form',
    callLike: true,
    returns: 'bigint',
    page: null,
    documented: 'grammar',
    note: 'documented with GROUP BY, not on the function pages',
  },
];

// ---------------------------------------------------------------------------------------------

interface Block {
  directive: 'function' | 'data';
  header: string;
  description: string | null;
  heading: string;
}

/** Lines of a markdown page with fenced code blocks blanked, so `#` or `:::` inside code is not read. */
function blankCode(lines: string[]): string[] {
  let fence: string | null = null;
  return lines.map((line) => {
    const m = /^\s*(```+|~~~+)/.exec(line);
    if (fence !== null) {
      if (m?.[1].startsWith(fence[0]) && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
      return '';
    }
    if (m) {
      fence = m[1];
      return '';
    }
    return line;
  });
}

function clean(text: string): string {
  return text
    .replace(/\{[a-z:]+\}`([^`<]*?)\s*<[^`>]*>`/g, '$1') // {ref}`text <target>`
    .replace(/\{[a-z:]+\}`([^`]*)`/g, '$1') // {func}`name`
    .replace(/:[a-z:]+:`([^`<]*?)\s*<[^`>]*>`/g, '$1') // rst :ref:`text <target>`
    .replace(/:[a-z:]+:`([^`]*)`/g, '$1') // rst :func:`name`
    .replace(/``([^`]*)``/g, '$1')
    .replace(/`([^`]*)`_*/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // [text](link)
    .replace(/\[([^\]]+)\](?![([])/g, '$1') // [text] of a reference-style link
    .replace(/\\([<>*_`[\]\\])/g, '$1') // markdown escapes
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first sentence of a paragraph, at most 200 characters. */
export function firstSentence(paragraph: string): string | null {
  const text = clean(paragraph).replace(/::?$/, '.');
  if (text === '') return null;
  const m = /^(.*?[.!?])(\s+[A-Z(`'"]|$)/.exec(text);
  let sentence = (m ? m[1] : text).trim();
  if (sentence.length > 200) sentence = `${sentence.slice(0, 199).replace(/\s+\S*$/, '')}…`;
  return sentence;
}

interface Page {
  blocks: Block[];
  headings: string[];
}

function parseMarkdown(text: string): Page {
  const raw = text.split(/\r?\n/);
  const lines = blankCode(raw);
  const blocks: Block[] = [];
  const headings: string[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const h = /^#{1,6}\s+(.*)$/.exec(lines[i]);
    if (h) {
      heading = h[1].trim();
      headings.push(heading);
      continue;
    }
    const d = /^(:{3,})\s*\{(function|data|js:function)\}\s*(.*?)\s*$/.exec(lines[i]);
    if (!d) continue;
    const directive = d[2] === 'data' ? 'data' : 'function';
    const para: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j];
      if (/^:[a-z-]+:/.test(line.trim()) && para.length === 0) continue; // directive options (:noindex: true)
      if (line.trim() === '' && raw[j].trim() === '' && para.length === 0) continue;
      if (line.trim() === '' || /^:{3,}/.test(line)) break;
      para.push(line.trim());
    }
    blocks.push({ directive, header: d[3], description: para.length ? firstSentence(para.join(' ')) : null, heading });
  }
  return { blocks, headings };
}

function parseRst(text: string): Page {
  const raw = text.split(/\r?\n/);
  const blocks: Block[] = [];
  const headings: string[] = [];
  let heading = '';
  for (let i = 0; i < raw.length; i++) {
    const next = raw[i + 1];
    if (
      next !== undefined &&
      raw[i].trim() !== '' &&
      /^([=\-~^"'`#*+])\1{2,}\s*$/.test(next) &&
      !/^\s/.test(raw[i]) &&
      next.trim().length >= raw[i].trim().length
    ) {
      heading = raw[i].trim();
      headings.push(heading);
      continue;
    }
    const d = /^\.\. (function|data)::\s*(.*?)\s*$/.exec(raw[i]);
    if (!d) continue;
    const para: string[] = [];
    for (let j = i + 1; j < raw.length; j++) {
      const line = raw[j];
      if (line.trim() === '') {
        if (para.length) break;
        continue;
      }
      if (!/^\s/.test(line)) break;
      if (/^\s*:[a-z-]+:/.test(line) && para.length === 0) continue;
      if (/^\s*\.\. /.test(line)) {
        if (para.length) break;
        continue;
      }
      para.push(line.trim());
    }
    blocks.push({ directive: d[1] as 'function' | 'data', header: d[2], description: para.length ? firstSentence(para.join(' ')) : null, heading });
  }
  return { blocks, headings };
}

interface Header {
  name: string;
  argText: string | null;
  returns: string | null;
}

/** Splits `name(args) -> returns` (or `→`); argText is null when there are no parentheses. */
export function splitHeader(header: string): Header {
  const text = header.trim();
  const open = text.indexOf('(');
  const arrowAt = (s: string) => {
    const m = /\s*(->|→)\s*/.exec(s);
    return m ? { at: m.index, len: m[0].length } : null;
  };
  if (open < 0) {
    const a = arrowAt(text);
    return { name: (a ? text.slice(0, a.at) : text).trim(), argText: null, returns: a ? text.slice(a.at + a.len).trim() || null : null };
  }
  let depth = 0;
  let close = -1;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  if (close < 0) return { name: text.slice(0, open).trim(), argText: text.slice(open + 1), returns: null };
  const rest = text.slice(close + 1);
  const a = arrowAt(rest);
  return {
    name: text.slice(0, open).trim(),
    argText: text.slice(open + 1, close),
    returns: a ? rest.slice(a.at + a.len).trim() || null : null,
  };
}

/** Splits on commas outside (), <> and []. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let prev = '';
  for (const ch of text) {
    if (ch === '(' || ch === '<' || ch === '[') depth++;
    else if (ch === ')' || ch === ']' || (ch === '>' && prev !== '=' && prev !== '-')) depth--;
    prev = ch;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim().replace(/\s+/g, ' ')).filter((s) => s !== '');
}

/** Expands optional `[...]` groups of an argument list into every list they allow (nested groups
 * need their parent). A trailing `[, ...]` is not optional text but the variadic marker. */
export function expandOptional(argText: string): string[] {
  const text = argText.replace(/\[\s*,\s*\.\.\.\s*\]/g, ', ...');
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '<') depth++;
    else if (ch === ')' || (ch === '>' && text[i - 1] !== '=' && text[i - 1] !== '-')) depth--;
    else if (ch === '[' && depth === 0 && start < 0) start = i;
    else if (ch === ']' && depth === 0 && start >= 0) {
      // find the matching close for the first open bracket
      let d = 0;
      let end = -1;
      for (let k = start; k < text.length; k++) {
        if (text[k] === '[') d++;
        else if (text[k] === ']') {
          d--;
          if (d === 0) {
            end = k;
            break;
          }
        }
      }
      if (end < 0) return [text];
      const before = text.slice(0, start);
      const inner = text.slice(start + 1, end);
      const after = text.slice(end + 1);
      return [...expandOptional(before + after), ...expandOptional(`${before} ${inner} ${after}`)];
    }
  }
  return [text];
}

/** Turns an argument list with `...` into its leading arguments plus a variadic flag. */
export function variadicArgs(args: string[]): { args: string[]; variadic: boolean } {
  const dots = args.findIndex((a) => a === '...' || a === '…');
  if (dots >= 0) return { args: args.slice(0, dots), variadic: true };
  const last = args[args.length - 1];
  if (last !== undefined && /\.\.\.$/.test(last)) {
    return { args: [...args.slice(0, -1), last.replace(/\s*\.\.\.$/, '')], variadic: true };
  }
  return { args, variadic: false };
}

const KEYWORD_ARG = /\b(AS|FROM|IN|PLACING|FOR)\b/;

function isLambdaArg(arg: string): boolean {
  return /^function\b/i.test(arg) || /[a-z]Function\s*\(/.test(arg);
}

export function signatureOf(name: string, args: string[], variadic: boolean, returns: string | null): string {
  const list = variadic ? [...args, '...'] : args;
  return `${name}(${list.join(', ')})${returns === null ? '' : ` -> ${returns}`}`;
}

interface Raw {
  page: string;
  block: Block;
}

/** Parses every page of the functions folder. Pages given as both .md and .rst are read from .md. */
export function parseDocs(files: DocFile[]): ParsedDocs {
  const byPage = new Map<string, DocFile>();
  for (const f of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const m = /^(.*)\.(md|rst)$/.exec(f.file);
    if (!m) continue;
    const existing = byPage.get(m[1]);
    if (!existing || m[2] === 'md') byPage.set(m[1], f);
  }
  const pages = [...byPage.keys()].sort();
  const parseNotes: ParseNote[] = [];
  const raws: Raw[] = [];
  const read = new Map<string, Page & { text: string }>();
  for (const page of pages) {
    const f = byPage.get(page)!;
    const parsed = f.file.endsWith('.md') ? parseMarkdown(f.text) : parseRst(f.text);
    read.set(page, { ...parsed, text: f.text });
    for (const block of parsed.blocks) raws.push({ page, block });
  }

  const aggregateNames = new Set<string>();
  for (const r of raws) {
    if (r.page === 'aggregate' && r.block.directive === 'function') aggregateNames.add(splitHeader(r.block.header).name.toLowerCase());
  }

  const syntax: SyntaxEntry[] = [];
  const entries: FunctionEntry[] = [];
  for (const { page, block } of raws) {
    let header = block.header;
    const fix = HEADER_FIXUPS[`${page}:${header}`];
    if (fix) {
      parseNotes.push({ page, text: header, note: `fixed up as "${fix.header}": ${fix.note}` });
      header = fix.header;
    }
    const h = splitHeader(header);
    const name = h.name.toLowerCase();
    if (block.directive === 'data') {
      syntax.push({
        name: name.replace(/\(.*$/, ''),
        form: header,
        kind: 'niladic',
        callLike: false,
        returns: h.returns,
        page,
        documented: 'directive',
        note: 'written without parentheses (an optional precision where shown)',
      });
      continue;
    }
    if (h.argText === null) {
      parseNotes.push({ page, text: header, note: 'no argument list: skipped' });
      continue;
    }
    if (name.includes('::')) {
      syntax.push({
        name,
        form: header,
        kind: 'method-call',
        callLike: false,
        returns: h.returns,
        page,
        documented: 'directive',
        note: 'static method call syntax (Type::method)',
      });
      continue;
    }
    if (KEYWORD_ARG.test(h.argText)) {
      syntax.push({
        name,
        form: header,
        kind: 'special-form',
        callLike: false,
        returns: h.returns,
        page,
        documented: 'directive',
        note: 'keywords inside the parentheses: not an ordinary call',
      });
      continue;
    }
    if (name in CALL_LIKE_SPECIAL_FORMS) {
      syntax.push({
        name,
        form: header,
        kind: 'special-form',
        callLike: true,
        returns: h.returns,
        page,
        documented: 'directive',
        note: CALL_LIKE_SPECIAL_FORMS[name],
      });
      continue;
    }
    if (name === 'normalize' && splitArgs(h.argText).length > 1) {
      syntax.push({
        name,
        form: header,
        kind: 'special-form',
        callLike: false,
        returns: h.returns,
        page,
        documented: 'directive',
        note: 'the form (NFC, NFD, NFKC, NFKD) is a bare keyword, not a string',
      });
      continue;
    }
    if (h.returns === null) parseNotes.push({ page, text: header, note: 'no return type in the docs' });
    if (/^\w+$/.test(name) === false) parseNotes.push({ page, text: header, note: 'unusual function name' });

    let kind: FunctionKind;
    if (page === 'window') kind = 'window';
    else if (page === 'aggregate' || /aggregat/i.test(block.heading) || aggregateNames.has(name) || AGGREGATES_WITHOUT_HEADING.has(name)) kind = 'aggregate';
    else if (page === 'table') kind = 'table';
    else kind = 'scalar';

    const expansions = expandOptional(h.argText);
    if (expansions.length > 1) parseNotes.push({ page, text: header, note: `optional arguments: expanded into ${expansions.length} signatures` });
    for (const argText of expansions) {
      const { args, variadic } = variadicArgs(splitArgs(argText));
      let k: FunctionKind = kind;
      if (k === 'scalar' && args.some(isLambdaArg)) k = 'lambda-taking scalar';
      entries.push({
        name,
        args,
        returns: h.returns,
        kind: k,
        page,
        alsoOn: [],
        variadic,
        signature: signatureOf(name, args, variadic, h.returns),
        description: block.description,
      });
    }
  }

  // One entry per signature text: the same text on two pages is one entry (first page by name).
  const merged = new Map<string, FunctionEntry>();
  for (const e of entries) {
    const key = e.signature;
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, e);
      continue;
    }
    if (seen.page === e.page) {
      parseNotes.push({ page: e.page, text: e.signature, note: 'documented twice on the same page: kept once' });
      continue;
    }
    if (seen.kind !== e.kind)
      parseNotes.push({ page: e.page, text: e.signature, note: `kind ${e.kind} here, ${seen.kind} on ${seen.page}: kept ${seen.kind}` });
    seen.alsoOn = [...new Set([...seen.alsoOn, e.page])].sort();
    seen.description ??= e.description;
  }
  const functions = [...merged.values()].sort((a, b) => cmp(a.name, b.name) || cmp(a.signature, b.signature));

  for (const p of PROSE_FORMS) {
    const page = read.get(p.page);
    if (page === undefined) continue;
    const found =
      (p.heading !== undefined && page.headings.some((h) => new RegExp(p.heading!.source, 'i').test(h.replace(/\\/g, '')))) || p.text?.test(page.text);
    if (found) syntax.push({ ...p.entry, page: p.page, documented: 'prose' });
    else parseNotes.push({ page: p.page, text: p.entry.form, note: `expected prose form not found (${(p.heading ?? p.text)!.source}): left out` });
  }
  for (const g of GRAMMAR_FORMS) {
    if (!syntax.some((s) => s.name === g.name && s.form === g.form)) syntax.push(g);
  }
  syntax.sort((a, b) => cmp(a.name, b.name) || cmp(a.form, b.form));

  const quirks: DocQuirk[] = [];
  for (const q of QUIRKS) {
    if (functions.some((f) => f.signature === q.signature && (f.page === q.page || f.alsoOn.includes(q.page)))) quirks.push(q);
  }

  parseNotes.sort((a, b) => cmp(a.page, b.page) || cmp(a.text, b.text) || cmp(a.note, b.note));
  return { functions, syntax, parseNotes, quirks, pages };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
