import type { CalculatedFormula } from '../dashboard-model.ts';

/** A formula's value from its leaves' values; NULL when a leaf is NULL or a division is by zero. */
export function evaluateFormula(formula: CalculatedFormula, leaves: readonly (number | null)[]): number | null {
  switch (formula.k) {
    case 'num':
      return formula.v;
    case 'leaf':
      return leaves[formula.i] ?? null;
    case 'neg': {
      const v = evaluateFormula(formula.e, leaves);
      return v === null ? null : -v;
    }
    case 'bin': {
      const l = evaluateFormula(formula.l, leaves);
      const r = evaluateFormula(formula.r, leaves);
      if (l === null || r === null) return null;
      switch (formula.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          return r === 0 ? null : l / r;
      }
    }
  }
}
