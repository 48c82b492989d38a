import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { GlueTable } from '../../glue/keys.ts';
import { tableLocation } from '../table-location.ts';
import escapeRegex from 'escape-string-regexp';
import { columnProjection, type ColumnProjection, type ProjectionProblem } from './columns.ts';

export type { ProjectionProblem } from './columns.ts';

/** The files of a table with partition projection: those under the partitions Athena projects. */
export interface ProjectedFiles {
  /** Names the projection's configuration (not its evaluation: `NOW` moving keeps the key). */
  key: string;
  /** The partition values of the file at `relativePath` (below the table's root, `/`-separated), or undefined when Athena never reads it. */
  partitionOf(relativePath: string): Record<string, string> | undefined;
  accepts(relativePath: string): boolean;
  /** The verdict on every file directly in the folder at `relativeFolder`: the partitions are folders. */
  acceptsFolder(relativeFolder: string): boolean;
}

export type TableFiles =
  /** No projection (`projection.enabled` absent or false): every file under the location, as before Glue partitions existed here. */
  | { kind: 'location' }
  | { kind: 'projected'; files: ProjectedFiles }
  /** Projection properties Athena would refuse: a query on the table fails. */
  | { kind: 'invalid'; problems: ProjectionProblem[] };

const TEMPLATE = 'storage.location.template';
const PLACEHOLDER = /\$\{([^}]*)\}/g;

/**
 * Which files under the table's root (see `tableLocation`) Athena reads, from the table's
 * `projection.*` properties and `storage.location.template` (default: `<location>/col=${col}/…`),
 * with `NOW` in date ranges read as `now`. Pure: a function of the table and the time.
 */
export function tableFiles(table: Pick<GlueTable, 'Parameters' | 'PartitionKeys' | 'StorageDescriptor'>, now: Date): TableFiles {
  const parameters = table.Parameters ?? {};
  const columns = (table.PartitionKeys ?? []).map((k) => k.Name.toLowerCase());
  if (parameters['projection.enabled']?.trim().toLowerCase() !== 'true' || columns.length === 0) return { kind: 'location' };
  const root = tableLocation(table) ?? '';
  const template = parameters[TEMPLATE] ?? `${root.replace(/\/?$/, '/')}${columns.map((c) => `${c}=\${${c}}`).join('/')}`;
  const relative = template.slice(root.length).replace(/^\//, '').replace(/\/$/, '');

  const problems: ProjectionProblem[] = [];
  const projections = new Map<string, ColumnProjection>();
  const clock = DateTime.fromJSDate(now, { zone: 'utc' });
  for (const column of columns) {
    const read = columnProjection(column, parameters, clock);
    if (Array.isArray(read)) problems.push(...read);
    else projections.set(column, read);
  }
  const placeholders = [...relative.matchAll(PLACEHOLDER)].map((m) => m[1]!); // PLACEHOLDER's group takes part in every match
  for (const column of columns) {
    if (!placeholders.includes(column))
      problems.push({
        property: TEMPLATE,
        message: `Partition projection location template: ${template} is missing partition column: '${column}' placeholder.`,
      });
  }
  for (const name of new Set(placeholders)) {
    if (!columns.includes(name))
      problems.push({
        property: TEMPLATE,
        message: `Partition projection location template: ${template} names '\${${name}}', which is not a partition column (${columns.join(', ')}).`,
      });
  }
  if (problems.length > 0) return { kind: 'invalid', problems };

  const body = relative
    .split(PLACEHOLDER)
    .map((part, i) => (i % 2 === 0 ? escapeRegex(part) : `(${projections.get(part)!.pattern})`))
    .join('');
  const shape = new RegExp(body === '' ? '^.+$' : `^${body}/.+$`);
  // A projection's verdict on a value, kept: a partition's value repeats in each of its files (tens of
  // thousands of files share a few hundred days), and a date's verdict costs a parse (~60 µs).
  const verdicts = new Map<string, boolean>();
  const accepts = (name: string, value: string) => {
    const key = `${name}/${value}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) verdicts.set(key, (verdict = projections.get(name)!.accepts(value)));
    return verdict;
  };
  const partitionOf = (path: string) => {
    const match = shape.exec(path);
    if (!match) return undefined;
    const values: Record<string, string> = {};
    for (const [i, name] of placeholders.entries()) {
      const value = match[i + 1];
      if (value === undefined || (values[name] !== undefined && values[name] !== value) || !accepts(name, value)) return undefined;
      values[name] = value;
    }
    return values;
  };
  const configuration = Object.entries(parameters)
    .filter(([k]) => k.startsWith('projection.'))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const key = createHash('sha256')
    .update(JSON.stringify([template, configuration]))
    .digest('hex')
    .slice(0, 16);
  // The template's last placeholder is a folder (`${body}/…`): a file's folder alone decides.
  const acceptsFolder = (folder: string) => partitionOf(folder === '' ? '_' : `${folder}/_`) !== undefined;
  return { kind: 'projected', files: { key, partitionOf, accepts: (path) => partitionOf(path) !== undefined, acceptsFolder } };
}

/** Athena's failure for a table whose projection it cannot read, naming the table and each property at fault. */
export function projectionFailure(table: string, problems: readonly ProjectionProblem[]): string {
  const lines = problems.map((p) => (p.column ? `Column projection for column '${p.column}' failed. ${p.message}` : p.message));
  return `INVALID_TABLE_PROPERTY: Table ${table}: ${lines.join(' ')}`;
}
