import { calculatedRefs } from '../dataset-columns.ts';
import { pathText } from '../finding.ts';
import { didYouMean } from '../suggest.ts';
import type { Rule } from './rule.ts';

/** Calculated fields name existing dataset columns (or other calculated fields) as `{column}`. */
export const calculatedFieldRefs: Rule = {
  name: 'calculated-refs',
  check({ datasets }) {
    return datasets.flatMap((located) => {
      const names = [...located.spec.columns.map((c) => c.name), ...(located.spec.calculated ?? []).map((c) => c.name)];
      return (located.spec.calculated ?? []).flatMap((field, i) =>
        calculatedRefs(field.expression)
          .filter((ref) => !names.includes(ref.name))
          .map((ref) => {
            const path = ['calculated', i, 'expression'];
            const { file, line, col } = located.atText(path, ref.offset);
            const message = `calculated field '${field.name}': no column '${ref.name}' in this dataset${didYouMean(ref.name, names)}`;
            return { file, line, col, message, rule: this.name, severity: 'error' as const, path: pathText(path) };
          }),
      );
    });
  },
};
