/**
 * Text from logs, file names, specs and AWS as it may be shown on a terminal. A CloudTrail user
 * agent, a request parameter or a log file's name can hold ESC (`\x1b[2J` clears the screen, other
 * sequences move the cursor, retitle the window or hide text), a carriage return that overwrites
 * the line before it, C1 controls some terminals obey, or bidirectional overrides that show text
 * in another order than it is (`\u202e`). Every one of them becomes a visible escape.
 */

/** C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional marks, embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const UNSAFE_KEEPING_LINES = /(?!\n)[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
/** What `JSON.stringify` leaves raw: all but C0 (escaped in strings; outside them, only the layout's line breaks). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value (a field, a file name, a message part) for a terminal: every control character escaped, line breaks too. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** Text of several lines for a terminal (a message, a report): as `terminalText`, but `\n` stays a line break. */
export function terminalLines(text: string): string {
  return text.replace(UNSAFE_KEEPING_LINES, visible);
}

/**
 * JSON text for a terminal, still the same JSON: `JSON.stringify` escapes C0 controls but leaves
 * DEL, C1 and the bidirectional characters as they are; here they become `\uXXXX` escapes (which
 * can only occur inside strings, so the value read back is unchanged).
 */
export function terminalJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (char) => `\\u${hex(char, 4)}`);
}

/** `\n`, `\r`, `\t`; `\x1b`, `\x9b` up to 0xff; `\u202e` above. */
function visible(char: string): string {
  const code = char.codePointAt(0)!;
  return Object.hasOwn(NAMED, char) ? NAMED[char]! : code <= 0xff ? `\\x${hex(char, 2)}` : `\\u${hex(char, 4)}`;
}

function hex(char: string, digits: number): string {
  return char.codePointAt(0)!.toString(16).padStart(digits, '0');
}
