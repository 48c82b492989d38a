import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  expandOptional,
  parseDocs,
  signatureOf,
  splitArgs,
  splitHeader,
  variadicArgs,
  type FunctionEntry,
  type SyntaxEntry,
} from '../../scripts/trino-functions/parse.ts';

const path = join(import.meta.dirname, '..', '..', 'src', 'sql', 'functions', 'trino-catalog.json');
const text = readFileSync(path, 'utf8');

interface Catalogue {
  source: { repository: string; release: string; commit: string; path: string; pages: string[] };
  athena: {
    trinoVersion: { publishedByAthena: boolean };
    listedTrinoPages: { pages: string[]; notListedButInTrinoDocs: string[]; listedButNotInTrinoDocs: string[] };
    athenaOnlyFunctions: { name: string; returns: string; inTrinoDocs: boolean }[];
    addedInV3: { names: string[]; missingFromCatalogue: string[] };
    differences: { id: string; names: string[]; summary: string; source: string; missingFromCatalogue: string[] }[];
    sources: Record<string, { url: string }>;
  };
  summary: { functions: number; byKind: Record<string, number>; byPage: Record<string, number> };
  history: { firstDocumentedIn: Record<string, string> } | null;
  parseNotes: { page: string; text: string; note: string }[];
  docQuirks: { signature: string; page: string; note: string }[];
  syntax: SyntaxEntry[];
  functions: FunctionEntry[];
}

const catalogue = JSON.parse(text) as Catalogue;
const { functions, syntax } = catalogue;
const KINDS = ['scalar', 'aggregate', 'window', 'lambda-taking scalar', 'table'];

const find = (name: string, args?: string[]) =>
  functions.filter((f) => f.name === name && (args === undefined || JSON.stringify(f.args) === JSON.stringify(args)));
const one = (name: string, args: string[]) => {
  const found = find(name, args);
  assert.equal(found.length, 1, `${name}(${args.join(', ')}): ${found.length} entries`);
  return found[0];
};

