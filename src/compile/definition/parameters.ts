import type { ParameterDeclaration } from '@aws-sdk/client-quicksight';
import type { ParameterSpec } from '../../language/schema/index.ts';
import type { BoardContext } from './context.ts';

/** Parameter declarations with their static defaults, typed by the parameter's type. */
export function parameterDeclarations(ctx: BoardContext): ParameterDeclaration[] {
  return (ctx.spec.parameters ?? []).flatMap((spec, i) => {
    const declaration = declare(ctx, spec, ['parameters', i]);
    return declaration ? [declaration] : [];
  });
}

function declare(ctx: BoardContext, spec: ParameterSpec, path: (string | number)[]): ParameterDeclaration | undefined {
  const defaults = spec.default === undefined ? [] : Array.isArray(spec.default) ? spec.default : [spec.default];
  const ParameterValueType = spec.multiValue ? 'MULTI_VALUED' : 'SINGLE_VALUED';
  if (!spec.multiValue && defaults.length > 1) ctx.report([...path, 'default'], `parameter ${spec.name} takes one value; make it multiValue for a list`);
  const Name = spec.name;
  switch (spec.type) {
    case 'string':
      return { StringParameterDeclaration: { Name, ParameterValueType, ...(defaults.length ? { DefaultValues: { StaticValues: defaults.map(String) } } : {}) } };
    case 'integer':
    case 'decimal': {
      const numbers = defaults.filter((d): d is number => typeof d === 'number' && (spec.type === 'decimal' || Number.isInteger(d)));
      if (numbers.length !== defaults.length) ctx.report([...path, 'default'], `the default of ${spec.name} must be ${spec.type === 'integer' ? 'whole numbers' : 'numbers'}`);
      const DefaultValues = numbers.length ? { StaticValues: numbers } : undefined;
      return spec.type === 'integer'
        ? { IntegerParameterDeclaration: { Name, ParameterValueType, ...(DefaultValues ? { DefaultValues } : {}) } }
        : { DecimalParameterDeclaration: { Name, ParameterValueType, ...(DefaultValues ? { DefaultValues } : {}) } };
    }
    case 'datetime': {
      if (spec.multiValue) ctx.report([...path, 'multiValue'], `a datetime parameter holds one value`);
      const dates = defaults.map((d) => new Date(String(d)));
      if (dates.some((d) => typeof defaults[0] !== 'string' || Number.isNaN(d.getTime()))) {
        ctx.report([...path, 'default'], `the default of ${spec.name} must be an ISO 8601 date-time, e.g. 2026-01-01T00:00:00Z`);
        return undefined;
      }
      return { DateTimeParameterDeclaration: { Name, TimeGranularity: 'DAY', ...(dates.length ? { DefaultValues: { StaticValues: dates } } : {}) } };
    }
  }
}
