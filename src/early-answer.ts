import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';

/** How long the connection of an early answer stays open for the client to read it. */
const LINGER_MS = 2000;

/**
 * Close the connection of an early answer (a request refused before its body was read: a bad
 * signature, a body over the limit) the way a careful server does ("lingering close"): send the
 * answer and a FIN, stop reading, and close once the client has gone or after LINGER_MS. Closing at
 * once would reset the connection with unread bytes pending, and a client busy writing its body would
 * see ECONNRESET instead of the answer; draining would read the body after all. The bff installs it
 * on every request, the engine on its OpenAPI's (the gateway discards what it does not read).
 */
export function lingerAfterEarlyAnswer(req: IncomingMessage, res: ServerResponse): void {
  // Before Node's own handler, which would drain the body or destroy the socket at once.
  res.prependListener('finish', () => {
    if (req.complete) return;
    const socket = req.socket;
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    socket.destroySoon = () => socket.end();
    // Marks the body as being consumed, so Node does not drain it, and leaves it paused: the socket
    // stops being read once the request's small buffer is full.
    req.resume().pause();
  });
}

/**
 * An answer sent before its request's body has arrived (a refusal, a bad signature, a body over the
 * limit) says `Connection: close`: the connection cannot serve another request without reading the
 * rest, so the server lingers and closes (above) instead. Both the engine's OpenAPI and the console
 * API use it; their Hono env carries the Node request as `incoming`.
 */
export const closeUnreadBody: MiddlewareHandler = async (c, next) => {
  await next();
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming && !incoming.complete) c.res.headers.set('connection', 'close');
};
