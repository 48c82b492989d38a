import { relative } from 'node:path';
import type { BadLogFile } from '../endpoint/index.ts';
import { terminalText } from '../text/terminal.ts';

export type { BadLogFile };

const SHOWN = 10;

/**
 * What people are told about log files the local target's queries could not read: how many, which
 * (the first ten, relative to the logs folder), why, and that their records are missing. No lines when none.
 */
export function badLogFilesNote(files: readonly BadLogFile[], logsDir: string, logFile: string): string[] {
  if (files.length === 0) return [];
  const lines = [
    `local: ${files.length} log file${files.length === 1 ? '' : 's'} could not be read and ${files.length === 1 ? 'was' : 'were'} skipped (their events are not in the dashboards):`,
  ];
  // A file's name and reason come from the logs: each stays on its line, its control characters shown as escapes.
  for (const file of files.slice(0, SHOWN)) lines.push(`  ${terminalText(relative(logsDir, file.path) || file.path)}: ${terminalText(file.reason)}`);
  if (files.length > SHOWN) lines.push(`  … and ${files.length - SHOWN} more (all listed in ${terminalText(logFile)})`);
  return lines;
}
