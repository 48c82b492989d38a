import { violation, type DefinitionRule } from './rule.ts';

/**
 * Every parameter a filter, control or action names is declared in ParameterDeclarations.
 *
 * Evidence: QuickSight's error type PARAMETER_NOT_FOUND (`AnalysisErrorType` in the API model); the
 * members naming a parameter are those of shape ParameterName (ParameterName, SourceParameterName,
 * DestinationParameterName, and `Parameter` of range filter values). A filter's parameter is QuickSight's
 * FILTER_SOURCE_PARAMETER_NOT_FOUND, "The filter is using a parameter that has been deleted. Choose a
 * new parameter and save changes." at `filter-group/<g>/filter/<f>`
 * (aws-solutions-library-samples/cloud-intelligence-dashboards-framework#567, #578). The other wording is ours.
 */
export const parameterReferences: DefinitionRule = {
  name: 'parameter-declared',
  check({ index }) {
    const declared = new Set(index.parameters.map((p) => p.id));
    return index.parameterRefs
      .filter((ref) => !declared.has(ref.id))
      .map((ref) =>
        ref.path.includes('FilterGroups')
          ? violation(
              index,
              this.name,
              'FILTER_SOURCE_PARAMETER_NOT_FOUND',
              ref.path,
              'The filter is using a parameter that has been deleted. Choose a new parameter and save changes.',
            )
          : violation(index, this.name, 'PARAMETER_NOT_FOUND', ref.path, `Parameter '${ref.id}' is not declared in ParameterDeclarations.`),
      );
  },
};
