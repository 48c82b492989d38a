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

let stderrGuarded = false;

/**
 * A log to standard error (the local endpoint's notes under `serve`), each line prefixed and shown
 * through `show` (e.g. with control characters escaped). Standard error on a full disk or a closed
 * pipe fails with an `error` event that would end the process: a listener drops it, and the line with it.
 */
export function stderrLog(prefix: string, show: (line: string) => string): (line: string) => void {
  if (!stderrGuarded) {
    process.stderr.on('error', () => undefined);
    stderrGuarded = true;
  }
  return (line) => void process.stderr.write(`${prefix}${show(line)}\n`);
}