describe('sql: the Trino function catalogue (src/sql/functions/trino-catalog.json)', () => {
  after(() => {
    const line = (counts: Record<string, number>) =>
      Object.entries(counts)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
    console.log(
      `      Trino ${catalogue.source.release} (${catalogue.source.commit.slice(0, 12)}): ${functions.length} signatures, ${new Set(functions.map((f) => f.name)).size} names, ${syntax.length} syntax forms`,
    );
    console.log(`      by kind: ${line(catalogue.summary.byKind)}`);
    console.log(`      by page: ${line(catalogue.summary.byPage)}`);
  });

  it('is generated, 2-space JSON, and names its source', () => {
    assert.equal(text, `${JSON.stringify(catalogue, null, 2)}\n`);
    assert.equal(catalogue.source.repository, 'trinodb/trino');
    assert.match(catalogue.source.commit, /^[0-9a-f]{40}$/);
    assert.match(catalogue.source.release, /^\d+$/);
    assert.equal(catalogue.source.path, 'docs/src/main/sphinx/functions');
  });

  it('has one well-formed entry per signature, sorted by name then signature', () => {
    assert.ok(functions.length > 400, `${functions.length} signatures`);
    const signatures = new Set<string>();
    for (const f of functions) {
      const at = f.signature;
      assert.match(f.name, /^[a-z_][a-z0-9_]*$/, at);
      assert.ok(Array.isArray(f.args) && f.args.every((a) => typeof a === 'string' && a.trim() === a && a !== ''), at);
      assert.ok(typeof f.returns === 'string' && f.returns !== '', at);
      assert.ok(KINDS.includes(f.kind), `${at}: kind ${f.kind}`);
      assert.ok(catalogue.source.pages.includes(f.page), `${at}: page ${f.page}`);
      assert.ok(
        f.alsoOn.every((p) => catalogue.source.pages.includes(p) && p !== f.page),
        at,
      );
      assert.equal(typeof f.variadic, 'boolean', at);
      assert.equal(f.signature, signatureOf(f.name, f.args, f.variadic, f.returns), at);
      assert.ok(f.description === null || (f.description.length <= 200 && !f.description.includes('\n')), at);
      assert.ok(!signatures.has(at), `${at} twice`);
      signatures.add(at);
    }
    const key = (f: FunctionEntry) => [f.name, f.signature];
    for (let i = 1; i < functions.length; i++) {
      const [a, b] = [key(functions[i - 1]), key(functions[i])];
      assert.ok(a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]), `${a[1]} before ${b[1]}`);
    }
    for (const [kind, n] of Object.entries(catalogue.summary.byKind)) assert.equal(functions.filter((f) => f.kind === kind).length, n, kind);
  });

  it('has the well-known functions with their documented return types', () => {
    assert.equal(one('json_extract_scalar', ['json', 'json_path']).returns, 'varchar');
    assert.equal(one('json_extract', ['json', 'json_path']).returns, 'json');
    assert.equal(one('from_iso8601_timestamp', ['string']).returns, 'timestamp(3) with time zone');
    assert.equal(one('from_unixtime', ['unixtime']).returns, 'timestamp(3) with time zone');
    assert.equal(one('date_diff', ['unit', 'timestamp1', 'timestamp2']).returns, 'bigint');
    assert.equal(one('date_trunc', ['unit', 'x']).returns, '[same as input]');
    assert.equal(one('regexp_extract_all', ['string', 'pattern']).returns, 'array(varchar)');
    assert.equal(one('regexp_extract_all', ['string', 'pattern', 'group']).returns, 'array(varchar)');
    assert.equal(one('regexp_like', ['string', 'pattern']).returns, 'boolean');
    assert.equal(one('split', ['string', 'delimiter']).returns, 'array(varchar)');
    assert.equal(one('url_extract_host', ['url']).returns, 'varchar');
    assert.equal(one('to_hex', ['binary']).returns, 'varchar');

    const distinct = one('approx_distinct', ['x']);
    assert.deepEqual([distinct.returns, distinct.kind, distinct.page], ['bigint', 'aggregate', 'aggregate']);
    assert.equal(one('approx_distinct', ['x', 'e']).kind, 'aggregate');
    assert.equal(one('count', ['*']).kind, 'aggregate');
    assert.equal(one('array_agg', ['x']).kind, 'aggregate');
    assert.equal(one('convex_hull_agg', ['Geometry']).kind, 'aggregate'); // "Aggregations" heading on the geospatial page
    assert.equal(one('make_set_digest', ['x']).kind, 'aggregate'); // no heading: curated list

    const onArray = one('element_at', ['array(E)', 'index']);
    const onMap = one('element_at', ['map(K,V)', 'key']);
    assert.deepEqual([onArray.returns, onArray.page, onMap.returns, onMap.page], ['E', 'array', 'V', 'map']);

    const transform = one('transform', ['array(T)', 'function(T,U)']);
    assert.deepEqual([transform.kind, transform.returns], ['lambda-taking scalar', 'array(U)']);
    assert.equal(one('filter', ['array(T)', 'function(T,boolean)']).kind, 'lambda-taking scalar');
    assert.equal(one('regexp_replace', ['string', 'pattern', 'function']).kind, 'lambda-taking scalar');
    assert.equal(one('transform_values', ['map(K,V1)', 'function(K,V1,V2)']).kind, 'lambda-taking scalar');

    const ipContains = one('contains', ['network', 'address']);
    assert.deepEqual([ipContains.page, ipContains.returns, ipContains.kind], ['ipaddress', 'boolean', 'scalar']);
    assert.equal(one('contains', ['x', 'element']).page, 'array');

    for (const name of ['row_number', 'rank', 'dense_rank', 'ntile', 'lag', 'lead', 'first_value']) {
      assert.ok(find(name).length > 0 && find(name).every((f) => f.kind === 'window'), name);
    }
    assert.deepEqual(
      find('lag').map((f) => f.args),
      [['x'], ['x', 'offset'], ['x', 'offset', 'default_value']],
    );

    const concat = one('concat', ['string1']);
    assert.deepEqual([concat.variadic, concat.returns], [true, 'varchar']);
    assert.equal(one('greatest', ['value1', 'value2']).variadic, true);
    assert.equal(one('uuid', []).returns, 'uuid');
    assert.equal(one('current_groups', []).returns, 'array(varchar)');
    assert.equal(one('exclude_columns', ['input => table', 'columns => descriptor']).kind, 'table');
  });

  it('keeps special syntax out of the functions, in the syntax list', () => {
    const names = new Set(functions.map((f) => f.name));
    const syntaxNames = new Set(syntax.map((s) => s.name));
    for (const name of [
      'cast',
      'try_cast',
      'extract',
      'at time zone',
      'case',
      'if',
      'coalesce',
      'nullif',
      'try',
      'position',
      'substring',
      'trim',
      'normalize',
      'overlay',
      'current_date',
      'current_timestamp',
      'localtimestamp',
      'current_user',
      'json_value',
      'json_query',
      'json_exists',
    ]) {
      assert.ok(syntaxNames.has(name), `syntax ${name}`);
    }
    for (const name of ['cast', 'try_cast', 'extract', 'if', 'coalesce', 'nullif', 'try', 'position', 'current_date', 'overlay']) {
      assert.ok(!names.has(name), `${name} is not an ordinary function`);
    }
    // Ordinary-call shapes of names that also have special forms stay functions.
    assert.ok(find('substring', ['string', 'start']).length === 1 && find('trim', ['string']).length === 1 && find('normalize', ['string']).length === 1);
    assert.ok(syntax.filter((s) => s.callLike).every((s) => ['if', 'coalesce', 'nullif', 'try', 'trim', 'grouping'].includes(s.name)));
  });

  it('records what Athena says differs, with sources, against the catalogue', () => {
    const { athena } = catalogue;
    assert.equal(athena.trinoVersion.publishedByAthena, false);
    assert.deepEqual(athena.addedInV3.missingFromCatalogue, []);
    assert.deepEqual(athena.listedTrinoPages.listedButNotInTrinoDocs, []);
    assert.ok(athena.listedTrinoPages.pages.includes('json') && athena.listedTrinoPages.notListedButInTrinoDocs.includes('ai'));
    assert.ok(athena.athenaOnlyFunctions.some((f) => f.name === 'invoker_principal' && f.returns === 'varchar' && !f.inTrinoDocs));
    assert.ok(athena.differences.length >= 10);
    for (const d of athena.differences) {
      assert.deepEqual(d.missingFromCatalogue, [], d.id);
      assert.ok(d.source in athena.sources && athena.sources[d.source].url.startsWith('https://docs.aws.amazon.com/'), d.id);
    }
    assert.ok(athena.differences.some((d) => d.names.includes('concat')));
  });

  it('reports what the docs got wrong or could not be parsed', () => {
    assert.ok(catalogue.docQuirks.some((q) => q.signature === 'cume_dist() -> bigint'));
    assert.ok(catalogue.parseNotes.every((n) => n.page && n.text && n.note));
    if (catalogue.history) assert.equal(catalogue.history.firstDocumentedIn.json_extract_scalar, '351 or earlier');
  });
});

