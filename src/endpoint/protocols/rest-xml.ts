import type { ServerResponse } from 'node:http';
import type { ServiceError } from '../errors.ts';
import { parentElement, textElement } from './xml.ts';

/** A REST-XML answer (S3): `<?xml …?>` and the document. */
export function writeRestXml(response: ServerResponse, xml: string, requestId: string, status = 200): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
  response.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': requestId, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/** S3's error document: `<Error><Code>NoSuchBucket</Code><Message>…</Message>…<RequestId>…</RequestId></Error>`. */
export function writeRestXmlError(response: ServerResponse, error: ServiceError, requestId: string): void {
  const fields = Object.entries(error.fields).map(([name, value]) => textElement(name, String(value)));
  const xml = parentElement('Error', [textElement('Code', error.type), textElement('Message', error.message), ...fields, textElement('RequestId', requestId)]);
  writeRestXml(response, xml, requestId, error.status);
}
