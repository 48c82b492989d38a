import type { ProtocolRules } from '../protocols/rules.ts';
import { header, type RequestHead } from '../request.ts';
import { Refusal } from './refusal.ts';

/**
 * The checks every request passes before its body is read, so that only the endpoint's own user
 * is served: AWS SDKs and the AWS CLI send the Host they were pointed at, no `Origin`, no
 * `Sec-Fetch-*`, and their protocol's Content-Type. A web page can make a browser send requests
 * here (a form post, a `fetch` in no-cors mode, a DNS name rebound to 127.0.0.1), but never
 * without one of those giving it away.
 */
export function admit(head: RequestHead, hosts: ReadonlySet<string>, rules: ProtocolRules | undefined): void {
  const host = (header(head, 'host') ?? '').toLowerCase();
  if (!hosts.has(host))
    throw new Refusal(
      'foreign-host',
      `This endpoint answers only requests for ${[...hosts].slice(0, 3).join(', ')}; the Host header was ${JSON.stringify(host.slice(0, 100))}.`,
    );

  const origin = header(head, 'origin');
  if (origin !== undefined && !hosts.has(hostOfOrigin(origin)))
    throw new Refusal('cross-site', `Requests from web pages are refused: Origin ${JSON.stringify(origin.slice(0, 100))} is not this endpoint.`);
  const site = header(head, 'sec-fetch-site')?.toLowerCase();
  if (site === 'cross-site' || site === 'same-site') throw new Refusal('cross-site', `Requests from web pages are refused (Sec-Fetch-Site: ${site}).`);

  if (rules) checkMediaType(head, rules);
}

/** `http://127.0.0.1:4566` → `127.0.0.1:4566`; anything else (`null`, https, a path) matches no host. */
function hostOfOrigin(origin: string): string {
  const match = /^http:\/\/([^/?#@]+)$/i.exec(origin.trim());
  return match?.[1]?.toLowerCase() ?? '';
}

function checkMediaType(head: RequestHead, rules: ProtocolRules): void {
  const contentType = header(head, 'content-type');
  if (contentType === undefined) {
    if (hasBody(head)) throw new Refusal('media-type', `A request with a body needs a Content-Type: ${rules.mediaTypes.join(' or ')}.`);
    return;
  }
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase(); // split gives at least one part
  if (!rules.mediaTypes.includes(mediaType))
    throw new Refusal('media-type', `Content-Type ${JSON.stringify(contentType.slice(0, 100))} is not accepted here; send ${rules.mediaTypes.join(' or ')}.`);
}

function hasBody(head: RequestHead): boolean {
  const length = header(head, 'content-length');
  return header(head, 'transfer-encoding') !== undefined || (length !== undefined && length.trim() !== '0');
}
