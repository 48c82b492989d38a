import { type Command, Option } from 'commander';
import { DEFAULT_SPEC_PATHS } from '../../language/load/default-spec-paths.ts';
import { lazyAction } from '../lazy-action.ts';

/** `trailsight lint [PATH...]`: YAML syntax, schemas, then meaning; exit 0 clean, 1 findings, 2 usage. */
export function register(program: Command): void {
  program
    .command('lint')
    .description('Check the specs: YAML syntax, schemas, then meaning (references, fields, SQL).')
    .argument('[paths...]', 'spec files or folders (searched for *.yaml, *.yml); single files are checked against dashboards/', DEFAULT_SPEC_PATHS)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(lazyAction(() => import('../actions/lint.ts')));
}
