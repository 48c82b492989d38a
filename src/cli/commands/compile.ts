import type { Command } from 'commander';
import { DEFAULT_SPEC_PATHS } from '../../language/load/default-spec-paths.ts';
import { lazyAction } from '../lazy-action.ts';

/** `trailsight compile [PATH...] [--target NAME] --out DIR`: one JSON file per AWS request. */
export function register(program: Command): void {
  program
    .command('compile')
    .description('Compile the specs to the exact Glue, Athena and QuickSight requests, one JSON file each, for review or other deploy tools.')
    .argument('[paths...]', 'spec files or folders', DEFAULT_SPEC_PATHS)
    .option('--target <name>', 'target from the Project (default: local)')
    .option('--account <id>', "AWS account id to compile for (overrides the target's)")
    .option('--region <region>', "AWS Region to compile for (overrides the target's)")
    .requiredOption('--out <dir>', 'folder to write the request files to')
    .action(lazyAction(() => import('../actions/compile.ts')));
}
