/** A log file that could not be loaded, and why. */
export interface BadFile {
  path: string;
  reason: string;
  /** Records the file holds as far as they could be counted (0 when the file cannot be parsed). */
  records: number;
}

/**
 * What an ingest did. Counts reconcile: `recordsFound = recordsLoaded + Σ badFiles[].records`.
 * `filesScanned = filesIngested + filesSkippedUnchanged + badFiles.length + files still pending`
 * (pending only when the table is attached lazily and no query has needed them yet).
 */
export interface IngestReport {
  filesScanned: number;
  filesIngested: number;
  filesSkippedUnchanged: number;
  recordsFound: number;
  recordsLoaded: number;
  badFiles: BadFile[];
}

export function emptyReport(): IngestReport {
  return { filesScanned: 0, filesIngested: 0, filesSkippedUnchanged: 0, recordsFound: 0, recordsLoaded: 0, badFiles: [] };
}

/** Adds the ingest counts of `more` into `into` (not filesScanned / filesSkippedUnchanged, which belong to a scan). */
export function addIngest(into: IngestReport, more: IngestReport): void {
  into.filesIngested += more.filesIngested;
  into.recordsFound += more.recordsFound;
  into.recordsLoaded += more.recordsLoaded;
  into.badFiles.push(...more.badFiles);
}
