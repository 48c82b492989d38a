import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { KIND_SCHEMAS, type Kind } from '../schema/index.ts';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
type AddFormats = (ajv: Ajv) => Ajv;
const formatsExport = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = formatsExport.default ?? formatsExport;

let validators: Record<Kind, ValidateFunction> | undefined;

/** One compiled validator per kind, built on first use. Errors carry their schema (`verbose`) for messages. */
export function validatorFor(kind: Kind): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
    addFormats(ajv);
    validators = Object.fromEntries(Object.entries(KIND_SCHEMAS).map(([k, schema]) => [k, ajv.compile(schema)])) as Record<Kind, ValidateFunction>;
  }
  return validators[kind];
}

export type SchemaError = ErrorObject;
