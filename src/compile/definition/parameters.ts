import type { ParameterDeclaration } from '@aws-sdk/client-quicksight';
import type { CheckedParameter } from '../../language/index.ts';

/** A parameter's declaration with its static defaults, typed by the parameter's type. */
export function parameterDeclaration(parameter: CheckedParameter): ParameterDeclaration {
  const Name = parameter.name;
  switch (parameter.type) {
    case 'string':
      return { StringParameterDeclaration: { Name, ParameterValueType: valueType(parameter.multiValue), ...defaults(parameter.defaults) } };
    case 'integer':
      return { IntegerParameterDeclaration: { Name, ParameterValueType: valueType(parameter.multiValue), ...defaults(parameter.defaults) } };
    case 'decimal':
      return { DecimalParameterDeclaration: { Name, ParameterValueType: valueType(parameter.multiValue), ...defaults(parameter.defaults) } };
    case 'datetime':
      return { DateTimeParameterDeclaration: { Name, TimeGranularity: 'DAY', ...defaults(parameter.defaults.map((d) => new Date(d))) } };
  }
}

function valueType(multiValue: boolean) {
  return multiValue ? ('MULTI_VALUED' as const) : ('SINGLE_VALUED' as const);
}

function defaults<T>(values: readonly T[]): { DefaultValues?: { StaticValues: T[] } } {
  return values.length > 0 ? { DefaultValues: { StaticValues: [...values] } } : {};
}
