/**
 * A spec the gate's rules accepted but the checked model cannot hold: a rule is missing. A bug in
 * trailsight, never the spec author's mistake; tests hold every accepted spec to it.
 */
export class GateBug extends Error {
  constructor(what: string) {
    super(`the gate accepted what it cannot resolve (a missing rule): ${what}`);
    this.name = 'GateBug';
  }
}

/** `value`, or a GateBug saying what was missing. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new GateBug(what);
  return value;
}
