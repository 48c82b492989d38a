import type { DesiredBase } from '../compile/index.ts';
import { desiredModel, type CompareRules, type DesiredModel } from '../plan/index.ts';
import type { KindDefinition } from './kind.ts';
import { kindOf, type DesiredResource } from './registry.ts';

/** What plan needs to know of a kind to compare its resources, from its definition. */
export function compareRules(kind: KindDefinition<DesiredBase>): CompareRules {
  return { fingerprint: kind.fingerprint, stamped: kind.stamping !== undefined, publishesVersions: kind.publishing !== undefined };
}

/** A compiled resource in the compared model, normalised by its kind. */
export function desiredModelOf(resource: DesiredResource): DesiredModel<DesiredResource> {
  const kind = kindOf(resource.kind);
  return desiredModel(resource, kind.normalise(resource), compareRules(kind));
}
