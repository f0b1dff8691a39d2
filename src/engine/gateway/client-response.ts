import type { IncomingMessage, ServerResponse } from 'node:http';
import { gatewayError } from './errors';
import type { HeaderPair } from './gateway-context';
import type { ClientResponse } from './pipeline';

/**
 * Header names lower-cased; a header sent several times is joined with ', ' (cookies with '; ').
 * Built as an object directly (a Map turned into one cost three times as much); a header named
 * `__proto__` is defined as an own property, as any other.
 */
export function requestHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    const previous = Object.hasOwn(headers, name) ? headers[name] : undefined;
    const joined = previous === undefined ? value : `${previous}${name === 'cookie' ? '; ' : ', '}${value}`;
    if (name === '__proto__') Object.defineProperty(headers, name, { value: joined, ...OWN });
    else headers[name] = joined;
  }
  return headers;
}

const OWN = { enumerable: true, writable: true, configurable: true } as const;

/** The header lines as sent, names as the client spelled them. */
export function requestHeaderPairs(req: IncomingMessage): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

export function asClientResponse(response: {
  status: number;
  headers: Record<string, string>;
  body: string;
}): ClientResponse {
  return { status: response.status, headers: Object.entries(response.headers), body: response.body };
}

/** The header lines as writeHead takes them (name, value, name, value…): `flat()` is several times slower. */
function flatHeaders(pairs: readonly HeaderPair[], last?: HeaderPair): string[] {
  const flat: string[] = [];
  for (const [name, value] of pairs) flat.push(name, value);
  if (last) flat.push(last[0], last[1]);
  return flat;
}

/** A HEAD request gets the headers and no body. */
function send(res: ServerResponse, response: ClientResponse, head: boolean): void {
  const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  res.writeHead(response.status, flatHeaders(response.headers, ['content-length', String(body.length)]));
  res.end(head ? undefined : body);
}

/**
 * Writes the answer. A function's header that HTTP cannot carry (a line break, a non-Latin-1
 * character, a bad name) makes the response malformed: 502 BadResponse.
 */
export function writeClientResponse(
  res: ServerResponse,
  response: ClientResponse,
  requestId: string,
  head: boolean,
): void {
  if (res.headersSent || res.destroyed) return void res.end();
  try {
    send(res, response, head);
  } catch (error) {
    sendMalformed(res, error, requestId, head);
  }
}

/**
 * Starts a streamed answer: the status and headers go out at once, the body follows as the
 * function sends it (chunked: the function's Content-Length is not taken). False when a header
 * cannot be carried: 502 BadResponse was answered instead.
 */
export function startClientResponse(
  res: ServerResponse,
  response: Omit<ClientResponse, 'body'>,
  requestId: string,
  head: boolean,
): boolean {
  try {
    res.writeHead(response.status, flatHeaders(response.headers));
    res.flushHeaders();
    return true;
  } catch (error) {
    sendMalformed(res, error, requestId, head);
    return false;
  }
}

function sendMalformed(res: ServerResponse, error: unknown, requestId: string, head: boolean): void {
  if (res.headersSent) return void res.destroy();
  const reason = error instanceof Error ? error.message : String(error);
  const bad = asClientResponse(
    gatewayError('BadResponse', `The function's response cannot be sent: ${reason}`, requestId),
  );
  send(res, { ...bad, headers: [...bad.headers, ['x-fc-error-type', 'BadResponse']] }, head);
}
