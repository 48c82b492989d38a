/** Partition values Athena projects from a CloudTrail S3 key. */
export interface PartitionValues {
  account: string | null;
  region: string | null;
  /** The delivery day as `yyyy/MM/dd`. */
  timestamp: string | null;
}

/** `AWSLogs/[o-orgid/]<account>/CloudTrail/<region>/<yyyy>/<MM>/<dd>/<file>`, for JS and for DuckDB (RE2) alike. */
const LAYOUT_PATTERN = '(?:^|/)AWSLogs/(?:o-[a-z0-9]+/)?([^/]+)/CloudTrail/([^/]+)/(\\d{4})/(\\d{2})/(\\d{2})/[^/]+$';
const LAYOUT = new RegExp(LAYOUT_PATTERN);

/** Partition values from a file path in the S3 layout; all null when the path does not follow it. */
export function partitionOf(path: string): PartitionValues {
  const match = LAYOUT.exec(path.includes('\\') ? path.split('\\').join('/') : path);
  if (!match) return { account: null, region: null, timestamp: null };
  const [, account, region, year, month, day] = match;
  return { account, region, timestamp: `${year}/${month}/${day}` };
}

/**
 * The same partition values as SQL expressions over a path column (DuckDB evaluates them once per
 * vector when the path is constant, as it is for the rows of one file).
 */
export function partitionSql(path: string): { account: string; region: string; timestamp: string } {
  const p = `replace(${path}, '\\', '/')`;
  const group = (n: number) => `regexp_extract(${p}, '${LAYOUT_PATTERN}', ${n})`;
  const matches = `regexp_matches(${p}, '${LAYOUT_PATTERN}')`;
  return {
    account: `CASE WHEN ${matches} THEN ${group(1)} END`,
    region: `CASE WHEN ${matches} THEN ${group(2)} END`,
    timestamp: `CASE WHEN ${matches} THEN ${group(3)} || '/' || ${group(4)} || '/' || ${group(5)} END`,
  };
}

/** CloudTrail digest files (`CloudTrail-Digest/` folders, `_CloudTrail-Digest_` names) hold no events. */
export function isDigestPath(path: string): boolean {
  return /CloudTrail-Digest/.test(path);
}

const LOG_FILE = /\.(json|jsonl|ndjson)(\.gz)?$/i;

/** Whether a file name looks like a CloudTrail log file (plain or gzip JSON, JSON Lines). */
export function isLogFileName(name: string): boolean {
  return LOG_FILE.test(name);
}
