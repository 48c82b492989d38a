import { Command, CommanderError } from 'commander';
import { isUnsafePathError } from '../files/unsafe-path-error.ts';
import { isUserError } from './errors.ts';
import { printErr } from './output.ts';

type CommandModule = { register(program: Command): void };

/**
 * Each command lives in src/cli/commands/<name>.ts and registers itself; the key is the command's
 * name. Only the command being run is loaded (the others pull in DuckDB, the SDK, …), except for help.
 */
const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  compile: () => import('./commands/compile.ts'),
  lint: () => import('./commands/lint.ts'),
  serve: () => import('./commands/serve.ts'),
  plan: () => import('./commands/plan.ts'),
  publish: () => import('./commands/publish.ts'),
  'iam-policy': () => import('./commands/iam-policy.ts'),
  preview: () => import('./commands/preview.ts'),
  sample: () => import('./commands/sample.ts'),
  query: () => import('./commands/query.ts'),
};

async function loadCommands(argv: readonly string[]): Promise<CommandModule[]> {
  const name = argv.find((arg) => !arg.startsWith('-'));
  // Own keys only: `trailsight toString` is an unknown command, not Object.prototype's.
  const wanted = name && name !== 'help' && Object.hasOwn(COMMANDS, name) ? [COMMANDS[name]!] : Object.values(COMMANDS);
  return Promise.all(wanted.map((load) => load()));
}

/** Runs the CLI and returns the exit code: 0 ok, 1 findings or failure, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('trailsight')
    .description('CloudTrail security dashboards as code: YAML specs → Athena, Glue and QuickSight, previewed locally on DuckDB.')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: printErr });
  for (const command of await loadCommands(argv)) command.register(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    // Commands report their outcome through process.exitCode.
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isUserError(error)) {
      printErr(`trailsight: ${error.message}\n`);
      return error.exitCode;
    }
    if (isUnsafePathError(error)) {
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
