/** Text as HTML: every character that could open markup or end an attribute is an entity. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON to embed in `<script type="application/json">`: `<`, `>` and `&` as \u escapes, so no
 * text inside can close the element or open a comment; U+2028/2029 escaped for old parsers.
 * `JSON.parse` of the element's text gives back the value unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A string safe as a file name: the id's letters, digits, dot, dash and underscore; anything else as `_`. */
export function fileNameFor(id: string): string {
  const name = id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return name.length > 0 ? name : '_';
}
