import type { DefinitionError } from '../records.ts';
import type { DataSetColumns } from './check-definition.ts';
import { unionMember, walkDefinition } from './walk.ts';

/** Data set declarations, data set identifiers, columns and parameters that are named but not there. */
export function referenceErrors(definition: Record<string, any>, dataSetColumns: DataSetColumns): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const declared = new Map<string, { arn: string; columns: Set<string> | undefined }>();
  for (const declaration of definition.DataSetIdentifierDeclarations ?? []) {
    const entity = `data-set-identifier/${declaration.Identifier}`;
    if (declared.has(declaration.Identifier)) {
      errors.push(error('PARAMETER_VALUE_INCOMPATIBLE', `Data set identifier '${declaration.Identifier}' is declared more than once.`, entity));
      continue;
    }
    const columns = dataSetColumns(declaration.DataSetArn);
    if (!columns) errors.push(error('DATA_SET_NOT_FOUND', `Data set '${declaration.DataSetArn}' (identifier '${declaration.Identifier}') does not exist.`, entity));
    declared.set(declaration.Identifier, { arn: declaration.DataSetArn, columns: columns && new Set(columns) });
  }
  for (const field of definition.CalculatedFields ?? []) declared.get(field.DataSetIdentifier)?.columns?.add(field.Name);

  const parameters = new Set<string>((definition.ParameterDeclarations ?? []).map((p: unknown) => unionMember(p)?.Name));
  const reported = new Set<string>();
  const once = (e: DefinitionError) => {
    const key = `${e.Type}|${e.Message}|${e.ViolatedEntities?.[0]?.Path}`;
    if (!reported.has(key)) errors.push(e), reported.add(key);
  };

  for (const { node, entity } of walkDefinition(definition)) {
    if (typeof node.DataSetIdentifier === 'string' && node.Identifier === undefined) {
      const dataSet = declared.get(node.DataSetIdentifier);
      if (!dataSet) once(error('DATA_SET_NOT_FOUND', `Data set identifier '${node.DataSetIdentifier}' is not declared in DataSetIdentifierDeclarations.`, entity));
      else if (typeof node.ColumnName === 'string' && dataSet.columns && !dataSet.columns.has(node.ColumnName))
        once(error('COLUMN_REPLACEMENT_MISSING', `Required column '${node.ColumnName}' is missing in data set '${dataSet.arn}'`, entity));
    }
    for (const key of ['ParameterName', 'SourceParameterName', 'DestinationParameterName'] as const) {
      const name = node[key];
      if (typeof name === 'string' && !parameters.has(name))
        once(error('PARAMETER_NOT_FOUND', `Parameter '${name}' is not declared in ParameterDeclarations.`, entity));
    }
  }
  return errors;
}

export function error(Type: string, Message: string, path: string): DefinitionError {
  return { Type, Message, ViolatedEntities: [{ Path: path }] };
}
