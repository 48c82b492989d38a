import type { ParameterDeclaration } from '@aws-sdk/client-quicksight';
import type { CheckedParameter } from '../../language/index.ts';

/**
 * A parameter's declaration with its static defaults, typed by the parameter's type. A string, integer
 * or decimal parameter also says what it is when unset, as the console writes it on every one
 * (test/quicksight/corpus: 92 of 92): its default (RECOMMENDED_VALUE) when it has one, else NULL —
 * with DefaultValues present, empty when there is no default.
 */
export function parameterDeclaration(parameter: CheckedParameter): ParameterDeclaration {
  const Name = parameter.name;
  const withDefaults = <T>(values: readonly T[]) => ({
    DefaultValues: values.length > 0 ? { StaticValues: [...values] } : {},
    ValueWhenUnset: { ValueWhenUnsetOption: values.length > 0 ? ('RECOMMENDED_VALUE' as const) : ('NULL' as const) },
  });
  switch (parameter.type) {
    case 'string':
      return { StringParameterDeclaration: { Name, ParameterValueType: valueType(parameter.multiValue), ...withDefaults(parameter.defaults) } };
    case 'integer':
      return { IntegerParameterDeclaration: { Name, ParameterValueType: valueType(parameter.multiValue), ...withDefaults(parameter.defaults) } };
    case 'decimal':
      return { DecimalParameterDeclaration: { Name, ParameterValueType: valueType(parameter.multiValue), ...withDefaults(parameter.defaults) } };
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
