import type { IncomingMessage } from 'node:http';

/** How much of a refused body is read and dropped, and for how long, before the connection is cut. */
const DISCARD_BYTES = 16 * 1024 * 1024;
const DISCARD_MS = 5000;

/**
 * After a request is refused before its body was read, reads and drops the rest of the body so
 * the client receives the answer: closing a connection with unread bytes resets it, and a client
 * still sending would see the reset instead of the 413. Nothing is kept; a client that sends more
 * than 16 MiB more, or takes longer than 5 s, is cut off.
 */
export function discardRest(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  let discarded = 0;
  const cutOff = () => req.socket.destroy();
  const timer = setTimeout(cutOff, DISCARD_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_BYTES) {
      clearTimeout(timer);
      cutOff();
    }
  });
  req.on('end', () => clearTimeout(timer));
  req.on('close', () => clearTimeout(timer));
  req.resume();
}
