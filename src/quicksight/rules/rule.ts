import { entityAt } from '../definition/entity.ts';
import type { DefinitionIndex } from '../definition/index-definition.ts';
import type { DefinitionPath } from '../definition/walk.ts';

/**
 * The error types QuickSight gives a failed analysis or dashboard (`AnalysisErrorType` and
 * `DashboardErrorType` in its API model, botocore quicksight/2018-04-01/service-2.json).
 */
export type DefinitionErrorType =
  | 'ACCESS_DENIED'
  | 'SOURCE_NOT_FOUND'
  | 'DATA_SET_NOT_FOUND'
  | 'INTERNAL_FAILURE'
  | 'PARAMETER_VALUE_INCOMPATIBLE'
  | 'PARAMETER_TYPE_INVALID'
  | 'PARAMETER_NOT_FOUND'
  | 'COLUMN_TYPE_MISMATCH'
  | 'COLUMN_GEOGRAPHIC_ROLE_MISMATCH'
  | 'COLUMN_REPLACEMENT_MISSING'
  // Not in the model's enums, but in QuickSight's answers (aws-solutions-library-samples/cloud-intelligence-dashboards-framework#567).
  | 'FILTER_SOURCE_PARAMETER_NOT_FOUND';

/**
 * When QuickSight refuses: `request` — the Create/Update call itself fails, synchronously, with an
 * InvalidParameterValueException carrying the message; `creation` — the call is accepted and the
 * version ends CREATION_FAILED / UPDATE_FAILED with an error of `type` at the entity.
 */
export type Stage = 'request' | 'creation';

/** A column of a data set as QuickSight offers it to a definition; `type` as QuickSight names it (STRING, INTEGER…), absent when unknown. */
export interface DataSetColumn {
  readonly name: string;
  readonly type?: string;
}

/** The output columns of the data set an ARN names, or undefined when there is no such data set. */
export type DataSetColumns = (arn: string) => readonly DataSetColumn[] | undefined;

/** A rule a definition breaks, where, and how QuickSight reports it. */
export interface Violation {
  /** The rule's name, e.g. `column-exists`. */
  readonly rule: string;
  readonly stage: Stage;
  /** The error type of a failed creation; InvalidParameterValueException for a refused request. */
  readonly type: DefinitionErrorType | 'InvalidParameterValueException';
  /**
   * One of the "specific UI errors" QuickSight skips when asked for ValidationStrategy LENIENT (API
   * reference, `ValidationStrategy`): the console's leftovers of columns a data set no longer has.
   */
  readonly lenient?: boolean;
  /** In QuickSight's words where they are known. */
  readonly message: string;
  /** Where in the definition. */
  readonly path: DefinitionPath;
  /** QuickSight's name for the entity at `path` (its `ViolatedEntities` path): `sheet/s1/visual/v1`. */
  readonly entity: string;
}

/** What a rule looks at: the definition's index and the columns of the data sets it declares. */
export interface RuleInput {
  readonly index: DefinitionIndex;
  readonly dataSetColumns: DataSetColumns;
}

/** One of QuickSight's rules for a definition; its file cites the evidence it follows. */
export interface DefinitionRule {
  readonly name: string;
  check(input: RuleInput): Violation[];
}

/** A violation of `rule` at `path` that fails the creation. */
export function violation(
  index: DefinitionIndex,
  rule: string,
  type: DefinitionErrorType,
  path: DefinitionPath,
  message: string,
  options: { lenient?: boolean } = {},
): Violation {
  return { rule, stage: 'creation', type, message, path, entity: entityAt(index.definition, path), ...(options.lenient ? { lenient: true } : {}) };
}

/** A violation of `rule` at `path` for which QuickSight refuses the request itself. */
export function refusal(index: DefinitionIndex, rule: string, path: DefinitionPath, message: string): Violation {
  return { rule, stage: 'request', type: 'InvalidParameterValueException', message, path, entity: entityAt(index.definition, path) };
}
