import { violation, type DefinitionRule } from './rule.ts';

/**
 * A visual's sort by a field (`FieldSort`) names a field of that visual's field wells.
 *
 * Evidence: the API model's `FieldSort.FieldId`, "the sort configuration target field"; issue 14 (a
 * sort on an unknown field, very likely refused). QuickSight documents no error type for it (we say
 * PARAMETER_VALUE_INCOMPATIBLE); the wording is ours.
 */
export const sorts: DefinitionRule = {
  name: 'sort-field',
  check({ index }) {
    const fields = new Map<string, Set<string>>();
    for (const field of index.fields) fields.set(field.visualId ?? '', (fields.get(field.visualId ?? '') ?? new Set()).add(field.id));
    return index.fieldSorts.flatMap((sort) => {
      if (sort.visualId === undefined || fields.get(sort.visualId)?.has(sort.id)) return [];
      return [
        violation(
          index,
          this.name,
          'PARAMETER_VALUE_INCOMPATIBLE',
          sort.path,
          `Visual '${sort.visualId}' sorts by field '${sort.id}', which its field wells do not have.`,
        ),
      ];
    });
  },
};
