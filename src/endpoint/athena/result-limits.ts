/**
 * What the endpoint keeps of one query's result. Log files come from anywhere, and a value a query
 * returns is copied several times on its way out (the stored result, the CSV, each GetQueryResults
 * page), so each row and each result is bounded before any of that:
 * - a row: Athena's own limit, "the size of a single row or its columns cannot exceed 32 MB", a
 *   hard limit of the service (Considerations and limitations for SQL queries in Amazon Athena,
 *   https://docs.aws.amazon.com/athena/latest/ug/other-notable-limitations.html). AWS documents no
 *   message for it: the query fails with the one below;
 * - a result: 64 MiB of text, the endpoint's own bound (Athena writes results of any size to S3).
 *   Escaped as JSON (at most 6 characters a byte) it stays under V8's longest string (2^29 - 24
 *   characters), so no text form of a result can fail to be built;
 * - a failure's message: 4,096 characters (DuckDB quotes the value it could not read, whole).
 */
import type { QueryColumn } from '../../engine/index.ts';
import { formatValue } from './result-format.ts';

export const MAX_ROW_BYTES = 32 * 1024 * 1024;
export const MAX_RESULT_BYTES = 64 * 1024 * 1024;
export const MAX_MESSAGE_CHARS = 4096;

/** A result the endpoint will not keep: the query fails, as the caller's to change (a user error). */
export class ResultLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResultLimitError';
  }
}

/** The rows as Athena's text (formatValue), each row and the whole checked against the limits as they are formatted. */
export function boundedRows(columns: readonly QueryColumn[], rows: readonly unknown[][]): (string | null)[][] {
  let total = 0;
  return rows.map((row, r) => {
    let size = 0;
    let largest = { column: 0, bytes: 0 };
    const values = row.map((value, i) => {
      const text = formatValue(value, columns[i]!.type);
      const bytes = text === null ? 0 : Buffer.byteLength(text);
      if (bytes > largest.bytes) largest = { column: i, bytes };
      size += bytes;
      return text;
    });
    if (size > MAX_ROW_BYTES) {
      const name = columns[largest.column]?.name ?? `_col${largest.column}`;
      throw new ResultLimitError(
        `Row ${r + 1} of the result is ${megabytes(size)} (its column ${name} alone ${megabytes(largest.bytes)}): the size of a single row or its columns cannot exceed 32 MB in Athena. ` +
          `Select a part of the long values, e.g. substr(${name}, 1, 2000).`,
      );
    }
    total += size;
    if (total > MAX_RESULT_BYTES) {
      throw new ResultLimitError(
        `The result is over ${megabytes(MAX_RESULT_BYTES)} of text by row ${r + 1}: the local endpoint keeps at most ${megabytes(MAX_RESULT_BYTES)} of results per query. Narrow it with WHERE or LIMIT, or select fewer or shorter columns.`,
      );
    }
    return values;
  });
}

/** A failure's message as the execution keeps it: at most MAX_MESSAGE_CHARS characters, saying when it was cut. */
export function boundedMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_CHARS) return message;
  const end = /[\uD800-\uDBFF]/.test(message[MAX_MESSAGE_CHARS - 1]!) ? MAX_MESSAGE_CHARS - 1 : MAX_MESSAGE_CHARS;
  return `${message.slice(0, end)}… (cut: the message is ${message.length.toLocaleString('en-US')} characters)`;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
