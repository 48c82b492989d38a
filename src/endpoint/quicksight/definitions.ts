import type * as QuickSight from '@aws-sdk/client-quicksight';
import { checkDefinition, type DataSetColumn, type Violation } from '../../quicksight/index.ts';
import type { Wire } from '../sdk-types.ts';
import type { Transaction } from '../state/store.ts';
import { invalid } from './errors.ts';
import { errorsOf } from './progress.ts';
import { parseArn, type DataSetRecord, type DefinitionError, type EvaluatedMembers, type Progress } from './records.ts';
import type { Input } from './sdk.ts';
import type { QuickSightState } from './state.ts';
import { checkThemeArn } from './themes.ts';

/** The members of a create or update of an analysis or dashboard that its definition is checked with. */
type DefinitionInput = Pick<
  Input<'CreateAnalysis'> | Input<'UpdateAnalysis'> | Input<'CreateDashboard'> | Input<'UpdateDashboard'>,
  'Definition' | 'SourceEntity' | 'ThemeArn' | 'ValidationStrategy'
>;

export interface EvaluatedDefinition extends EvaluatedMembers {
  readonly errors: DefinitionError[];
}

/**
 * Checks the definition of an analysis or dashboard against the data sets that exist now, with
 * QuickSight's rules (src/quicksight). What QuickSight refuses outright fails the request
 * (InvalidParameterValueException); the rest becomes the CREATION_FAILED / UPDATE_FAILED outcome, as
 * QuickSight reports it later: each once per entity, with its type and the entity's path — but for
 * what ValidationStrategy LENIENT skips.
 */
export async function evaluateDefinition(state: QuickSightState, input: DefinitionInput, tx: Transaction): Promise<EvaluatedDefinition> {
  const definition = input.Definition;
  if (!definition) {
    throw invalid(
      input.SourceEntity
        ? "trailsight's endpoint creates analyses and dashboards from a Definition only, not from a SourceEntity (template or analysis)."
        : 'Either a SourceEntity or a Definition is required.',
    );
  }
  await checkThemeArn(state, input.ThemeArn, tx);
  const dataSetArns = (definition.DataSetIdentifierDeclarations ?? []).map((d) => d.DataSetArn);
  const columns = new Map<string, DataSetColumn[]>();
  for (const arn of new Set(dataSetArns)) {
    const parsed = parseArn(arn);
    if (parsed?.kind !== 'dataset' || parsed.account !== state.account || parsed.region !== state.region) continue;
    const dataSet = await state.get('dataset', parsed.id, tx);
    if (!dataSet) continue;
    const calculated = calculatedColumns(dataSet.properties.LogicalTableMap);
    columns.set(
      arn,
      dataSet.outputColumns.map((c) => ({ name: c.Name, ...(calculated.has(c.Name) ? {} : { type: c.Type }) })),
    );
  }
  const violations = checkDefinition(definition, (arn) => columns.get(arn));
  // QuickSight refuses some definitions outright, with the first problem's message.
  const refused = violations.find((v) => v.stage === 'request');
  if (refused) throw invalid(refused.message);
  const lenient = input.ValidationStrategy?.Mode === 'LENIENT';
  return {
    errors: definitionErrors(violations.filter((v) => !(lenient && v.lenient))),
    DataSetArns: [...new Set(dataSetArns)],
    Sheets: (definition.Sheets ?? []).map((s) => ({ SheetId: s.SheetId, ...(s.Name ? { Name: s.Name } : {}) })),
  };
}

/**
 * The columns a data set's calculated fields (CreateColumnsOperation) make. QuickSight types each by
 * its expression, which the endpoint does not evaluate: their type is left unknown to the rules.
 */
function calculatedColumns(logicalTables: DataSetRecord['properties']['LogicalTableMap']): Set<string> {
  const names = new Set<string>();
  for (const table of Object.values(logicalTables ?? {})) {
    for (const transform of table.DataTransforms ?? []) for (const column of transform.CreateColumnsOperation?.Columns ?? []) names.add(column.ColumnName);
  }
  return names;
}

/** Violations as QuickSight lists them in `Errors`: one per type, message and entity (a refusal is never among them). */
function definitionErrors(violations: readonly Violation[]): DefinitionError[] {
  const seen = new Set<string>();
  return violations.flatMap((v) => {
    const key = `${v.type}|${v.message}|${v.entity}`;
    if (v.type === 'InvalidParameterValueException' || seen.has(key)) return [];
    seen.add(key);
    return [{ Type: v.type, Message: v.message, ViolatedEntities: [{ Path: v.entity }] }];
  });
}

/**
 * The `Errors` a describe of an analysis or dashboard version shows (none while in progress).
 * QuickSight answers error types its model's enum lacks (FILTER_SOURCE_PARAMETER_NOT_FOUND:
 * `DefinitionErrorType`); the SDK reads them as the strings they are, though its
 * `AnalysisErrorType` lists only the model's.
 */
export function versionErrors(progress: Progress<DefinitionError>, now: number): Wire<QuickSight.AnalysisError>[] | undefined {
  return errorsOf(progress, now)?.map((error) => ({ ...error, Type: error.Type as QuickSight.AnalysisErrorType }));
}
