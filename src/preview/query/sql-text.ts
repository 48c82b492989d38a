/**
 * Athena (Trino) SQL text for the preview's queries: names and strings quoted by the one quoting
 * module (src/sql/text), so that any text — CloudTrail's included — stays data; numbers, date-times
 * and LIKE patterns as literals.
 */
import { likeLiteral, quoteIdentifier, quoteString } from '../../sql/text/quote.ts';

export { quoteIdentifier, quoteString };

/** A number as a SQL literal; refuses NaN and infinities, which have no literal. */
export function quoteNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

/** A date-time (`YYYY-MM-DD HH:MM:SS[.sss]`, or ISO 8601) as a TIMESTAMP literal. */
export function quoteTimestamp(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?(?:Z|[+-]00:?00| UTC)?$/.exec(value.trim());
  if (!match) throw new Error(`not a date-time: ${JSON.stringify(value)}`);
  const time = match[2] ?? '00:00:00';
  return `TIMESTAMP '${match[1]} ${time.length === 5 ? `${time}:00` : time}'`;
}

/** A value for a column of the given type. */
export function quoteValue(value: string | number, type: 'category' | 'number' | 'date'): string {
  if (type === 'date') return quoteTimestamp(String(value));
  if (type === 'number') return quoteNumber(typeof value === 'number' ? value : Number(value));
  return quoteString(String(value));
}

/** A LIKE pattern matching `value` literally, with `\` as the escape character. */
export function likePattern(value: string, where: 'contains' | 'starts' | 'ends'): string {
  const literal = likeLiteral(value);
  const pattern = where === 'contains' ? `%${literal}%` : where === 'starts' ? `${literal}%` : `%${literal}`;
  return `${quoteString(pattern)} ESCAPE '\\'`;
}
