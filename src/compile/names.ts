import type { ResolvedTarget } from './target.ts';

/** A QuickSight resource id for a spec id in a target: the target's prefix, then the spec id. */
export function resourceId(target: ResolvedTarget, specId: string): string {
  return `${target.idPrefix}${specId}`;
}

/** A Glue name (lower-case letters, digits, underscores) with the target's prefix applied. */
export function glueName(target: ResolvedTarget, name: string): string {
  return `${target.idPrefix.replace(/-/g, '_')}${name}`;
}

/** The AWS partition of a Region: aws, aws-cn or aws-us-gov. */
export function partition(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
