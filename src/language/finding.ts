import { terminalText } from '../text/terminal.ts';

/** One problem found in the specs, with the place it is at. `line` 0 means the whole file or folder. */
export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  /** The check that found it: `yaml`, `schema`, or a rule's name. */
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  /** JSON path inside the spec, when the finding is about a value. */
  readonly path?: string;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Sorted by file, line, column, then message: the order findings are printed in. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => cmp(a.file, b.file) || a.line - b.line || a.col - b.col || cmp(a.message, b.message));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `file:line:col  message`, the way every finding is printed for people: one line, whatever a file
 * name or a quoted spec value holds (control characters are shown as escapes).
 */
export function formatFinding(f: Finding): string {
  const where = f.line > 0 ? `${f.file}:${f.line}:${f.col}` : f.file;
  return terminalText(`${where}  ${f.severity === 'warning' ? 'warning: ' : ''}${f.message}`);
}

/** Renders a JSON path as `sheets[0].visuals[2].x`. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
