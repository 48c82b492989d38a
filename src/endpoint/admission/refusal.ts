/**
 * Why a request is refused before any service sees it. Each protocol names these with its own
 * AWS error codes (`protocols/rules.ts`); the message is the same everywhere.
 */
export type RefusalKind =
  /** The Host header is not an address the endpoint listens on (DNS rebinding). */
  | 'foreign-host'
  /** A browser request from another origin (`Origin`, `Sec-Fetch-Site`). */
  | 'cross-site'
  /** A Content-Type the service's protocol never uses (a browser form post sends text/plain). */
  | 'media-type'
  /** A body over the protocol's size limit. */
  | 'too-large'
  /** A request target that is not a path (`*`, `http://host/…`). */
  | 'bad-target'
  /** No SigV4 `Authorization` header where one is required. */
  | 'missing-signature'
  /** An `Authorization` header or date that cannot be read. */
  | 'incomplete-signature'
  /** An access key id the endpoint does not know. */
  | 'unknown-key'
  /** A signature that does not match, or a date too far from the endpoint's clock. */
  | 'bad-signature';

export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
