import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long the connection of an early answer stays open for the client to read it. */
const LINGER_MS = 2000;

/**
 * Close the connection of an early answer (a request refused before its body was read: a bad
 * signature, a body over the limit) the way a careful server does ("lingering close"): send the
 * answer and a FIN, stop reading, and close once the client has gone or after LINGER_MS. Closing at
 * once would reset the connection with unread bytes pending, and a client busy writing its body would
 * see ECONNRESET instead of the answer; draining would read the body after all. The engine and the
 * bff install it on every request.
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
