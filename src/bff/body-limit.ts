import type { ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { formatBytes } from '../contract/code-limits';
import { consoleBodyLimit } from '../contract/console-body-limits';
import { CONSOLE_ERRORS, consoleErrorMessage } from '../contract/console-errors';
import { FcError } from './fc-error';

function tooLarge(limit: number): FcError {
  const detail = `This request’s body is over ${formatBytes(limit)}.`;
  return new FcError(
    CONSOLE_ERRORS.RequestBodyTooLarge.status,
    'RequestBodyTooLarge',
    consoleErrorMessage('RequestBodyTooLarge', detail),
  );
}

/**
 * A client that asked to be told before it sends its body (`Expect: 100-continue`) is told only here,
 * after the access guard and the declared length passed (the server does not answer it on its own).
 */
function continueIfAsked(c: Context): void {
  if (c.req.header('expect')?.toLowerCase() !== '100-continue') return;
  (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing?.writeContinue();
}

/**
 * Every console API body is read here, against its route's limit, before a schema sees it: a
 * `content-length` over the limit is refused before a byte is read; otherwise bytes are counted as
 * they arrive (chunked bodies too) and reading stops at the first byte past the limit; the rest is
 * never read (the reader is released, not cancelled: that would reset the connection before the answer).
 */
export function limitConsoleBodies(): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const limit = consoleBodyLimit(c.req.path);
    if (Number(c.req.header('content-length') ?? 0) > limit) throw tooLarge(limit);

    continueIfAsked(c);
    const reader = body.getReader();
    const readChunk = () =>
      reader.read().catch(() => {
        throw new FcError(400, 'InvalidArgument', 'The request body ended before it was complete.');
      });
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (let read = await readChunk(); !read.done; read = await readChunk()) {
      size += read.value.byteLength;
      if (size > limit) {
        reader.releaseLock();
        throw tooLarge(limit);
      }
      chunks.push(read.value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    c.req.raw = new Request(c.req.raw, { body: bytes });
    await next();
  };
}
