import type { IncomingMessage } from 'node:http';

export type BodyRead = {
  body: Buffer;
  /** The bytes sent, or at least `limit + 1` when reading stopped past the limit. */
  length: number;
  /** False when the body was left unread (too large) or the client went away. */
  complete: boolean;
};

/** A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 6.3): most GETs. */
const NO_BODY: BodyRead = Object.freeze({ body: Buffer.alloc(0), length: 0, complete: true });

/**
 * Reads the request body, but never more than `limit + 1` bytes: a declared Content-Length past
 * the limit is not read at all, and a chunked body stops being buffered once it passes. A request
 * without a body is not read: the server discards its end once it is answered.
 */
export function readBody(req: IncomingMessage, limit: number): BodyRead | Promise<BodyRead> {
  const length = req.headers['content-length'];
  // Answered in this turn: no promise for the body a GET does not have.
  if ((length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined) return NO_BODY;
  const declared = Number(length);
  if (Number.isFinite(declared) && declared > limit)
    return Promise.resolve({ body: Buffer.alloc(0), length: declared, complete: false });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (read: BodyRead) => {
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      resolve(read);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.pause();
      finish({ body: Buffer.alloc(0), length: size, complete: false });
    };
    const onEnd = () => finish({ body: Buffer.concat(chunks, size), length: size, complete: true });
    const onGone = () => finish({ body: Buffer.alloc(0), length: size, complete: false });
    req.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone);
  });
}

/** How much of an unread body is thrown away, so the client can read the answer, before the connection is cut. */
const DISCARD_LIMIT = 64 * 1024 * 1024;
const DISCARD_MS = 10_000;

/**
 * After answering a request whose body was not read (refused, or answered before it was needed):
 * what the client still sends is discarded, not buffered, up to a bound; then the connection goes.
 */
export function discardBody(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  let discarded = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, DISCARD_MS).unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT) cut();
  });
  req.on('end', () => clearTimeout(timer));
  req.on('close', () => clearTimeout(timer));
  req.resume();
}
