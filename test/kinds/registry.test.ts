import assert from 'node:assert/strict';
import { resolveTarget } from '../../src/compile/index.ts';
import { checkRegistry, compile, KIND_ORDER, kindLevel, kindOf, KINDS, kindOrder, KindRegistryError } from '../../src/kinds/index.ts';
import { fixtureSpecs } from '../compile/helpers.ts';

/** The message of the KindRegistryError `run` throws. */
function registryError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof KindRegistryError) return error.message;
    throw error;
  }
  throw new Error('expected a KindRegistryError');
}

describe('kinds: one registry, the order derived from declared dependencies', () => {
  it('derives the order and the levels from the dependencies the kinds declare', () => {
    assert.deepEqual(KIND_ORDER, ['GlueDatabase', 'GlueTable', 'WorkGroup', 'DataSource', 'DataSet', 'Theme', 'Analysis', 'Dashboard', 'Folder']);
    assert.deepEqual(
      KIND_ORDER.map((k) => `${k}:${kindLevel(k)}`),
      ['GlueDatabase:0', 'GlueTable:1', 'WorkGroup:0', 'DataSource:1', 'DataSet:2', 'Theme:0', 'Analysis:3', 'Dashboard:3', 'Folder:4'],
    );
    for (const name of KIND_ORDER) {
      for (const dependency of kindOf(name).dependsOn)
        assert.ok(KIND_ORDER.indexOf(dependency as never) < KIND_ORDER.indexOf(name), `${name} after ${dependency}`);
    }
  });

  it('every compiled resource depends only on resources of kinds its kind declares', () => {
    const specs = fixtureSpecs();
    for (const resource of compile(specs, resolveTarget(specs.project.spec))) {
      const declared = kindOf(resource.kind).dependsOn;
      for (const key of resource.dependsOn) assert.ok(declared.includes(key.split('/')[0]), `${resource.kind}/${resource.id} depends on ${key}`);
    }
  });

  it('a dependency on a kind that is not registered fails at startup, naming it', () => {
    const theme = { ...KINDS.Theme, dependsOn: ['Font'] };
    const message = registryError(() => checkRegistry({ ...KINDS, Theme: theme }));
    assert.match(message, /^the resource kinds in src\/kinds\/registry\.ts do not fit together:\n {2}- Theme depends on Font, which is not a registered kind$/);
  });

  it('a dependency cycle fails at startup, naming its chain', () => {
    const folder = { ...KINDS.Dashboard, name: 'Folder', dependsOn: ['Dashboard'] };
    const dashboard = { ...KINDS.Dashboard, dependsOn: ['DataSet', 'Folder'] };
    const message = registryError(() => checkRegistry({ ...KINDS, Dashboard: dashboard, Folder: folder }));
    assert.match(message, /a dependency cycle: Dashboard → Folder → Dashboard/);
    assert.match(
      registryError(() =>
        kindOrder([
          { name: 'A', dependsOn: ['B'] },
          { name: 'B', dependsOn: ['C'] },
          { name: 'C', dependsOn: ['A'] },
        ]),
      ),
      /a dependency cycle: A → B → C → A$/,
    );
    assert.match(
      registryError(() => kindOrder([{ name: 'A', dependsOn: ['A'] }])),
      /a dependency cycle: A → A$/,
    );
  });

  it('says every problem at once: a kind under another name, capabilities that do not fit, an unknown dependency', () => {
    const untagged = { ...KINDS.DataSet, tagging: undefined, dependsOn: ['DataSource', 'Catalog'] };
    const message = registryError(() => checkRegistry({ ...KINDS, DataSet: untagged, Sheet: KINDS.Analysis }));
    assert.deepEqual(message.split('\n').slice(1), [
      '  - Analysis is registered under the name Sheet',
      '  - DataSet keeps its fingerprint in a tag but has no tagging',
      '  - DataSet is pruned (only where its tags say trailsight made it) but has no tagging',
      '  - Analysis is registered twice',
      '  - DataSet depends on Catalog, which is not a registered kind',
    ]);
  });

  it('adding a kind is its definition and a registry line: the new kind takes its place in the order', () => {
    // As Theme and Folder were added (their folder, one line each): a kind registered last that a registered one now depends on.
    const brand = { ...KINDS.Theme, name: 'Brand', dependsOn: [] };
    const analysis = { ...KINDS.Analysis, dependsOn: ['DataSet', 'Theme', 'Brand'] };
    const { order, level } = checkRegistry({ ...KINDS, Analysis: analysis, Brand: brand });
    // Registered last, free to go from the start: it comes where the registry's order meets what depends on it.
    assert.deepEqual(order, ['GlueDatabase', 'GlueTable', 'WorkGroup', 'DataSource', 'DataSet', 'Theme', 'Dashboard', 'Brand', 'Analysis', 'Folder']);
    assert.equal(level.get('Brand'), 0);
    assert.equal(level.get('Analysis'), 3);
  });
});
