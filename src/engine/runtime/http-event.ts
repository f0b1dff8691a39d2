import { isUtf8 } from 'node:buffer';
import { RESPONSE_LIMITS } from '../../contract/request-limits';
import type { BufferedHttpRequest, InvokeFailure } from './types';

const TEXT_TYPE =
  /^\s*(text\/|application\/(json|xml|javascript|x-www-form-urlencoded|graphql)\b|[^;]*\+(json|xml)\b)/i;

/**
 * The JSON event an event function receives for an HTTP trigger request (FC-REFERENCE.md).
 * Header names are canonicalised (`Content-Type`) because the real gateway, written in Go, hands
 * them over that way; multi-valued headers and query parameters are joined with commas.
 */
export function buildHttpEvent(req: BufferedHttpRequest): Buffer {
  return Buffer.from(buildHttpEventText(req));
}

/** buildHttpEvent's JSON as text: what the IPC to an event function's instance carries (always valid UTF-8). */
export function buildHttpEventText(req: BufferedHttpRequest): string {
  const headers: Record<string, string> = {};
  for (const name in req.headers) {
    const value = req.headers[name]!;
    const key = canonicalHeaderName(name);
    const joined = Array.isArray(value) ? value.join(',') : value;
    headers[key] = key in headers ? `${headers[key]},${joined}` : joined;
  }
  const queryParameters: Record<string, string> = {};
  if (req.query !== '')
    for (const [name, value] of new URLSearchParams(req.query)) {
      queryParameters[name] = name in queryParameters ? `${queryParameters[name]},${value}` : value;
    }
  const contentType = headers['Content-Type'];
  const isText = req.body.length === 0 || ((!contentType || TEXT_TYPE.test(contentType)) && isUtf8(req.body));
  const time = req.context.time ?? new Date();
  const domainName = req.context.domainName;
  const dot = domainName.indexOf('.');
  const event = {
    version: 'v1',
    rawPath: req.rawPath,
    headers,
    queryParameters,
    body: isText ? req.body.toString('utf8') : req.body.toString('base64'),
    isBase64Encoded: !isText,
    requestContext: {
      accountId: req.context.accountId,
      // Left out when absent (JSON.stringify drops an undefined value): no object spread per request.
      triggerId: req.context.triggerId || undefined,
      domainName,
      domainPrefix: dot === -1 ? domainName : domainName.slice(0, dot),
      http: {
        method: req.method.toUpperCase(),
        path: req.rawPath,
        protocol: req.context.protocol ?? 'HTTP/1.1',
        sourceIp: req.context.sourceIp,
        userAgent: headers['User-Agent'] ?? '',
      },
      requestId: req.requestId,
      // toISOString always ends in `.sssZ`: FC's time has whole seconds.
      time: `${time.toISOString().slice(0, -5)}Z`,
      timeEpoch: String(time.getTime()),
    },
  };
  return JSON.stringify(event);
}

/** Names seen before, canonicalised once: a request's dozen names would otherwise each run a regex. */
const canonicalNames = new Map<string, string>();
/** Bounds the cache: names come from clients, so not every one is kept. */
const CANONICAL_NAMES_KEPT = 1000;

export function canonicalHeaderName(name: string): string {
  const known = canonicalNames.get(name);
  if (known !== undefined) return known;
  const canonical = name
    .toLowerCase()
    .replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
  if (canonicalNames.size < CANONICAL_NAMES_KEPT) canonicalNames.set(name, canonical);
  return canonical;
}

export type HttpResponse = { statusCode: number; headers: Array<[string, string]>; body: Buffer };

/**
 * An event function's return value as the HTTP response: `{statusCode, headers, isBase64Encoded, body}`.
 * A missing statusCode means 200; a string body is sent as is, any other JSON value encoded.
 */
export function toHttpResponse(value: unknown): HttpResponse | Omit<InvokeFailure, 'logs'> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) {
    return badResponse(`The function must return an object {statusCode, headers, body}, got ${describe(value)}`);
  }
  const response = value as Record<string, unknown>;
  const statusCode = response.statusCode ?? 200;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    return badResponse(`statusCode must be an integer between 100 and 599, got ${describe(statusCode)}`);
  }
  const headers: Array<[string, string]> = [];
  const rawHeaders = response.headers ?? {};
  if (typeof rawHeaders !== 'object' || rawHeaders === null || Array.isArray(rawHeaders)) {
    return badResponse(`headers must be an object, got ${describe(rawHeaders)}`);
  }
  for (const [name, raw] of Object.entries(rawHeaders)) {
    for (const item of Array.isArray(raw) ? raw : [raw]) {
      if (item === undefined || item === null) continue;
      headers.push([name, String(item)]);
    }
  }
  const body = response.body;
  if (response.isBase64Encoded === true) {
    if (typeof body !== 'string') return badResponse('isBase64Encoded is true but body is not a string');
    // Measured before decoding: an oversized body is not copied once more.
    return checkResponseBody(base64Length(body)) ?? { statusCode, headers, body: Buffer.from(body, 'base64') };
  }
  const bytes = toBodyBuffer(body);
  return checkResponseBody(bytes.length) ?? { statusCode, headers, body: bytes };
}

/**
 * A synchronous response body past FC's 32 MB payload (`soFar`: the bytes of a body still arriving):
 * 502 BadResponse, the seed's "the function response exceeds the response limits".
 */
export function checkResponseBody(bytes: number, soFar = false): Omit<InvokeFailure, 'logs'> | undefined {
  if (bytes <= RESPONSE_LIMITS.bodyBytes) return undefined;
  const size = soFar ? `at least ${bytes}` : String(bytes);
  return badResponse(
    `The function's response body is ${size} bytes; a synchronous invocation answers at most ${RESPONSE_LIMITS.bodyBytes} bytes.`,
  );
}

function base64Length(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

/** An event invocation's return value as InvokeFunction's response body. */
export function toBodyBuffer(value: unknown): Buffer {
  if (value === undefined || value === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(value)) return value;
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === 'string') return Buffer.from(value);
  return Buffer.from(JSON.stringify(value) ?? '');
}

function badResponse(message: string): Omit<InvokeFailure, 'logs'> {
  return { error: 'BadResponse', message };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (ArrayBuffer.isView(value)) return 'binary data';
  return typeof value === 'string'
    ? `the string ${JSON.stringify(value.slice(0, 40))}`
    : typeof value === 'object'
      ? 'an object'
      : String(value);
}
