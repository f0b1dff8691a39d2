import type { IncomingMessage } from 'node:http';

/** The client a gateway process forwarded a request for: the primary's socket is the internal hop's. */
const forwardedFrom = new WeakMap<IncomingMessage, string>();

/** The address of the client that sent `req` (the one a gateway process forwarded it for, if it did). */
export function clientAddressOf(req: IncomingMessage): string | undefined {
  return forwardedFrom.get(req) ?? req.socket.remoteAddress;
}

export function setForwardedClient(req: IncomingMessage, address: string): void {
  forwardedFrom.set(req, address);
}
