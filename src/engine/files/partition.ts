import type { TrailTableKind } from '../../cloudtrail/index.ts';

/** Partition values Athena projects from a CloudTrail S3 key. */
export interface PartitionValues {
  account: string | null;
  region: string | null;
  /** The delivery day as `yyyy/MM/dd`. */
  timestamp: string | null;
}

const keyPart = (value: string | null): string => (value === null ? '\u0001' : `=${value}`);

/**
 * A partition's key: its account, Region and day. Values are joined by NUL, which no path and no
 * spec's account or Region holds; a value is marked by `=`, null by U+0001 alone. Called for every
 * file a few times per run: `JSON.stringify` of the three cost ~0.1 s at 100 k files.
 */
export function partitionKey(p: PartitionValues): string {
  return `${keyPart(p.account)}\0${keyPart(p.region)}\0${keyPart(p.timestamp)}`;
}

/** Items grouped by their partition (`partitionKey`), in the order each partition first appears. */
export function groupByPartition<P extends PartitionValues>(items: readonly P[]): P[][] {
  const groups = new Map<string, P[]>();
  for (const item of items) {
    const key = partitionKey(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

/**
 * `AWSLogs/[o-orgid/]<account>/CloudTrail/<region>/<yyyy>/<MM>/<dd>/<file>` (`CloudTrail-Insight/` for
 * Insights events), for JS and for DuckDB (RE2) alike.
 */
const LAYOUT_PATTERN = '(?:^|/)AWSLogs/(?:o-[a-z0-9]+/)?([^/]+)/CloudTrail(?:-Insight)?/([^/]+)/(\\d{4})/(\\d{2})/(\\d{2})/[^/]+$';
const LAYOUT = new RegExp(LAYOUT_PATTERN);

/** Partition values from a file path in the S3 layout; all null when the path does not follow it. */
export function partitionOf(path: string): PartitionValues {
  const match = LAYOUT.exec(path.includes('\\') ? path.split('\\').join('/') : path);
  if (!match) return { account: null, region: null, timestamp: null };
  const [, account, region, year, month, day] = match;
  if (!account || !region || !year || !month || !day) return { account: null, region: null, timestamp: null };
  return { account, region, timestamp: `${year}/${month}/${day}` };
}

/**
 * The same partition values as SQL over a path column, in two steps so that one regular expression
 * runs per row (DuckDB evaluates these per event after an unnest, and six matches of the layout per
 * event cost a cold read ~25%): `parts` extracts every group at once (a struct of empty strings
 * when the path does not follow the layout), `values` reads the partitions from that struct.
 */
export function partitionSql(path: string, parts: string): { parts: string; values: { account: string; region: string; timestamp: string } } {
  const p = `replace(${path}, '\\', '/')`;
  const field = (name: string) => `${parts}.${name}`;
  return {
    parts: `regexp_extract(${p}, '${LAYOUT_PATTERN}', ['account', 'region', 'year', 'month', 'day'])`,
    values: {
      account: `nullif(${field('account')}, '')`,
      region: `nullif(${field('region')}, '')`,
      timestamp: `CASE WHEN ${field('year')} <> '' THEN ${field('year')} || '/' || ${field('month')} || '/' || ${field('day')} END`,
    },
  };
}

/** CloudTrail digest files (`CloudTrail-Digest/` folders, `_CloudTrail-Digest_` names) hold no events. */
export function isDigestPath(path: string): boolean {
  return /CloudTrail-Digest/.test(path);
}

/**
 * Which of a trail's tables a log file is of: Insights events are delivered to `CloudTrail-Insight/`
 * folders (`<account>_CloudTrail-Insight_<region>_…` files), everything else is the trail's events.
 */
export function tableOfPath(path: string): TrailTableKind {
  const slashed = path.includes('\\') ? path.split('\\').join('/') : path;
  return /(?:^|\/)CloudTrail-Insight\//.test(slashed) || /_CloudTrail-Insight_[^/]*$/.test(slashed) ? 'insights' : 'logs';
}

const LOG_FILE = /\.(json|jsonl|ndjson)(\.gz)?$/i;

/** Whether a file name looks like a CloudTrail log file (plain or gzip JSON, JSON Lines). */
export function isLogFileName(name: string): boolean {
  return LOG_FILE.test(name);
}
