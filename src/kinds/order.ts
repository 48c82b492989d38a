/** What the order of the kinds is derived from: each kind's name and the kinds it declares it depends on. */
export interface KindNode {
  readonly name: string;
  readonly dependsOn: readonly string[];
}

export interface KindOrder {
  /** Every kind after the kinds it depends on; among kinds free to go, the registry's order. */
  readonly order: readonly string[];
  /**
   * A kind's depth in the dependency graph: 0 for kinds that depend on none, else one more than the
   * deepest kind it depends on. Kinds of one level never wait for each other.
   */
  readonly level: ReadonlyMap<string, number>;
}

/** The registry of kinds is inconsistent: says every problem, each in a sentence. Thrown when trailsight starts. */
export class KindRegistryError extends Error {
  override name = 'KindRegistryError';
  constructor(readonly problems: readonly string[]) {
    super(`the resource kinds in src/kinds/registry.ts do not fit together:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * The order in which kinds are created (deleted in reverse), derived from their declared
 * dependencies. Throws a KindRegistryError naming every kind registered twice, every dependency on
 * a kind that is not registered, and every cycle (as its chain: `A → B → A`).
 */
export function kindOrder(kinds: readonly KindNode[]): KindOrder {
  const problems = orderProblems(kinds);
  if (problems.length > 0) throw new KindRegistryError(problems);
  const order: string[] = [];
  const level = new Map<string, number>();
  while (order.length < kinds.length) {
    // No cycle: some kind always has every dependency placed already.
    const next = kinds.find((k) => !level.has(k.name) && k.dependsOn.every((d) => level.has(d)));
    if (!next) throw new Error('internal: kind order stuck without a cycle');
    level.set(next.name, Math.max(-1, ...next.dependsOn.map((d) => level.get(d) ?? 0)) + 1);
    order.push(next.name);
  }
  return { order, level };
}

/** Why no order can be derived, a sentence each: kinds registered twice, dependencies on unregistered kinds, cycles. */
export function orderProblems(kinds: readonly KindNode[]): string[] {
  const problems = [...duplicates(kinds), ...unknownDependencies(kinds)];
  return problems.length > 0 ? problems : cycles(kinds);
}

function duplicates(kinds: readonly KindNode[]): string[] {
  const names = kinds.map((k) => k.name);
  return [...new Set(names.filter((name, i) => names.indexOf(name) !== i))].map((name) => `${name} is registered twice`);
}

function unknownDependencies(kinds: readonly KindNode[]): string[] {
  const known = new Set(kinds.map((k) => k.name));
  return kinds.flatMap((k) => k.dependsOn.filter((d) => !known.has(d)).map((d) => `${k.name} depends on ${d}, which is not a registered kind`));
}

/** Each cycle once, as the chain of dependencies that closes it, starting at its first kind in registry order. */
function cycles(kinds: readonly KindNode[]): string[] {
  const byName = new Map(kinds.map((k) => [k.name, k]));
  const found = new Map<string, string>();
  const done = new Set<string>();
  const visit = (name: string, path: readonly string[]): void => {
    const at = path.indexOf(name);
    if (at >= 0) {
      const cycle = path.slice(at);
      const start = cycle.indexOf(kinds.map((k) => k.name).find((n) => cycle.includes(n)) ?? name);
      const chain = [...cycle.slice(start), ...cycle.slice(0, start)];
      const key = [...chain].sort().join(' ');
      if (!found.has(key)) found.set(key, `a dependency cycle: ${[...chain, chain[0]].join(' → ')}`);
      return;
    }
    if (done.has(name)) return;
    for (const dependency of byName.get(name)?.dependsOn ?? []) visit(dependency, [...path, name]);
    done.add(name);
  };
  for (const kind of kinds) visit(kind.name, []);
  return [...found.values()];
}
