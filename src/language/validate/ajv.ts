import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Kind } from '../schema/index.ts';
import * as generated from './generated/validators.js';

/**
 * One validator per kind, compiled ahead from the schemas by ajv (`npm run schemas` writes them into
 * generated/; a test fails when they are stale): compiling them at run time took most of lint's
 * second. Every error is reported (`allErrors`) and carries its schema (`verbose`), for messages.
 */
const VALIDATORS: Readonly<Record<Kind, ValidateFunction>> = generated;

export function validatorFor(kind: Kind): ValidateFunction {
  return VALIDATORS[kind];
}

export type SchemaError = ErrorObject;
