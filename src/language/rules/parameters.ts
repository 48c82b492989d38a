import type { Finding } from '../finding.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** A datetime parameter holds one value; a parameter's default fits its type, and is a list only for multi-value parameters. */
export const parameters: Rule = {
  name: 'parameters',
  check({ boards }) {
    return boards.flatMap((located) =>
      (located.spec.parameters ?? []).flatMap((parameter, i): Finding[] => {
        if (parameter.type === 'datetime' && parameter.multiValue) {
          return [
            findingAt(
              located,
              ['parameters', i, 'multiValue'],
              this.name,
              `parameter '${parameter.name}': a datetime parameter holds one value: drop \`multiValue\``,
              { atKey: true },
            ),
          ];
        }
        const value = parameter.default;
        if (value === undefined) return [];
        const at = (message: string) => findingAt(located, ['parameters', i, 'default'], this.name, `parameter '${parameter.name}': ${message}`);
        if (Array.isArray(value) && !parameter.multiValue) return [at('a list of defaults needs `multiValue: true`')];
        const values = Array.isArray(value) ? value : [value];
        const bad = values.find((v) => !fits(parameter.type, v));
        return bad === undefined ? [] : [at(`default ${JSON.stringify(bad)} is not ${parameter.type === 'integer' ? 'an' : 'a'} ${parameter.type}`)];
      }),
    );
  },
};

function fits(type: 'string' | 'integer' | 'decimal' | 'datetime', value: string | number): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'decimal':
      return typeof value === 'number';
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
  }
}
