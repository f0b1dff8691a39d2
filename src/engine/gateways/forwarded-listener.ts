import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GATEWAY_ERRORS } from '../../contract/status-catalogue';
import { setForwardedClient } from './client-address';

/** Carries `<secret> <client address>` from a gateway process to the primary's internal listener. */
export const FORWARDED_HEADER = 'x-fc-engine-forwarded';

/** A new secret for each start: only the processes this primary forked are told it (over IPC). */
export const newForwardSecret = () => randomBytes(32).toString('hex');

export function forwardedValue(secret: string, address: string | undefined): string {
  return `${secret} ${address ?? ''}`;
}

function refuse(req: IncomingMessage, res: ServerResponse): false {
  const requestId = randomUUID();
  res.writeHead(GATEWAY_ERRORS.SignatureNotMatch.status, {
    'content-type': 'application/json',
    'x-fc-request-id': requestId,
    connection: 'close',
  });
  res.end(
    JSON.stringify({
      Code: 'SignatureNotMatch',
      Message: "This listener serves the engine's own gateway processes only.",
      RequestId: requestId,
    }),
  );
  req.resume();
  return false;
}

/**
 * The internal listener's admission: a request must carry the secret once, compared in constant
 * time; the header is then taken off (no one after sees it) and the request is served as if it
 * came from the client the gateway process names.
 */
export function admitForwarded(secret: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  const expected = Buffer.from(secret);
  return (req, res) => {
    const raw = req.rawHeaders;
    let at = -1;
    for (let i = 0; i < raw.length; i += 2) {
      if (raw[i]!.toLowerCase() !== FORWARDED_HEADER) continue;
      if (at !== -1) return refuse(req, res);
      at = i;
    }
    if (at === -1) return refuse(req, res);
    const [given = '', address = ''] = raw[at + 1]!.split(' ');
    const candidate = Buffer.from(given);
    if (candidate.length !== expected.length || !timingSafeEqual(candidate, expected)) return refuse(req, res);
    raw.splice(at, 2);
    delete req.headers[FORWARDED_HEADER];
    setForwardedClient(req, address);
    return true;
  };
}
