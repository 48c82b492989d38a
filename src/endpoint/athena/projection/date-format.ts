import { DateTime, type DurationLikeObject } from 'luxon';
import escapeRegex from 'escape-string-regexp';

/** Units of `interval.unit` and of NOW offsets, finest last. */
export const DATE_UNITS = ['YEARS', 'MONTHS', 'WEEKS', 'DAYS', 'HOURS', 'MINUTES', 'SECONDS', 'MILLISECONDS'] as const;
export type DateUnit = (typeof DATE_UNITS)[number];

/** A partition projection `format` (a Java `DateTimeFormatter` pattern), read for the letters dates in S3 keys use. */
export interface DatePattern {
  /** The pattern as written. */
  text: string;
  /** Regex source matching one formatted value. */
  regex: string;
  /** The same pattern in luxon's tokens. */
  luxon: string;
  /** The finest unit the pattern shows. */
  precision: DateUnit;
}

/** Java pattern letters read here: regex and luxon token per run length, and the unit the letter shows. */
const LETTERS: Record<string, { unit: DateUnit; token: (n: number) => { regex: string; luxon: string } | undefined }> = {
  y: { unit: 'YEARS', token: (n) => (n === 2 ? { regex: '\\d{2}', luxon: 'yy' } : n === 4 ? { regex: '\\d{4}', luxon: 'yyyy' } : undefined) },
  u: { unit: 'YEARS', token: (n) => (n === 2 ? { regex: '\\d{2}', luxon: 'yy' } : n === 4 ? { regex: '\\d{4}', luxon: 'yyyy' } : undefined) },
  M: { unit: 'MONTHS', token: (n) => twoDigits(n, 'M') },
  d: { unit: 'DAYS', token: (n) => twoDigits(n, 'd') },
  H: { unit: 'HOURS', token: (n) => twoDigits(n, 'H') },
  m: { unit: 'MINUTES', token: (n) => twoDigits(n, 'm') },
  s: { unit: 'SECONDS', token: (n) => twoDigits(n, 's') },
  S: { unit: 'MILLISECONDS', token: (n) => (n === 3 ? { regex: '\\d{3}', luxon: 'SSS' } : undefined) },
};

function twoDigits(n: number, letter: string) {
  if (n === 1) return { regex: '\\d{1,2}', luxon: letter };
  if (n === 2) return { regex: '\\d{2}', luxon: letter + letter };
  return undefined;
}

/** Reads a Java date pattern; a string describing the problem when it uses what is not read here. */
export function parseDatePattern(text: string): DatePattern | string {
  let regex = '';
  let luxon = '';
  let precision: DateUnit | undefined;
  const literal = (chars: string) => {
    regex += escapeRegex(chars);
    luxon += `'${chars}'`;
  };
  for (let i = 0; i < text.length; ) {
    const c = text.charAt(i);
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return `the quote at position ${i + 1} is not closed`;
      if (end === i + 1) return "quoted quotes ('') are not supported by trailsight";
      literal(text.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      literal(c);
      i += 1;
      continue;
    }
    let n = 1;
    while (text[i + n] === c) n += 1;
    const letter = LETTERS[c];
    const token = letter?.token(n);
    if (!letter || !token) return `pattern letters '${c.repeat(n)}' are not supported by trailsight (it reads y, u, M, d, H, m, s and SSS)`;
    regex += token.regex;
    luxon += token.luxon;
    const unit = letter.unit;
    if (!precision || DATE_UNITS.indexOf(unit) > DATE_UNITS.indexOf(precision)) precision = unit;
    i += n;
  }
  if (!precision) return 'it has no date fields';
  return { text, regex, luxon, precision };
}

/** A formatted value read back as a UTC instant; undefined when it is not a valid date in the pattern. */
export function parseDate(value: string, pattern: DatePattern): DateTime | undefined {
  const date = DateTime.fromFormat(value, pattern.luxon, { zone: 'utc' });
  return date.isValid ? date : undefined;
}

export function formatDate(date: DateTime, pattern: DatePattern): string {
  return date.toFormat(pattern.luxon);
}

/** Relative range bounds, as Athena documents them: `NOW`, `NOW-3YEARS`, `NOW+1MONTH`. */
const RELATIVE = /^\s*NOW\s*(?:([+-])\s*([0-9]+)\s*(YEAR|MONTH|WEEK|DAY|HOUR|MINUTE|SECOND)S?\s*)?$/;

/**
 * One end of a date range: a date in the pattern or a NOW expression, truncated to the pattern's
 * precision as Athena projects it (`NOW` in `yyyy/MM/dd` is today). Undefined when unreadable.
 */
export function parseBound(value: string, pattern: DatePattern, now: DateTime): DateTime | undefined {
  const relative = RELATIVE.exec(value);
  if (!relative) return parseDate(value, pattern);
  const [, sign, amount, unit] = relative;
  const offset: DurationLikeObject = sign && unit ? { [`${unit.toLowerCase()}s`]: Number(amount) * (sign === '-' ? -1 : 1) } : {};
  return parseDate(formatDate(now.toUTC().plus(offset), pattern), pattern);
}

/** `date` plus `count` units (calendar arithmetic for months and years, in UTC). */
export function addUnits(date: DateTime, count: number, unit: DateUnit): DateTime {
  return date.plus({ [unit.toLowerCase()]: count });
}
