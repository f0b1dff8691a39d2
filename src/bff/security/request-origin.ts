import type { RequestHost } from './host-allowlist';

export type OriginRefusal = { code: 'CrossOriginRequest' | 'JsonContentTypeRequired'; detail: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** `Origin` is a browser's statement of the page that sent the request: ours is http(s)://<the Host it asked for>. */
function isOwnOrigin(origin: string, host: RequestHost): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.authority;
  } catch {
    return false; // `null` (a sandboxed frame, a file:// page) and anything unparsable
  }
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

/** Any body at all, or a declared type: an empty form still says application/x-www-form-urlencoded. */
function hasBody(headers: Headers): boolean {
  const length = headers.get('content-length');
  return headers.has('content-type') || headers.has('transfer-encoding') || (length !== null && length.trim() !== '0');
}

/**
 * A browser marks every request with the site that caused it (Sec-Fetch-Site, and Origin on anything
 * but GET/HEAD); the body of a request that changes something must also be JSON, which a page on
 * another origin cannot send without a CORS preflight, and the bff answers no preflight. Clients that
 * are not browsers (curl, scripts) send neither header and are the user's own: a page cannot make a
 * browser leave both out.
 */
export function checkRequestOrigin(
  method: string,
  path: string,
  headers: Headers,
  host: RequestHost,
): OriginRefusal | undefined {
  const changes = isStateChanging(method);
  const site = headers.get('sec-fetch-site');
  // The API is never fetched by another site, not even to read: `same-site` is another port of localhost.
  if (site !== null && (changes || isApiPath(path)) && site !== 'same-origin' && site !== 'none')
    return { code: 'CrossOriginRequest', detail: `The browser marked it Sec-Fetch-Site: ${site}.` };
  if (!changes) return undefined;
  const origin = headers.get('origin');
  if (origin !== null && !isOwnOrigin(origin, host))
    return { code: 'CrossOriginRequest', detail: `It was sent by a page on ${origin.slice(0, 200)}.` };
  if (hasBody(headers) && mediaType(headers.get('content-type')) !== 'application/json')
    return { code: 'JsonContentTypeRequired', detail: `It is a ${method.toUpperCase()} whose body is not JSON.` };
  return undefined;
}
