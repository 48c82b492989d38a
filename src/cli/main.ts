import { Command, CommanderError } from 'commander';
import { UnsafePathError } from '../files/unsafe-path-error.ts';
import { UserError } from './errors.ts';
import { printErr } from './output.ts';
import * as compile from './commands/compile.ts';
import * as doctor from './commands/doctor.ts';
import * as iamPolicy from './commands/iam-policy.ts';
import * as lint from './commands/lint.ts';
import * as plan from './commands/plan.ts';
import * as preview from './commands/preview.ts';
import * as publish from './commands/publish.ts';
import * as query from './commands/query.ts';
import * as sample from './commands/sample.ts';
import * as serve from './commands/serve.ts';

/**
 * Each command is declared in src/cli/commands/<name>.ts (its arguments, flags and help) and done in
 * src/cli/actions/<name>.ts, loaded only when it runs: declaring them all costs commander alone.
 */
const COMMANDS: readonly { register(program: Command): void }[] = [compile, lint, serve, plan, publish, doctor, iamPolicy, preview, sample, query];

/** Runs the CLI and returns the exit code: 0 ok, 1 findings or failure, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('trailsight')
    .description('CloudTrail security dashboards as code: YAML specs → Athena, Glue and QuickSight, previewed locally on DuckDB.')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: printErr });
  for (const command of COMMANDS) command.register(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    // Commands report their outcome through process.exitCode.
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UserError) {
      printErr(`trailsight: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof UnsafePathError) {
      printErr(`trailsight: ${error.message}\n`);
      return 1;
    }
    const fileProblem = describeFileError(error);
    if (fileProblem) {
      printErr(`trailsight: ${fileProblem}\n`);
      return 1;
    }
    printErr(`trailsight: internal error\n${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file is already there',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
};

/** A file-system error on a path the user gave (`--out /etc/passwd`) is theirs to fix: no stack. */
function describeFileError(error: unknown): string | undefined {
  const { code, path, syscall } = (error ?? {}) as { code?: string; path?: string; syscall?: string };
  if (!code || !path || !FILE_ERRORS[code]) return undefined;
  return `cannot ${syscall ?? 'use'} ${path}: ${FILE_ERRORS[code]}`;
}
