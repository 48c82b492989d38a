import { violation, type DefinitionRule, type Violation } from './rule.ts';

/** What is wrong with an expression's form: an unclosed string, field, parenthesis or bracket, a stray closer; undefined when nothing. */
export function expressionProblem(expression: string): string | undefined {
  if (expression.trim() === '') return 'is empty';
  const open: string[] = [];
  const closer: Record<string, string> = { '(': ')', '[': ']' };
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i]!;
    if (c === "'" || c === '"') {
      const end = expression.indexOf(c, i + 1);
      if (end < 0) return `has a string opened at character ${i + 1} and never closed`;
      i = end;
    } else if (c === '/' && expression[i + 1] === '*') {
      const end = expression.indexOf('*/', i + 2);
      if (end < 0) return `has a comment opened at character ${i + 1} and never closed`;
      i = end + 1;
    } else if (c === '{') {
      const end = expression.indexOf('}', i + 1);
      if (end < 0) return `has a field reference opened at character ${i + 1} and never closed`;
      i = end;
    } else if (c === '(' || c === '[') open.push(closer[c]!);
    else if (c === ')' || c === ']') {
      if (open.pop() !== c) return `has a '${c}' at character ${i + 1} that closes nothing opened`;
    }
  }
  return open.length > 0 ? `leaves ${open.length} '${open[0] === ')' ? '(' : '['}' unclosed` : undefined;
}

/** The parameters an expression names (`${name}`), outside strings. */
export function expressionParameters(expression: string): string[] {
  const code = expression.replace(/'[^']*'|"[^"]*"/g, "''");
  return [...code.matchAll(/\$\{([^{}]+)\}/g)].map((m) => m[1]!.trim());
}

/**
 * A calculated field's expression is well formed — strings, field references, parentheses and
 * brackets closed — and the parameters it names (`${name}`) are declared.
 *
 * Evidence: QuickSight's calculated-field syntax (user guide, "Adding calculated fields": fields in
 * braces, parameters as `${name}`, text in quotes); the API model's `CalculatedField.Expression`; a
 * broken expression: issue 14 (very likely refused). QuickSight documents no error type for a
 * malformed expression (we say PARAMETER_VALUE_INCOMPATIBLE); an undeclared parameter is its
 * PARAMETER_NOT_FOUND. The wording is ours.
 */
export const calculatedFields: DefinitionRule = {
  name: 'calculated-field',
  check({ index }) {
    const declared = new Set(index.parameters.map((p) => p.id));
    return index.calculated.flatMap((field): Violation[] => {
      if (field.expression === undefined) return [];
      const path = [...field.path.slice(0, -1), 'Expression'];
      const problem = expressionProblem(field.expression);
      if (problem) return [violation(index, this.name, 'PARAMETER_VALUE_INCOMPATIBLE', path, `The expression of calculated field '${field.id}' ${problem}.`)];
      return expressionParameters(field.expression)
        .filter((name) => !declared.has(name))
        .map((name) =>
          violation(
            index,
            this.name,
            'PARAMETER_NOT_FOUND',
            path,
            `Calculated field '${field.id}' uses parameter '${name}', which is not declared in ParameterDeclarations.`,
          ),
        );
    });
  },
};
