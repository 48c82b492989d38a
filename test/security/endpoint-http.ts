import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';

/** A raw HTTP request: every header as given (no Host added unless `host` is set), the body as bytes. */
export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/** Sends one request to the endpoint as a hostile client would: what is given, nothing the SDK adds. */
export function send(url: string, raw: RawRequest, options: { agent?: Agent | false } = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname.replace(/^\[|\]$/g, ''),
        port,
        method: raw.method ?? 'GET',
        path: raw.path,
        // A declared length frames the body for every method (Node sends a HEAD's body unframed otherwise).
        headers: { host: `${hostname}:${port}`, ...(raw.body?.length ? { 'content-length': String(Buffer.byteLength(raw.body)) } : {}), ...raw.headers },
        setHost: false,
        agent: options.agent ?? agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(raw.body);
  });
}

/** The AWS error code a response carries: `x-amzn-errortype`, a JSON `__type`, or a Query `<Code>`; undefined when it has none. */
export function awsErrorCode(response: RawResponse): string | undefined {
  const header = response.headers['x-amzn-errortype'];
  if (typeof header === 'string' && header) return header.split(':')[0];
  const contentType = String(response.headers['content-type'] ?? '');
  if (contentType.includes('json')) {
    try {
      const body = JSON.parse(response.text) as { __type?: unknown; code?: unknown };
      if (typeof body.__type === 'string') return body.__type.split('#').pop();
    } catch {
      return undefined;
    }
  }
  if (contentType.includes('xml')) return /<ErrorResponse>.*<Code>([^<]+)<\/Code>/s.exec(response.text)?.[1];
  return undefined;
}

/** Asserts an AWS-shaped error answer with this status and code; returns the message. */
export function assertAwsError(response: RawResponse, status: number, code?: string | RegExp): string {
  assert.equal(response.status, status, `status ${response.status} (expected ${status}): ${response.text.slice(0, 300)}`);
  const found = awsErrorCode(response);
  assert.ok(found, `not an AWS-shaped error: ${JSON.stringify(response.headers)} ${response.text.slice(0, 300)}`);
  if (typeof code === 'string') assert.equal(found, code, response.text.slice(0, 300));
  else if (code) assert.match(found, code);
  return response.text;
}

/** `http://127.0.0.1:PORT` → `PORT`. */
export function portOf(url: string): string {
  return new URL(url).port;
}
