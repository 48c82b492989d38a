import { isObject, valueAt } from '../definition/walk.ts';
import { refusal, type DefinitionRule, type Violation } from './rule.ts';

/**
 * A filter group scoped to ALL_VISUALS of a sheet lists no visuals; a category filter takes one of
 * its values, its parameter or its select-all option. QuickSight refuses the request itself.
 *
 * Evidence, QuickSight's messages as they answered: "InvalidParameterValueException: FilterGroups
 * scoped to ALL_VISUALS must not have a list of visualIds, \n\t at Filter Group <id>."
 * (hashicorp/terraform-provider-aws#33754); "InvalidParameterValueException: Category Filter must
 * define only one of: CategoryValue(s), ParameterName, SelectAllOptions, \n\t at Filter <id>."
 * (hashicorp/terraform-provider-aws#33222, #33753). A member given as an empty list counts as given
 * (the provider sent `category_values = []` beside `select_all_options`).
 */
export const filterDefinitions: DefinitionRule = {
  name: 'filter-definition',
  check({ index }) {
    const found: Violation[] = [];
    for (const group of index.filterGroups) {
      const base = group.path.slice(0, -1);
      const scope = isObject(group.node.ScopeConfiguration) ? group.node.ScopeConfiguration : {};
      const configs = isObject(scope.SelectedSheets) ? scope.SelectedSheets.SheetVisualScopingConfigurations : undefined;
      (Array.isArray(configs) ? configs : []).forEach((config, i) => {
        if (!isObject(config) || config.Scope !== 'ALL_VISUALS' || config.VisualIds === undefined) return;
        const path = [...base, 'ScopeConfiguration', 'SelectedSheets', 'SheetVisualScopingConfigurations', i, 'VisualIds'];
        found.push(refusal(index, this.name, path, `FilterGroups scoped to ALL_VISUALS must not have a list of visualIds,  \n\t at Filter Group ${group.id}.`));
      });
    }
    for (const filter of index.filters) {
      const kind = filter.path[filter.path.length - 2];
      if (kind !== 'CategoryFilter') continue;
      const node = valueAt(index.definition, filter.path.slice(0, -1));
      const configuration = isObject(node) && isObject(node.Configuration) ? node.Configuration : {};
      for (const [name, members] of Object.entries(CATEGORY_CHOICES)) {
        const body = configuration[name];
        if (!isObject(body) || members.filter((m) => body[m] !== undefined).length <= 1) continue;
        found.push(
          refusal(
            index,
            this.name,
            [...filter.path.slice(0, -1), 'Configuration', name],
            `Category Filter must define only one of: CategoryValue(s), ParameterName, SelectAllOptions,  \n\t at Filter ${filter.id}.`,
          ),
        );
      }
    }
    return found;
  },
};

/** The members of each category filter configuration of which one may be given. */
const CATEGORY_CHOICES: Readonly<Record<string, readonly string[]>> = {
  FilterListConfiguration: ['CategoryValues', 'SelectAllOptions'],
  CustomFilterListConfiguration: ['CategoryValues', 'SelectAllOptions'],
  CustomFilterConfiguration: ['CategoryValue', 'ParameterName', 'SelectAllOptions'],
};
