import type { HttpTestRequest, InvocationMode, KeyValue } from '../../contract/invocation';

/** The exact request a snippet sends: the URL with its path and query, the headers, the body. */
export type OutgoingRequest = {
  method: string;
  url: URL;
  headers: Array<[name: string, value: string]>;
  body: string;
  /** curl's `-u user:password`; the fetch snippet sends it as `Authorization: Basic`. */
  basicAuth?: { username: string; password: string };
  /** Comment lines at the top of the snippet (validity of a signature, a missing credential). */
  notes: string[];
};

/** Decided by the URL and the transport: a test request that set them would break the call. */
const TRANSPORT_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/** The SDK's (and the gateway verifier's) encoding: encodeURIComponent plus ! ' ( ) *. */
export function acsEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function rawQuery(query: readonly KeyValue[]): string {
  return query
    .filter((q) => q.key !== '')
    .map((q) => `${acsEncode(q.key)}=${acsEncode(q.value)}`)
    .join('&');
}

export function hasHeader(request: Pick<OutgoingRequest, 'headers'>, name: string): boolean {
  return request.headers.some(([n]) => n.toLowerCase() === name.toLowerCase());
}

/**
 * The test request against one endpoint. Without a Content-Type, curl would send a body as
 * application/x-www-form-urlencoded, so the body type names one.
 */
export function outgoingRequest(endpoint: string, request: HttpTestRequest, mode: InvocationMode): OutgoingRequest {
  const url = new URL(endpoint);
  url.pathname = request.path; // percent-encodes what a path cannot hold, as a browser would
  url.search = rawQuery(request.query);
  const headers = request.headers
    .filter(({ key }) => !TRANSPORT_HEADERS.has(key.toLowerCase()) && key.toLowerCase() !== 'x-fc-invocation-type')
    .map(({ key, value }): [string, string] => [key, value]);
  const outgoing: OutgoingRequest = { method: request.method, url, headers, body: request.body, notes: [] };
  if (request.body !== '' && !hasHeader(outgoing, 'content-type'))
    headers.push(['content-type', request.bodyType === 'json' ? 'application/json' : 'text/plain']);
  // The seed's asynchronous call: curl -H "X-Fc-Invocation-Type: Async" <endpoint>
  if (mode === 'async') headers.push(['X-Fc-Invocation-Type', 'Async']);
  return outgoing;
}
