import type { Transaction } from '../state/store.ts';
import { invalid } from './errors.ts';
import { checkDefinition, type DataSetColumn, type Violation } from '../../quicksight/index.ts';
import { parseArn, type DefinitionError } from './records.ts';
import type { QuickSightState } from './state.ts';
import { checkThemeArn } from './themes.ts';

export interface EvaluatedDefinition {
  readonly errors: DefinitionError[];
  readonly dataSetArns: string[];
  readonly sheets: { SheetId: string; Name?: string }[];
}

/**
 * Checks the definition of an analysis or dashboard against the data sets that exist now, with
 * QuickSight's rules (src/quicksight). What QuickSight refuses outright fails the request
 * (InvalidParameterValueException); the rest becomes the CREATION_FAILED / UPDATE_FAILED outcome, as
 * QuickSight reports it later: each once per entity, with its type and the entity's path — but for
 * what ValidationStrategy LENIENT skips.
 */
export async function evaluateDefinition(state: QuickSightState, input: Record<string, any>, tx: Transaction): Promise<EvaluatedDefinition> {
  const definition = input.Definition as Record<string, any> | undefined;
  if (!definition) {
    throw invalid(
      input.SourceEntity
        ? "trailsight's endpoint creates analyses and dashboards from a Definition only, not from a SourceEntity (template or analysis)."
        : 'Either a SourceEntity or a Definition is required.',
    );
  }
  await checkThemeArn(state, input.ThemeArn, tx);
  const dataSetArns: string[] = (definition.DataSetIdentifierDeclarations ?? []).map((d: { DataSetArn: string }) => d.DataSetArn);
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
    dataSetArns: [...new Set(dataSetArns)],
    sheets: (definition.Sheets ?? []).map((s: { SheetId: string; Name?: string }) => ({ SheetId: s.SheetId, ...(s.Name ? { Name: s.Name } : {}) })),
  };
}

/**
 * The columns a data set's calculated fields (CreateColumnsOperation) make. QuickSight types each by
 * its expression, which the endpoint does not evaluate: their type is left unknown to the rules.
 */
function calculatedColumns(logicalTables: unknown): Set<string> {
  const names = new Set<string>();
  for (const table of Object.values(
    (logicalTables ?? {}) as Record<string, { DataTransforms?: { CreateColumnsOperation?: { Columns?: { ColumnName: string }[] } }[] }>,
  )) {
    for (const transform of table.DataTransforms ?? []) for (const column of transform.CreateColumnsOperation?.Columns ?? []) names.add(column.ColumnName);
  }
  return names;
}

/** Violations as QuickSight lists them in `Errors`: one per type, message and entity. */
function definitionErrors(violations: readonly Violation[]): DefinitionError[] {
  const seen = new Set<string>();
  return violations.flatMap((v) => {
    const key = `${v.type}|${v.message}|${v.entity}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ Type: v.type, Message: v.message, ViolatedEntities: [{ Path: v.entity }] }];
  });
}
