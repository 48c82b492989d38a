import assert from 'node:assert/strict';
import { canonicalJson, resolveTarget, resourceKey } from '../../src/compile/index.ts';
import { compile, requestFiles } from '../../src/kinds/index.ts';
import type { ResolvedTarget } from '../../src/compile/target.ts';
import { fixtureSpecs } from './helpers.ts';

const specs = fixtureSpecs();
const local = resolveTarget(specs.project.spec);

describe('compile: deterministic output', () => {
  it('gives byte-identical requests for the same specs and target', () => {
    const first = requestFiles(compile(specs, local));
    const second = requestFiles(compile(fixtureSpecs(), resolveTarget(fixtureSpecs().project.spec)));
    assert.deepEqual(second, first);
    assert.equal(canonicalJson(compile(specs, local)), canonicalJson(compile(specs, local)));
  });

  it('does not depend on the order the specs come in', () => {
    const reversed = { ...specs, datasets: [...specs.datasets].reverse(), dashboards: [...specs.dashboards].reverse() };
    assert.deepEqual(requestFiles(compile(reversed, local)), requestFiles(compile(specs, local)));
  });

  it('derives every id from the spec ids and the target prefix', () => {
    const plain = compile(specs, local);
    const prefixed: ResolvedTarget = { ...local, idPrefix: 'pr-42-' };
    const withPrefix = compile(specs, prefixed);
    assert.deepEqual(
      withPrefix.map((r) => resourceKey(r)),
      plain.map((r) => (r.kind === 'GlueDatabase' || r.kind === 'GlueTable' ? `${r.kind}/pr_42_${r.id}` : `${r.kind}/pr-42-${r.id}`)),
    );
    const plainKeys = new Set(plain.map(resourceKey));
    assert.ok(
      withPrefix.every((r) => !plainKeys.has(resourceKey(r))),
      'no id is shared between prefixes',
    );
    for (const r of withPrefix) for (const d of r.dependsOn) assert.match(d, /\/pr[-_]42[-_]/);
  });

  it('keeps no timestamps, random ids or absolute paths in the output', () => {
    const text = requestFiles(compile(specs, local))
      .map((f) => f.content)
      .join('\n');
    assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/, 'no UUIDs');
    assert.doesNotMatch(text, new RegExp(new Date().toISOString().slice(0, 13)), 'no time of compiling');
    assert.doesNotMatch(text, /\/work\/|\/home\/|\/tmp\//, 'no local paths');
  });
});