describe('sql: the Trino docs parser (scripts/trino-functions/parse.ts)', () => {
  it('splits headers and arguments, expands optional arguments, finds variadic ones', () => {
    assert.deepEqual(splitHeader('json_extract_scalar(json, json_path) -> varchar'), {
      name: 'json_extract_scalar',
      argText: 'json, json_path',
      returns: 'varchar',
    });
    assert.deepEqual(splitHeader('date_parse(string, format) → timestamp(3)'), { name: 'date_parse', argText: 'string, format', returns: 'timestamp(3)' });
    assert.deepEqual(splitHeader('current_groups'), { name: 'current_groups', argText: null, returns: null });
    assert.deepEqual(splitArgs('map(K,V), function(K,V,boolean)'), ['map(K,V)', 'function(K,V,boolean)']);
    assert.deepEqual(splitArgs('input => table, columns => descriptor'), ['input => table', 'columns => descriptor']);
    assert.deepEqual(
      expandOptional('x[, offset [, default_value]]').map((t) => splitArgs(t)),
      [['x'], ['x', 'offset'], ['x', 'offset', 'default_value']],
    );
    assert.deepEqual(variadicArgs(splitArgs(expandOptional('value1, value2[, ...]')[0])), { args: ['value1', 'value2'], variadic: true });
    assert.deepEqual(variadicArgs(splitArgs('array1, array2, ..., arrayN')), { args: ['array1', 'array2'], variadic: true });
    assert.deepEqual(variadicArgs(splitArgs('format, args...')), { args: ['format', 'args'], variadic: true });
  });

  it('reads MyST markdown and the older reStructuredText the same way', () => {
    const md = [
      '# Example functions',
      '',
      ':::{function} f(x) -> bigint',
      'Returns **one**. More text.',
      ':::',
      '',
      '## Aggregations',
      '',
      ':::{function} g_agg(x) -> double',
      ':noindex: true',
      '',
      'Aggregates `x`:',
      '```',
      'SELECT 1',
      '```',
      ':::',
      '',
      ':::{data} current_thing',
      'Returns it.',
      ':::',
      '',
      ':::{function} cast(value AS type) -> type',
      ':::',
    ].join('\n');
    const rst = [
      '=======',
      'Example',
      '=======',
      '',
      '.. function:: h(array(T), function(T,U)) -> array(U)',
      '',
      '    Applies :func:`f` to each element::',
      '',
      '        SELECT 1',
      '',
    ].join('\n');
    const parsed = parseDocs([
      { file: 'example.md', text: md },
      { file: 'other.rst', text: rst },
    ]);
    assert.deepEqual(
      parsed.functions.map((f) => [f.signature, f.kind, f.page, f.description]),
      [
        ['f(x) -> bigint', 'scalar', 'example', 'Returns one.'],
        ['g_agg(x) -> double', 'aggregate', 'example', 'Aggregates x.'],
        ['h(array(T), function(T,U)) -> array(U)', 'lambda-taking scalar', 'other', 'Applies f to each element.'],
      ],
    );
    assert.deepEqual(
      parsed.syntax.filter((s) => s.documented === 'directive').map((s) => [s.name, s.kind]),
      [
        ['cast', 'special-form'],
        ['current_thing', 'niladic'],
      ],
    );
  });
});
