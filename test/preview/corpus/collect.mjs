// Collects the calculated-field expressions of real QuickSight definitions into
// calculated-expressions.json (see README.md): every `Expression` of a definition's CalculatedFields
// and of a data set's CreateColumnsOperation, in the repositories' snapshots as fetched into
// /work/.mirror (bare git directories). Run: node test/preview/corpus/collect.mjs
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const SOURCES = [
  { repo: 'aws-samples/aws-cudos-framework-deployment', licence: 'MIT-0', files: /^dashboards\/.*\.ya?ml$/ },
  { repo: 'aws-samples/amazon-security-lake-quicksight', licence: 'MIT-0', files: /^asset-templates\/.*\.json$/ },
];

const git = (dir, ...args) => execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });

function* expressions(node, within = '') {
  if (Array.isArray(node)) for (const item of node) yield* expressions(item, within);
  else if (node && typeof node === 'object') {
    if (typeof node.Expression === 'string' && (within === 'CalculatedFields' || within === 'Columns')) yield { name: node.Name ?? node.ColumnName, expression: node.Expression };
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && (key === 'data' || key === 'Definition') && /CalculatedFields|CreateColumnsOperation/.test(value)) {
        try {
          yield* expressions(parse(value, { maxAliasCount: -1, uniqueKeys: false }));
        } catch {}
      } else yield* expressions(value, key);
    }
  }
}

const entries = [];
for (const source of SOURCES) {
  const dir = `/work/.mirror/${source.repo.replace('/', '+')}/repo`;
  const head = git(dir, 'rev-parse', 'HEAD').trim();
  for (const path of git(dir, 'ls-tree', '-r', '--name-only', head).split('\n').filter((p) => source.files.test(p))) {
    const commit = git(dir, 'log', '-1', '--format=%H', head, '--', path).trim();
    const text = git(dir, 'show', `${head}:${path}`);
    let document;
    try {
      document = path.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: -1, uniqueKeys: false });
    } catch {
      continue;
    }
    const seen = new Set();
    for (const { name, expression } of expressions(document)) {
      if (seen.has(expression)) continue;
      seen.add(expression);
      entries.push({ repo: source.repo, path, commit, licence: source.licence, name, expression });
    }
  }
}
writeFileSync(new URL('./calculated-expressions.json', import.meta.url), `${JSON.stringify(entries, null, 1)}\n`);
console.log(`${entries.length} expressions`);
