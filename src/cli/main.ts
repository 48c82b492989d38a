import { Command, CommanderError } from 'commander';
import { UserError } from './errors.ts';

/** Each command lives in src/cli/commands/<name>.ts and registers itself here. */
const COMMANDS: ReadonlyArray<() => Promise<{ register(program: Command): void }>> = [
  () => import('./commands/compile.ts'),
  () => import('./commands/lint.ts'),
  () => import('./commands/serve.ts'),
  () => import('./commands/plan.ts'),
  () => import('./commands/publish.ts'),
  () => import('./commands/preview.ts'),
];

/** Runs the CLI and returns the exit code: 0 ok, 1 findings or failure, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('trailsight')
    .description('CloudTrail security dashboards as code: YAML specs → Athena, Glue and QuickSight, previewed locally on DuckDB.')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const load of COMMANDS) (await load()).register(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    // Commands report their outcome through process.exitCode.
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UserError) {
      process.stderr.write(`trailsight: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`trailsight: internal error\n${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}
