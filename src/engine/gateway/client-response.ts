import type { IncomingMessage, ServerResponse } from 'node:http';
import { gatewayError } from './errors';
import type { HeaderPair } from './gateway-context';
import type { ClientResponse } from './pipeline';

/** Header names lower-cased; a header sent several times is joined with ', ' (cookies with '; '). */
export function requestHeaders(req: IncomingMessage): Record<string, string> {
  const headers = new Map<string, string>();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const previous = headers.get(name);
    headers.set(name, previous === undefined ? raw[i + 1]! : `${previous}${name === 'cookie' ? '; ' : ', '}${raw[i + 1]!}`);
  }
  return Object.fromEntries(headers);
}

export function asClientResponse(response: { status: number; headers: Record<string, string>; body: string }): ClientResponse {
  return { status: response.status, headers: Object.entries(response.headers), body: response.body };
}

/** A HEAD request gets the headers and no body. */
function send(res: ServerResponse, response: ClientResponse, head: boolean): void {
  const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  const headers: HeaderPair[] = [...response.headers, ['content-length', String(body.length)]];
  res.writeHead(response.status, headers.flat());
  res.end(head ? undefined : body);
}

/**
 * Writes the answer. A function's header that HTTP cannot carry (a line break, a non-Latin-1
 * character, a bad name) makes the response malformed: 502 BadResponse.
 */
export function writeClientResponse(res: ServerResponse, response: ClientResponse, requestId: string, head: boolean): void {
  if (res.headersSent || res.destroyed) return void res.end();
  try {
    send(res, response, head);
  } catch (error) {
    if (res.headersSent) return void res.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    const bad = gatewayError('BadResponse', `The function's response cannot be sent: ${reason}`, requestId);
    const response = asClientResponse(bad);
    send(res, { ...response, headers: [...response.headers, ['x-fc-error-type', 'BadResponse']] }, head);
  }
}
