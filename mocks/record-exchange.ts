import {
  CONSOLE_REQUEST_HEADER,
  RECORDING_DEFAULTS,
  REDACTED,
  type RecordedRequest,
} from '../src/contract/recorded-request';
import type { ResponseBody } from '../src/contract/invocation';
import { headerBytes, utf8Length } from '../src/contract/request-limits';
import { toBase64 } from './bytes';
import { recordedRequests } from './recorded-requests';

/** Redacted before a row is kept, by the engine's rules (src/engine/recording/redact.ts): credentials, cookies' values, signatures, tokens. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization']);
const SECRET_NAME = /^x-acs-|signature|security-token|access[_-]?token|^x-fc-token$/i;
const CREDENTIAL_VALUE = /^\s*(bearer|basic)\s+(\S+)/i;

function redactCookies(value: string): string {
  const names = value
    .split(';')
    .flatMap((part) => (part.includes('=') ? [part.slice(0, part.indexOf('=')).trim()] : []));
  return names.length > 0 ? names.map((name) => `${name}=${REDACTED}`).join('; ') : REDACTED;
}

function redactedHeaders(headers: Headers): Array<[string, string]> {
  return [...headers].map(([name, value]) => {
    const lower = name.toLowerCase();
    if (lower === 'cookie') return [name, redactCookies(value)];
    if (lower === 'set-cookie') return [name, redactCookies(value.split(';')[0]!)];
    const secret = SECRET_HEADERS.has(lower) || SECRET_NAME.test(lower) || CREDENTIAL_VALUE.test(value);
    return [name, secret ? REDACTED : value];
  });
}

/** The path with its query as sent, the values of signature and token parameters redacted. */
function redactedPath(url: URL): string {
  if (!url.search) return url.pathname;
  const pairs = url.search
    .slice(1)
    .split('&')
    .map((raw) => {
      const name = decodeURIComponent(raw.split('=')[0]!.replace(/\+/g, ' '));
      return SECRET_NAME.test(name) ? `${raw.split('=')[0]}=${REDACTED}` : raw;
    });
  return `${url.pathname}?${pairs.join('&')}`;
}

function bodyOf(bytes: Uint8Array, contentType: string | null): ResponseBody {
  const kept = bytes.subarray(0, RECORDING_DEFAULTS.bodyBytes);
  const extra = { ...(contentType ? { contentType } : {}), ...(kept.length < bytes.length ? { truncated: true } : {}) };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(kept);
    return { encoding: 'text', data: text, size: bytes.length, ...extra };
  } catch {
    return { encoding: 'base64', data: toBase64(kept), size: bytes.length, ...extra };
  }
}

/** The gateway's error Code (a JSON error body) or the function's x-fc-error-type. */
function errorCodeOf(response: Response, body: Uint8Array): string | undefined {
  if (response.status < 400) return undefined;
  const type = response.headers.get('x-fc-error-type');
  if (type) return type;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as { Code?: unknown; ErrorCode?: unknown };
    const code = parsed.Code ?? parsed.ErrorCode;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

export type Exchange = {
  request: Request;
  response: Response;
  startedAt: Date;
  functionName: string;
  qualifier: string;
  via: RecordedRequest['via'];
  triggerName?: string;
  domainName?: string;
  logs?: string;
};

/** Record what the mock gateway answered, in the engine's shape; the caller answers with its own copies. */
export async function recordExchange(exchange: Exchange): Promise<RecordedRequest> {
  const { request, response, startedAt } = exchange;
  const url = new URL(request.url);
  const requestBody = new Uint8Array(await request.arrayBuffer());
  const responseBody = new Uint8Array(await response.arrayBuffer());
  const headerPairs = [...request.headers] as Array<[string, string]>;
  const errorCode = errorCodeOf(response, responseBody);
  return recordedRequests.record({
    requestId: response.headers.get('x-fc-request-id') ?? crypto.randomUUID().toUpperCase(),
    time: startedAt.toISOString(),
    functionName: exchange.functionName,
    qualifier: exchange.qualifier,
    ...(exchange.triggerName ? { triggerName: exchange.triggerName } : {}),
    ...(exchange.domainName ? { domainName: exchange.domainName } : {}),
    via: exchange.via,
    method: request.method.toUpperCase(),
    path: redactedPath(url),
    sourceIp: '127.0.0.1',
    status: response.status,
    durationMs: Math.max(0, Date.now() - startedAt.getTime()),
    invocationType: request.headers.get('x-fc-invocation-type')?.toLowerCase() === 'async' ? 'async' : 'sync',
    ...(errorCode ? { errorCode } : {}),
    fromConsole: request.headers.has(CONSOLE_REQUEST_HEADER),
    request: {
      headers: redactedHeaders(request.headers),
      body: bodyOf(requestBody, request.headers.get('content-type')),
    },
    response: {
      headers: redactedHeaders(response.headers),
      body: bodyOf(responseBody, response.headers.get('content-type')),
    },
    sent: {
      headerBytes: headerBytes(headerPairs),
      pathWithQueryBytes: utf8Length(`${url.pathname}${url.search}`),
      bodyBytes: requestBody.length,
    },
    ...(exchange.logs ? { logs: exchange.logs } : {}),
  });
}
