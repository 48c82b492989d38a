/** Query results as people and programs read them: an aligned table, CSV, JSON row objects. */
import { terminalText } from '../../text/terminal.ts';
import type { QueryResult } from './result.ts';

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Rows as objects keyed by column name. Trino allows two columns of one name (`SELECT a, a`):
 * the second is keyed `name_2` (then `_3` …), so no column is ever dropped.
 */
export function rowObjects(result: QueryResult): Record<string, unknown>[] {
  const keys = uniqueKeys(result.columns.map((c) => c.name));
  return result.rows.map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i]])));
}

function uniqueKeys(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let key = name;
    for (let n = 2; taken.has(key); n++) key = `${name}_${n}`;
    taken.add(key);
    return key;
  });
}

/**
 * An aligned text table with a header rule and a row count; long cells are cut at `maxWidth`.
 * Control characters from the logs (ESC, carriage returns, bidirectional overrides) show as escapes.
 */
export function renderTable(result: QueryResult, maxWidth = 80): string {
  const cut = (text: string) => (text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text);
  const header = result.columns.map((c) => terminalText(c.name));
  // Spaces, tabs and line feeds are layout (one space); any other control character shows as its escape.
  const body = result.rows.map((row) => row.map((v) => cut(terminalText(cellText(v).replace(/[ \t\n]+/g, ' ')))));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  const count = `(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`;
  return `${[line(header), rule, ...body.map(line), count].join('\n')}\n`;
}

/**
 * RFC 4180 CSV with a header row; nested values as JSON text. Control characters in values (line
 * breaks included) are written as escapes such as `\n` or `\x1b`, so the CSV is safe to show on a
 * terminal; `--format json` keeps every value exact.
 */
export function renderCsv(result: QueryResult): string {
  const quote = (raw: string) => {
    const text = terminalText(raw);
    return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [result.columns.map((c) => quote(c.name)), ...result.rows.map((row) => row.map((v) => quote(cellText(v))))];
  return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
