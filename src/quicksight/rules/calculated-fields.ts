import { type Expr, ExpressionSyntaxError, parseExpression } from '../expression/parse-expression.ts';
import { violation, type DefinitionRule, type Violation } from './rule.ts';

/** What is wrong with an expression: QuickSight's grammar does not read it (where and why); undefined when nothing. */
export function expressionProblem(expression: string): string | undefined {
  if (expression.trim() === '') return 'is empty';
  try {
    parseExpression(expression);
    return undefined;
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return `is not QuickSight's syntax: ${error.message}`;
    throw error;
  }
}

/** The parameters an expression names (`${name}` or `$name`), read from its tree. */
export function expressionParameters(expression: string): string[] {
  const names: string[] = [];
  const visit = (e: Expr): void => {
    switch (e.k) {
      case 'param':
        names.push(e.name);
        break;
      case 'call':
        e.args.forEach(visit);
        break;
      case 'list':
        e.items.forEach(visit);
        break;
      case 'bin':
        visit(e.l);
        visit(e.r);
        break;
      case 'neg':
      case 'not':
      case 'sort':
        visit(e.e);
        break;
      default:
        break;
    }
  };
  visit(parseExpression(expression));
  return names;
}

/**
 * A calculated field's expression is QuickSight's syntax — read by the one grammar of its
 * expression language (src/quicksight/expression: operators, fields braced or bare, `${name}`,
 * quoted text, the documented functions), which the preview evaluates with too — and the
 * parameters it names are declared.
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
