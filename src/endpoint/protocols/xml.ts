/** XML text: the five characters XML reserves, escaped (keys, names and messages are anyone's text). */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `<Name>text</Name>`, the text escaped; nothing for `undefined`. */
export function textElement(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<Name attr="…">…</Name>` around elements already written (never around text: see textElement). */
export function parentElement(name: string, children: readonly string[], attributes: Readonly<Record<string, string>> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return `<${name}${attrs}>${children.join('')}</${name}>`;
}
