import { escapeHtml } from './html-text.ts';

/**
 * Scripts only from the site's own files; the JSON data block is not executed. Styles only from
 * the stylesheet and set through the DOM (grid placement), never from markup.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The HTML document around a page's body; `body` is already-escaped markup. */
export function pageShell(input: { title: string; body: string; scripts?: readonly string[] }): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    '<link rel="stylesheet" href="assets/preview.css">',
    '</head>',
    '<body>',
    input.body,
    ...(input.scripts ?? []).map((src) => `<script src="${escapeHtml(src)}"></script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
