/**
 * Text the page shows is cut in the SQL itself: a value longer than SHOWN_TEXT_MAX characters
 * leaves the query as its first SHOWN_TEXT_MAX characters and a `…`, so a huge log field (a 200 MB
 * user agent from a broken or hostile log writer) never leaves Athena, and every value a page
 * holds is at most SHOWN_TEXT_MAX + 1 characters. Grouping is by the cut value: values sharing
 * their first SHOWN_TEXT_MAX characters are one group, whose counts add up theirs.
 */
import { quoteNumber, quoteString } from './sql-text.ts';

/** The most characters (Unicode code points, as Trino counts them) of one text value a page shows. */
export const SHOWN_TEXT_MAX = 2000;

/** What ends a cut value. */
export const CUT_MARK = '…';

/**
 * `expr` as text the page may show: cut to SHOWN_TEXT_MAX characters and marked when longer.
 * For the dataset's text columns (QuickSight STRING, JSON, BOOLEAN: the preview's `category`
 * columns); the cast keeps booleans valid (shown as `true`/`false`, as the page shows them anyway).
 */
export function shownText(expr: string): string {
  const text = `CAST(${expr} AS varchar)`;
  const max = quoteNumber(SHOWN_TEXT_MAX);
  return `CASE WHEN length(${text}) > ${max} THEN concat(substr(${text}, 1, ${max}), ${quoteString(CUT_MARK)}) ELSE ${text} END`;
}

/**
 * `expr` as a distinct count counts it, exactly, without holding a long value whole: text over
 * SHOWN_TEXT_MAX characters becomes its first SHOWN_TEXT_MAX and its SHA-256 in hex (two such
 * values are one only if their SHA-256 are; shorter text is itself, and cannot equal a longer key).
 */
export function countedText(expr: string): string {
  const text = `CAST(${expr} AS varchar)`;
  const max = quoteNumber(SHOWN_TEXT_MAX);
  return `CASE WHEN length(${text}) > ${max} THEN concat(substr(${text}, 1, ${max}), to_hex(sha256(to_utf8(${text})))) ELSE ${text} END`;
}

/** Whether a shipped value is one the SQL cut (a value that long ending in the mark: a natural one would be shown whole). */
export function isCut(value: unknown): boolean {
  if (typeof value !== 'string' || !value.endsWith(CUT_MARK) || value.length <= SHOWN_TEXT_MAX) return false;
  let points = 0;
  for (const _ of value) points++;
  return points === SHOWN_TEXT_MAX + 1;
}

/** The note a visual holding cut values carries. */
export function cutNote(aggregated: boolean): string {
  const max = SHOWN_TEXT_MAX.toLocaleString('en-US');
  const shown = `Values longer than ${max} characters are shown cut, ending in “${CUT_MARK}”`;
  return aggregated ? `${shown}; values that share their first ${max} characters are counted together.` : `${shown}.`;
}

/** A message (an error that quotes a value) cut as values are: at most SHOWN_TEXT_MAX characters and the mark. */
export function shortMessage(text: string): string {
  const points = Array.from(text.length > 2 * SHOWN_TEXT_MAX ? text.slice(0, 2 * SHOWN_TEXT_MAX + 2) : text);
  return points.length > SHOWN_TEXT_MAX ? `${points.slice(0, SHOWN_TEXT_MAX).join('')}${CUT_MARK}` : text;
}
