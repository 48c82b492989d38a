// Writes src/sql/functions/trino-catalog.json from Trino's function documentation.
//
//   node --import tsx scripts/trino-functions/extract.ts <docs-functions-dir> [--athena-notes <file>]
//        [--commit <sha>] [--release <n>] [--out <file>]
//   node --import tsx scripts/trino-functions/extract.ts docs/src/main/sphinx/functions \
//        --git-dir <a clone or bare mirror of trinodb/trino> --ref 483 [--athena-notes <file>]
//
// With --git-dir the pages are read from that commit with `git show` (no work tree needed) and the
// commit and release (the root pom.xml version) are recorded from it. Without it the folder is read
// from disk, and --commit/--release say where it came from (else "unknown"). --athena-notes
// defaults to athena-notes.json beside this script. See README.md beside this file.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseDocs, type DocFile, type FunctionEntry, type ParsedDocs } from './parse.ts';

interface Options {
  dir: string;
  gitDir: string | null;
  ref: string | null;
  commit: string | null;
  release: string | null;
  athenaNotes: string | null;
  historyFrom: number | null;
  out: string;
}

const here = import.meta.dirname;
const repoRoot = resolve(here, '..', '..');

function parseOptions(argv: string[]): Options {
  const opts: Options = {
    dir: '',
    gitDir: null,
    ref: null,
    commit: null,
    release: null,
    historyFrom: null,
    athenaNotes: existsSync(join(here, 'athena-notes.json')) ? join(here, 'athena-notes.json') : null,
    out: join(repoRoot, 'src', 'sql', 'functions', 'trino-catalog.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--athena-notes') {
      const v = value();
      opts.athenaNotes = v === 'none' ? null : v;
    } else if (a === '--git-dir') opts.gitDir = value();
    else if (a === '--ref') opts.ref = value();
    else if (a === '--commit') opts.commit = value();
    else if (a === '--release') opts.release = value();
    else if (a === '--out') opts.out = value();
    else if (a === '--history-from') opts.historyFrom = Number(value());
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else if (opts.dir === '') opts.dir = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (opts.dir === '')
    throw new Error(
      'usage: extract.ts <docs-functions-dir> [--athena-notes <file>] [--git-dir <dir> --ref <ref>] [--commit <sha>] [--release <n>] [--out <file>]',
    );
  if ((opts.gitDir === null) !== (opts.ref === null)) throw new Error('--git-dir and --ref go together');
  if (opts.historyFrom !== null && (opts.gitDir === null || !Number.isInteger(opts.historyFrom)))
    throw new Error('--history-from <release number> needs --git-dir and --ref');
  return opts;
}

const git = (gitDir: string, ...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

const isPage = (name: string) => /\.(md|rst)$/.test(name);

/** The pages of `path` at `commit`, read with one `git cat-file --batch`; none when the folder is absent. */
function pagesAt(gitDir: string, commit: string, path: string): DocFile[] {
  let names: string[];
  try {
    names = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '--name-only', `${commit}:${path}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .filter(isPage);
  } catch {
    return [];
  }
  const out = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: `${names.map((n) => `${commit}:${path}/${n}`).join('\n')}\n`,
    maxBuffer: 256 * 1024 * 1024,
  });
  const files: DocFile[] = [];
  let at = 0;
  for (const file of names) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString('utf8');
    const m = /^\S+ blob (\d+)$/.exec(header);
    if (!m) throw new Error(`git cat-file: unexpected "${header}" for ${file}`);
    const size = Number(m[1]);
    files.push({ file, text: out.subarray(eol + 1, eol + 1 + size).toString('utf8') });
    at = eol + 1 + size + 1;
  }
  return files;
}

const gitDirOf = (dir: string) => (existsSync(join(dir, '.git')) ? join(dir, '.git') : dir);

function readPages(opts: Options): { files: DocFile[]; commit: string; release: string; path: string } {
  if (opts.gitDir !== null && opts.ref !== null) {
    const gitDir = gitDirOf(opts.gitDir);
    const commit = git(gitDir, 'rev-parse', `${opts.ref}^{commit}`).trim();
    const path = opts.dir.replace(/\/+$/, '');
    const files = pagesAt(gitDir, commit, path);
    let release = opts.release ?? 'unknown';
    if (opts.release === null) {
      const pom = git(gitDir, 'show', `${commit}:pom.xml`);
      const m = /<artifactId>trino-root<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(pom);
      if (m) release = m[1];
    }
    return { files, commit, release, path };
  }
  const dir = resolve(opts.dir);
  const files = readdirSync(dir)
    .filter(isPage)
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
  const parts = dir.split('/');
  const at = parts.lastIndexOf('docs');
  const path = at >= 0 ? parts.slice(at).join('/') : basename(dir);
  return { files, commit: opts.commit ?? 'unknown', release: opts.release ?? 'unknown', path };
}

interface AthenaNotes {
  sources: Record<string, unknown>;
  trinoVersion: Record<string, unknown>;
  statements: { text: string; source: string }[];
  listedTrinoPages: { pages: string[]; source: string };
  athenaOnlyFunctions: { name: string; args: string[]; returns: string; summary: string; source: string }[];
  addedInV3: { names: string[]; source: string };
  differences: { id: string; names: string[]; summary: string; source: string; anchor?: string }[];
}

function athenaSection(notes: AthenaNotes, parsed: ParsedDocs, hist: History | null) {
  const known = new Set([...parsed.functions.map((f) => f.name), ...parsed.syntax.map((s) => s.name)]);
  for (const id of [
    notes.listedTrinoPages.source,
    notes.addedInV3.source,
    ...notes.statements.map((s) => s.source),
    ...notes.differences.map((d) => d.source),
    ...notes.athenaOnlyFunctions.map((f) => f.source),
  ]) {
    if (!(id in notes.sources)) throw new Error(`athena notes: unknown source "${id}"`);
  }
  const listed = new Set(notes.listedTrinoPages.pages);
  return {
    trinoVersion: notes.trinoVersion,
    statements: notes.statements,
    listedTrinoPages: {
      ...notes.listedTrinoPages,
      notListedButInTrinoDocs: parsed.pages.filter((p) => !listed.has(p)),
      listedButNotInTrinoDocs: [...listed].filter((p) => !parsed.pages.includes(p)).sort(),
      functionsOnUnlistedPages: parsed.functions.filter((f) => !listed.has(f.page) && !f.alsoOn.some((p) => listed.has(p))).map((f) => f.signature),
    },
    athenaOnlyFunctions: notes.athenaOnlyFunctions.map((f) => ({ ...f, inTrinoDocs: known.has(f.name) })),
    addedInV3: {
      ...notes.addedInV3,
      missingFromCatalogue: notes.addedInV3.names.filter((n) => !known.has(n)),
      ...(hist === null
        ? {}
        : {
            firstDocumentedIn: Object.fromEntries(notes.addedInV3.names.map((n) => [n, hist.firstDocumentedIn[n] ?? 'not found'])),
            allDocumentedBy: String(Math.max(...notes.addedInV3.names.map((n) => parseInt(hist.firstDocumentedIn[n] ?? '', 10)).filter(Number.isFinite))),
          }),
    },
    differences: notes.differences.map((d) => ({ ...d, missingFromCatalogue: d.names.filter((n) => !known.has(n)) })),
    sources: notes.sources,
  };
}

interface History {
  scanned: string;
  releases: number;
  note: string;
  firstDocumentedIn: Record<string, string>;
}

/** For every function and syntax name of the catalogue, the first numbered release tag (from
 * `from` up to the catalogue's release) whose function pages document it. */
function history(opts: Options, path: string, release: string, parsed: ParsedDocs): History {
  const gitDir = gitDirOf(opts.gitDir!);
  const last = Number(release);
  if (!Number.isInteger(last)) throw new Error(`--history-from needs a numbered release, not "${release}"`);
  const from = opts.historyFrom!;
  const tags = git(gitDir, 'tag', '--list')
    .split('\n')
    .filter((t) => /^\d+$/.test(t))
    .map(Number)
    .filter((t) => t >= from && t <= last)
    .sort((a, b) => a - b);
  const first = new Map<string, number>();
  for (const tag of tags) {
    const files = pagesAt(gitDir, String(tag), path);
    if (files.length === 0) continue;
    const p = parseDocs(files);
    for (const name of [...p.functions.map((f) => f.name), ...p.syntax.filter((s) => s.documented === 'directive').map((s) => s.name)]) {
      if (!first.has(name)) first.set(name, tag);
    }
  }
  const names = [...new Set([...parsed.functions.map((f) => f.name), ...parsed.syntax.filter((s) => s.documented === 'directive').map((s) => s.name)])].sort();
  const firstDocumentedIn: Record<string, string> = {};
  for (const name of names) {
    const tag = first.get(name);
    firstDocumentedIn[name] = tag === undefined ? 'not found' : tag === tags[0] ? `${tag} or earlier` : String(tag);
  }
  return {
    scanned: `release tags ${tags[0]} to ${tags[tags.length - 1]}`,
    releases: tags.length,
    note: 'The first scanned release whose function pages document the name (any signature), for functions and directive-documented syntax. Documentation can lag the code by a release or more.',
    firstDocumentedIn,
  };
}

function countBy(functions: FunctionEntry[], key: (f: FunctionEntry) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of functions) counts[key(f)] = (counts[key(f)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function main() {
  const opts = parseOptions(process.argv.slice(2));
  const { files, commit, release, path } = readPages(opts);
  if (files.length === 0) throw new Error(`no .md or .rst pages in ${opts.dir}`);
  const parsed = parseDocs(files);
  const hist = opts.historyFrom === null ? null : history(opts, path, release, parsed);
  const athena = opts.athenaNotes === null ? null : athenaSection(JSON.parse(readFileSync(opts.athenaNotes, 'utf8')) as AthenaNotes, parsed, hist);
  const catalogue = {
    generatedBy: 'scripts/trino-functions/extract.ts (do not edit by hand; see scripts/trino-functions/README.md)',
    source: {
      repository: 'trinodb/trino',
      release,
      commit,
      path,
      pages: parsed.pages,
      licence: 'Apache-2.0; names, signatures and one-line descriptions extracted from the Trino documentation (see TRINO-NOTICE.md)',
    },
    notes: [
      'One entry per documented signature; optional arguments ([, x]) are expanded into one entry each.',
      'variadic: the last listed argument may be repeated (the docs write a, b, ..., bN or args...).',
      'Every aggregate function can also be used as a window function (with OVER); only the functions of the window page are window-only.',
      'kind "table": table functions, called in FROM TABLE(...), not in expressions.',
      'names are lower case; Trino resolves function names case-insensitively.',
      'syntax lists forms that are not ordinary calls (special forms, niladic keywords, operators, predicates, SQL/JSON); callLike forms (if, coalesce, nullif, try, ...) parse as calls but have no fixed signature.',
      'The pages document the public functions; Trino also registers a few undocumented ones (e.g. combine_hash, fail), and documents operators only in prose.',
    ],
    athena,
    summary: {
      functions: parsed.functions.length,
      names: new Set(parsed.functions.map((f) => f.name)).size,
      syntax: parsed.syntax.length,
      byKind: countBy(parsed.functions, (f) => f.kind),
      byPage: countBy(parsed.functions, (f) => f.page),
    },
    history: hist,
    parseNotes: parsed.parseNotes,
    docQuirks: parsed.quirks,
    syntax: parsed.syntax,
    functions: parsed.functions,
  };
  writeFileSync(opts.out, `${JSON.stringify(catalogue, null, 2)}\n`);
  process.stdout.write(
    `wrote ${opts.out}: ${parsed.functions.length} signatures of ${catalogue.summary.names} functions, ${parsed.syntax.length} syntax forms, ${parsed.parseNotes.length} parse notes (Trino ${release}, ${commit})\n`,
  );
}

try {
  main();
} catch (e) {
  process.stderr.write(`extract: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
