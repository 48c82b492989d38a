import { terminalJson, terminalLines } from '../text/terminal.ts';

/**
 * What the commands print. Messages carry text from specs, logs, file names and AWS: control
 * characters in it are shown as escapes (src/text/terminal.ts), line breaks kept. A value that
 * must stay on its line (a file name in a list) is escaped whole with `terminalText` first.
 */
export function printOut(text: string): void {
  process.stdout.write(terminalLines(text));
}

export function printErr(text: string): void {
  process.stderr.write(terminalLines(text));
}

/** JSON for machines, still safe on a terminal: see `terminalJson`. */
export function printJson(value: unknown): void {
  process.stdout.write(`${terminalJson(JSON.stringify(value, null, 2))}\n`);
}
