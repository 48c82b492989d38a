import type { ParameterSpec } from '../../schema/index.ts';
import type { CheckedParameter } from '../parameters.ts';
import { GateBug } from './gate-bug.ts';

/** A parameter with its defaults, each of the parameter's type. */
export function checkedParameter(spec: ParameterSpec): CheckedParameter {
  const defaults = spec.default === undefined ? [] : Array.isArray(spec.default) ? spec.default : [spec.default];
  const multiValue = !!spec.multiValue;
  const bug = () => new GateBug(`parameter ${spec.name}: defaults ${JSON.stringify(defaults)} for a ${multiValue ? 'multi-value ' : ''}${spec.type} parameter`);
  if (!multiValue && defaults.length > 1) throw bug();
  switch (spec.type) {
    case 'string':
      if (!defaults.every((d) => typeof d === 'string')) throw bug();
      return { name: spec.name, type: spec.type, multiValue, defaults: defaults as string[] };
    case 'integer':
    case 'decimal':
      if (!defaults.every((d) => typeof d === 'number' && (spec.type === 'decimal' || Number.isInteger(d)))) throw bug();
      return { name: spec.name, type: spec.type, multiValue, defaults: defaults as number[] };
    case 'datetime':
      if (multiValue || !defaults.every((d) => typeof d === 'string' && !Number.isNaN(Date.parse(d)))) throw bug();
      return { name: spec.name, type: spec.type, defaults: defaults as string[] };
  }
}
