import type { QueryColumn } from '../../engine/index.ts';

/** A value as Athena prints it in GetQueryResults and the result CSV (null stays null). */
export function formatValue(value: unknown, type: string): string | null {
  if (value === null || value === undefined) return null;
  const base = type.split('(')[0]!.trim(); // split gives at least one part
  switch (base) {
    case 'timestamp':
      return typeof value === 'string' ? formatTimestamp(value, type.includes('time zone')) : String(value);
    case 'double':
    case 'real':
      return typeof value === 'number' ? javaDouble(value) : String(value);
    case 'array':
      return Array.isArray(value) ? `[${value.map((v) => formatNested(v)).join(', ')}]` : String(value);
    case 'row':
    case 'map':
      return typeof value === 'object'
        ? `{${Object.entries(value as object)
            .map(([k, v]) => `${k}=${formatNested(v)}`)
            .join(', ')}}`
        : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/**
 * A double as Java's Double.toString writes it (Trino's text of a double): plain between 10^-3 and
 * 10^7 with at least one decimal, else the shortest digits in scientific form (`1.0E10`, `1.5E-5`).
 */
export function javaDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes('.') || text.includes('e') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

function formatNested(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(formatNested).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${formatNested(v)}`)
      .join(', ')}}`;
  return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value) ? formatTimestamp(value, false) : String(value);
}

/** `2026-11-24T09:15:02.000Z` → `2026-11-24 09:15:02.000` (Athena's text form). */
function formatTimestamp(iso: string, withZone: boolean): string {
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(\.\d+)?Z?$/.exec(iso);
  if (!match) return iso;
  const text = `${match[1]} ${match[2]}${(match[3] ?? '.000').padEnd(4, '0').slice(0, 4)}`;
  return withZone ? `${text} UTC` : text;
}

const PRECISION: Readonly<Record<string, number>> = {
  varchar: 2147483647,
  bigint: 19,
  integer: 10,
  smallint: 5,
  tinyint: 3,
  double: 17,
  real: 9,
  boolean: 0,
  date: 0,
  timestamp: 3,
  json: 0,
};

/** `ResultSetMetadata.ColumnInfo` for the result's columns, as Athena describes them. */
export function columnInfo(columns: readonly QueryColumn[]) {
  return columns.map((c) => {
    const base = c.type.split('(')[0]!.trim();
    const decimal = /^decimal\((\d+),\s*(\d+)\)$/.exec(c.type);
    return {
      CatalogName: 'hive',
      SchemaName: '',
      TableName: '',
      Name: c.name,
      Label: c.name,
      Type: base,
      Precision: decimal ? Number(decimal[1]) : (PRECISION[base] ?? 0),
      Scale: decimal ? Number(decimal[2]) : 0,
      Nullable: 'UNKNOWN',
      CaseSensitive: base === 'varchar' || base === 'char' || base === 'json',
    };
  });
}

/** The CSV Athena writes to the output location: a header row, every value double-quoted, nulls empty. */
export function toCsv(columns: readonly QueryColumn[], rows: readonly (string | null)[][]): string {
  const quote = (v: string | null) => (v === null ? '' : `"${v.replaceAll('"', '""')}"`);
  return `${[columns.map((c) => quote(c.name)), ...rows.map((r) => r.map(quote))].map((line) => line.join(',')).join('\n')}\n`;
}
