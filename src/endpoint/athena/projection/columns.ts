import type { DateTime } from 'luxon';
import { addUnits, DATE_UNITS, formatDate, parseBound, parseDate, parseDatePattern, type DateUnit } from './date-format.ts';
import escapeRegex from 'escape-string-regexp';

/** A projection property Athena would refuse. */
export interface ProjectionProblem {
  column?: string;
  /** The table property at fault, e.g. `projection.timestamp.range`. */
  property: string;
  message: string;
}

/** How one partition column is projected: the shape of its value in an S3 key, and which values Athena projects. */
export interface ColumnProjection {
  column: string;
  /** Regex source matching the column's value in a path (one path segment or more, e.g. `2026/11/20`). */
  pattern: string;
  /** Whether Athena would project this value (text as it appears in the path). */
  accepts(value: string): boolean;
}

type Read = ColumnProjection | ProjectionProblem[];

const TYPES = ['enum', 'integer', 'date', 'injected'];
/** Reads `projection.<column>.*`; the problems Athena would report instead when they are wrong. */
export function columnProjection(column: string, parameters: Readonly<Record<string, string>>, now: DateTime): Read {
  const property = (name: string) => `projection.${column}.${name}`;
  const type = parameters[property('type')];
  if (type === undefined) return [{ column, property: property('type'), message: `Missing required property: '${property('type')}'.` }];
  const kind = type.trim().toLowerCase();
  const get = (name: string) => parameters[property(name)];
  if (kind === 'enum') return enumProjection(column, property, get);
  if (kind === 'integer') return integerProjection(column, property, get);
  if (kind === 'date') return dateProjection(column, property, get, now);
  if (kind === 'injected') return { column, pattern: '[^/]+', accepts: () => true };
  return [{ column, property: property('type'), message: `Unsupported projection type '${type}' (${TYPES.join(', ')} are).` }];
}

type Get = (name: string) => string | undefined;
type Name = (name: string) => string;

function enumProjection(column: string, property: Name, get: Get): Read {
  const values = get('values');
  if (values === undefined || values === '') return [{ column, property: property('values'), message: `Missing required property: '${property('values')}'.` }];
  const allowed = new Set(values.split(','));
  const pattern = [...allowed]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|');
  return { column, pattern: `(?:${pattern})`, accepts: (value) => allowed.has(value) };
}

/** An optional positive integer property; a problem when it is set to anything else. */
function positive(property: string, value: string | undefined, problems: ProjectionProblem[], column: string): bigint | undefined {
  if (value === undefined) return undefined;
  if (/^\s*[0-9]+\s*$/.test(value) && BigInt(value.trim()) > 0n) return BigInt(value.trim());
  problems.push({ column, property, message: `Property: '${property}' needs to be a positive integer, not '${value}'.` });
  return undefined;
}

function integerProjection(column: string, property: Name, get: Get): Read {
  const problems: ProjectionProblem[] = [];
  const range = get('range');
  const bounds = range === undefined ? undefined : /^\s*(-?[0-9]+)\s*,\s*(-?[0-9]+)\s*$/.exec(range);
  if (range === undefined) problems.push({ column, property: property('range'), message: `Missing required property: '${property('range')}'.` });
  else if (!bounds || BigInt(bounds[1]!) > BigInt(bounds[2]!)) {
    problems.push({
      column,
      property: property('range'),
      message: `Property: '${property('range')}' needs to be two integers separated by a comma, the first not above the second (e.g. 0,10), not '${range}'.`,
    });
  }
  const interval = positive(property('interval'), get('interval'), problems, column) ?? 1n;
  const digits = positive(property('digits'), get('digits'), problems, column);
  if (problems.length > 0 || !bounds) return problems;
  const [min, max] = [BigInt(bounds[1]!), BigInt(bounds[2]!)]; // the range pattern's two groups take part in every match
  const text = (n: bigint) => {
    const abs = (n < 0n ? -n : n).toString();
    return digits === undefined ? n.toString() : (n < 0n ? '-' : '') + abs.padStart(Number(digits) - (n < 0n ? 1 : 0), '0');
  };
  return {
    column,
    pattern: '-?[0-9]+',
    accepts: (value) => {
      const n = BigInt(value);
      return n >= min && n <= max && (n - min) % interval === 0n && text(n) === value;
    },
  };
}

function dateProjection(column: string, property: Name, get: Get, now: DateTime): Read {
  const problems: ProjectionProblem[] = [];
  const format = get('format');
  const pattern = format === undefined ? undefined : parseDatePattern(format);
  if (format === undefined) problems.push({ column, property: property('format'), message: `Missing required property: '${property('format')}'.` });
  else if (typeof pattern === 'string')
    problems.push({
      column,
      property: property('format'),
      message: `Property: '${property('format')}' is not a date format trailsight reads ('${format}': ${pattern}).`,
    });
  const range = get('range');
  if (range === undefined) problems.push({ column, property: property('range'), message: `Missing required property: '${property('range')}'.` });
  const interval = Number(positive(property('interval'), get('interval'), problems, column) ?? 1n);
  const unitText = get('interval.unit');
  let unit: DateUnit | undefined;
  if (unitText !== undefined) {
    unit = DATE_UNITS.find((u) => u === unitText.trim().toUpperCase());
    if (!unit)
      problems.push({
        column,
        property: property('interval.unit'),
        message: `Property: '${property('interval.unit')}' needs to be one of ${DATE_UNITS.join(', ')}, not '${unitText}'.`,
      });
  }
  if (!pattern || typeof pattern === 'string' || range === undefined || problems.length > 0) return problems;
  if (!unit) {
    if (DATE_UNITS.indexOf(pattern.precision) > DATE_UNITS.indexOf('DAYS')) {
      return [
        {
          column,
          property: property('interval.unit'),
          message: `Property: '${property('interval.unit')}' needs to be set when '${property('format')}' is finer than a day ('${format}').`,
        },
      ];
    }
    unit = pattern.precision === 'DAYS' ? 'DAYS' : 'MONTHS';
  }
  const parts = range.split(',');
  const [start, end] = parts.length === 2 ? parts.map((p) => parseBound(p, pattern, now)) : [];
  if (!start || !end || start > end) {
    const rule = `two dates formatted as '${format}' or relative to NOW (e.g. NOW-3DAYS), separated by a comma, the first not after the second`;
    return [{ column, property: property('range'), message: `Property: '${property('range')}' needs to be ${rule}, not '${range}'.` }];
  }
  const step = unit;
  return {
    column,
    pattern: pattern.regex,
    accepts: (value) => {
      const date = parseDate(value, pattern);
      if (!date || formatDate(date, pattern) !== value || date < start || date > end) return false;
      return onStep(start, date, interval, step);
    },
  };
}

/** Whether `date` is `start` plus a whole number of `interval` units (the values Athena projects). */
function onStep(start: DateTime, date: DateTime, interval: number, unit: DateUnit): boolean {
  const key = unit.toLowerCase() as 'days';
  const steps = Math.round(date.diff(start, key).as(key) / interval);
  return +addUnits(start, steps * interval, unit) === +date;
}
