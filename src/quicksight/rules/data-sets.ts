import { declaredDataSets } from './declared-columns.ts';
import { violation, type DefinitionRule, type Violation } from './rule.ts';

/**
 * Every data set a definition uses is declared once, by an identifier, and exists; every column
 * names the data set identifier it comes from (or a topic).
 *
 * Evidence: the API model's `DataSetIdentifierDeclaration` ("a data set identifier declaration"; each
 * `ColumnIdentifier.DataSetIdentifier` is "the data set that the column belongs to") and its error type
 * DATA_SET_NOT_FOUND (`AnalysisErrorType`); a calculated field's: QuickSight's message at
 * `calculated-field/<name>` (aws-solutions-library-samples/cloud-intelligence-dashboards-framework#567).
 * The wording of the other messages is ours; the error type of a
 * second declaration of one identifier is not documented (we say PARAMETER_VALUE_INCOMPATIBLE).
 */
export const dataSets: DefinitionRule = {
  name: 'data-sets',
  check(input) {
    const { index } = input;
    const found: Violation[] = [];
    const seen = new Set<string>();
    const declared = declaredDataSets(input);
    for (const declaration of index.declared) {
      if (seen.has(declaration.id)) {
        found.push(
          violation(index, this.name, 'PARAMETER_VALUE_INCOMPATIBLE', declaration.path, `Data set identifier '${declaration.id}' is declared more than once.`),
        );
        continue;
      }
      seen.add(declaration.id);
      if (!declared.get(declaration.id)?.columns) {
        found.push(
          violation(
            index,
            this.name,
            'DATA_SET_NOT_FOUND',
            declaration.path,
            `Data set '${declaration.arn ?? ''}' (identifier '${declaration.id}') does not exist.`,
          ),
        );
      }
    }
    for (const field of index.calculated) {
      if (field.dataset === undefined || declared.has(field.dataset)) continue;
      const path = [...field.path.slice(0, -1), 'DataSetIdentifier'];
      found.push(violation(index, this.name, 'DATA_SET_NOT_FOUND', path, 'The DataSet that used in the calculated field can not be found in the analysis'));
    }
    for (const use of index.columns) {
      if (use.topic) continue;
      if (use.dataset === undefined) {
        found.push(violation(index, this.name, 'DATA_SET_NOT_FOUND', use.path, `Column '${use.column}' names no DataSetIdentifier.`));
      } else if (!declared.has(use.dataset)) {
        found.push(
          violation(index, this.name, 'DATA_SET_NOT_FOUND', use.path, `Data set identifier '${use.dataset}' is not declared in DataSetIdentifierDeclarations.`),
        );
      }
    }
    return found;
  },
};
