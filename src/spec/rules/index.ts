import type { Rule } from './rule.ts';

/** Every semantic lint rule, run in this order over the schema-valid specs. */
export const RULES: readonly Rule[] = [];
