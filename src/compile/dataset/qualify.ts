/** The name free SQL uses for the CloudTrail table; compile replaces it by the Glue table. */
export const TABLE_PLACEHOLDER = 'cloudtrail_logs';

/**
 * Replaces every reference to the table `cloudtrail_logs` (bare or double-quoted, not already
 * qualified) by `qualified`, leaving string literals, comments and other identifiers untouched.
 */
export function qualifyTable(sql: string, qualified: string): string {
  let out = '';
  let i = 0;
  let previous = ''; // last significant character emitted, to see `schema.cloudtrail_logs`
  while (i < sql.length) {
    const ch = sql[i];
    const rest = sql.slice(i);
    if (ch === "'") {
      const end = endOfQuoted(sql, i, "'");
      out += sql.slice(i, end);
      previous = "'";
      i = end;
    } else if (ch === '"') {
      const end = endOfQuoted(sql, i, '"');
      const name = sql.slice(i + 1, end - 1).replace(/""/g, '"');
      out += name.toLowerCase() === TABLE_PLACEHOLDER && previous !== '.' ? qualified : sql.slice(i, end);
      previous = '"';
      i = end;
    } else if (rest.startsWith('--')) {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (rest.startsWith('/*')) {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop;
    } else if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(rest)![0];
      out += word.toLowerCase() === TABLE_PLACEHOLDER && previous !== '.' ? qualified : word;
      previous = 'a';
      i += word.length;
    } else {
      out += ch;
      if (!/\s/.test(ch)) previous = ch;
      i++;
    }
  }
  return out;
}

/** Index just past the closing quote of the quoted run starting at `start` (doubled quotes escape). */
function endOfQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}
