/**
 * Trino's date/time format languages translated to DuckDB's strftime/strptime specifiers:
 * MySQL-style (`date_format`, `date_parse`: `%Y-%m-%d %H:%i:%s`) and Joda-Time
 * (`format_datetime`, `parse_datetime`: `yyyy-MM-dd HH:mm:ss`).
 */

export const MYSQL_TO_STRFTIME: Readonly<Record<string, string>> = {
  '%a': '%a',
  '%b': '%b',
  '%c': '%-m',
  '%D': '%-d',
  '%d': '%d',
  '%e': '%-d',
  '%f': '%f',
  '%H': '%H',
  '%h': '%I',
  '%I': '%I',
  '%i': '%M',
  '%j': '%j',
  '%k': '%-H',
  '%l': '%-I',
  '%M': '%B',
  '%m': '%m',
  '%p': '%p',
  '%r': '%I:%M:%S %p',
  '%S': '%S',
  '%s': '%S',
  '%T': '%H:%M:%S',
  '%U': '%U',
  '%u': '%W',
  '%v': '%V',
  '%W': '%A',
  '%w': '%w',
  '%x': '%G',
  '%Y': '%Y',
  '%y': '%y',
  '%%': '%%',
};

export const JODA_TO_STRFTIME: Readonly<Record<string, string>> = {
  yyyy: '%Y',
  yy: '%y',
  y: '%Y',
  YYYY: '%Y',
  xxxx: '%G',
  MMMM: '%B',
  MMM: '%b',
  MM: '%m',
  M: '%-m',
  dd: '%d',
  d: '%-d',
  DDD: '%j',
  HH: '%H',
  H: '%-H',
  hh: '%I',
  h: '%-I',
  kk: '%H',
  mm: '%M',
  m: '%-M',
  ss: '%S',
  s: '%-S',
  SSS: '%g',
  SSSSSS: '%f',
  a: '%p',
  EEEE: '%A',
  EEE: '%a',
  E: '%a',
  ZZ: '%z',
  Z: '%z',
  z: '%Z',
  zzzz: '%Z',
};

/** The same token splitting the SQL macros use (trino-functions.ts). */
export const JODA_TOKENS = "y+|Y+|x+|M+|d+|D+|H+|h+|k+|m+|s+|S+|a+|E+|Z+|z+|'[^']*'|[^a-zA-Z']+|[a-zA-Z]";

export function mysqlToStrftime(format: string): string {
  return (format.match(/%.|[^%]+|%$/g) ?? []).map((t) => MYSQL_TO_STRFTIME[t] ?? (t.startsWith('%') ? t.slice(1) : t)).join('');
}

export function jodaToStrftime(format: string): string {
  return (format.match(new RegExp(JODA_TOKENS, 'g')) ?? [])
    .map((t) => (t.startsWith("'") ? t.slice(1, -1).replace(/%/g, '%%') || "'" : (JODA_TO_STRFTIME[t] ?? t.replace(/%/g, '%%'))))
    .join('');
}
