import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_VALIDITY_MINUTES, SIGNATURE_VALIDITY_MS } from './signature-window';

/**
 * ACS3-HMAC-SHA256, built exactly as `@alicloud/openapi-core`'s `Utils.getAuthorization` builds it,
 * so that the official SDK's requests verify here. Shared by the OpenAPI and by the gateway's
 * Signature Authentication; pure apart from `node:crypto`.
 */
export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

export type HeaderValue = string | string[] | undefined;

export type Acs3Request = {
  method: string;
  /** The path exactly as sent, still percent-encoded, without the query. */
  rawPath: string;
  /** Decoded query parameters, or the raw query string (without `?`). */
  query: Record<string, string | undefined> | string;
  headers: Record<string, HeaderValue>;
  body: Uint8Array;
};

export type Acs3Failure = {
  ok: false;
  code: 'MissingRequiredHeader' | 'SignatureNotMatch' | 'RequestTimeTooSkewed';
  message: string;
};
export type Acs3Result = { ok: true; accessKeyId: string } | Acs3Failure;

/** The SDK's `encode`: encodeURIComponent plus ! ' ( ) *. */
export function acs3Encode(value: string): string {
  return encodeURIComponent(value)
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/\*/g, '%2A');
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function parseRawQuery(raw: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw)) query[key] = value;
  return query;
}

function canonicalQuery(query: Acs3Request['query']): string {
  const map = typeof query === 'string' ? parseRawQuery(query) : query;
  // As the SDK does: keys sorted and left as they are, values encoded.
  return Object.keys(map)
    .sort()
    .map((key) => `${key}=${map[key] == null ? '' : acs3Encode(map[key])}`)
    .join('&');
}

function headerText(value: HeaderValue): string {
  if (value === undefined) return '';
  return Array.isArray(value)
    ? value
        .map((v) => v.trim())
        .sort()
        .join(',')
    : value.trim();
}

function lowerCaseHeaders(headers: Record<string, HeaderValue>): Record<string, HeaderValue> {
  const lower: Record<string, HeaderValue> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    const prev = lower[key];
    lower[key] = prev === undefined ? value : ([] as string[]).concat(prev, value ?? []);
  }
  return lower;
}

/** The headers the SDK signs: host, content-type and every x-acs-*. */
export function headersToSign(headers: Record<string, HeaderValue>): string[] {
  return Object.keys(lowerCaseHeaders(headers))
    .filter((k) => k === 'host' || k === 'content-type' || k.startsWith('x-acs-'))
    .sort();
}

function signatureOf(
  request: Omit<Acs3Request, 'body'>,
  signedHeaders: readonly string[],
  payloadHash: string,
  secret: string,
): string {
  const headers = lowerCaseHeaders(request.headers);
  const canonicalUri = request.rawPath.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${headerText(headers[name])}\n`).join('');
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri,
    canonicalQuery(request.query),
    canonicalHeaders,
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const stringToSign = `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}

/** `2024-05-01T08:00:00Z`, the SDK's `x-acs-date`. */
export function acs3Timestamp(now: number): string {
  return new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Sign a request as the SDK would. `headers` must hold the `host` the request will be sent with.
 * Returns the headers to send: the given ones plus x-acs-date, x-acs-content-sha256,
 * x-acs-signature-nonce and Authorization.
 */
export function signAcs3(
  request: Acs3Request,
  key: { accessKeyId: string; accessKeySecret: string },
  now: number = Date.now(),
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  headers['x-acs-date'] ??= acs3Timestamp(now);
  headers['x-acs-signature-nonce'] ??= randomBytes(16).toString('hex');
  const payloadHash = sha256Hex(request.body);
  headers['x-acs-content-sha256'] = payloadHash;
  const signed = headersToSign(headers);
  const signature = signatureOf({ ...request, headers }, signed, payloadHash, key.accessKeySecret);
  headers['Authorization'] =
    `${ACS3_ALGORITHM} Credential=${key.accessKeyId},SignedHeaders=${signed.join(';')},Signature=${signature}`;
  return headers;
}

const AUTHORIZATION_PATTERN =
  /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]*)\s*,\s*Signature=([0-9a-fA-F]+)$/;

const fail = (code: Acs3Failure['code'], message: string): Acs3Failure => ({ ok: false, code, message });

function firstValue(value: HeaderValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** What a valid signature vouches for, besides the AccessKey: the declared body hash, the nonce and the date. */
export type Acs3Signed = {
  ok: true;
  accessKeyId: string;
  /** `x-acs-content-sha256`, lower case: the body read afterwards must hash to it. */
  contentSha256: string;
  nonce: string | undefined;
  /** The request's date, ms since the epoch. */
  signedAt: number;
};

/**
 * Verify a signed request from its headers alone: the signature covers the declared
 * `x-acs-content-sha256` (the SDK always sends it), so nothing of the body needs to be read to know
 * that the request is genuine. The caller then reads the body and compares its hash.
 */
export function verifyAcs3Headers(
  request: Omit<Acs3Request, 'body'>,
  secretFor: (accessKeyId: string) => string | undefined,
  now: number = Date.now(),
): Acs3Signed | Acs3Failure {
  return verifySigned(request, secretFor, now, undefined);
}

/**
 * Verify a signed request with its body. `secretFor` answers the secret of an AccessKey ID
 * (undefined: unknown). Without `x-acs-content-sha256` the body's own hash is what was signed.
 */
export function verifyAcs3(
  request: Acs3Request,
  secretFor: (accessKeyId: string) => string | undefined,
  now: number = Date.now(),
): Acs3Result {
  const bodyHash = sha256Hex(request.body);
  const result = verifySigned(request, secretFor, now, bodyHash);
  if (!result.ok) return result;
  if (result.contentSha256 !== bodyHash)
    return fail('SignatureNotMatch', 'x-acs-content-sha256 does not match the request body.');
  return { ok: true, accessKeyId: result.accessKeyId };
}

/**
 * The Authorization's SignedHeaders name the headers that were signed; they must cover host and
 * every x-acs-* header sent, so that no signed-looking header can be changed on the way.
 */
function verifySigned(
  request: Omit<Acs3Request, 'body'>,
  secretFor: (accessKeyId: string) => string | undefined,
  now: number,
  bodyHash: string | undefined,
): Acs3Signed | Acs3Failure {
  const headers = lowerCaseHeaders(request.headers);
  const authorization = firstValue(headers['authorization'])?.trim();
  if (!authorization) return fail('MissingRequiredHeader', 'The Authorization header is required.');
  const date = firstValue(headers['x-acs-date']) ?? firstValue(headers['date']);
  if (!date) return fail('MissingRequiredHeader', 'The x-acs-date (or Date) header is required.');
  const contentSha256 = (firstValue(headers['x-acs-content-sha256']) ?? bodyHash)?.toLowerCase();
  if (contentSha256 === undefined)
    return fail('MissingRequiredHeader', 'required HTTP header x-acs-content-sha256 was not specified');

  const time = Date.parse(date);
  if (Number.isNaN(time)) return fail('RequestTimeTooSkewed', `The request date "${date}" is not a valid date.`);
  if (Math.abs(now - time) > SIGNATURE_VALIDITY_MS)
    return fail(
      'RequestTimeTooSkewed',
      `The request date is more than ${SIGNATURE_VALIDITY_MINUTES} minutes from the server time.`,
    );

  const match = AUTHORIZATION_PATTERN.exec(authorization);
  if (!match) return fail('SignatureNotMatch', 'The Authorization header is not an ACS3-HMAC-SHA256 signature.');
  const [, accessKeyId = '', signedList = '', signature = ''] = match;
  const secret = secretFor(accessKeyId);
  if (secret === undefined) return fail('SignatureNotMatch', 'The AccessKey ID is not known.');

  const signedHeaders = signedList.split(';').filter(Boolean);
  const missing = headersToSign(headers).filter((h) => h !== 'content-type' && !signedHeaders.includes(h));
  if (missing.length > 0) return fail('SignatureNotMatch', `These headers must be signed: ${missing.join(', ')}.`);
  if (signedHeaders.some((h) => headers[h] === undefined))
    return fail('SignatureNotMatch', 'A header named in SignedHeaders was not sent.');

  const payloadHash = firstValue(headers['x-acs-content-sha256']) ?? contentSha256;
  const expected = Buffer.from(signatureOf(request, signedHeaders, payloadHash, secret), 'hex');
  const given = Buffer.from(signature.toLowerCase(), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return fail(
      'SignatureNotMatch',
      'The request signature does not match. Check the AccessKey secret and how the request is signed.',
    );
  return { ok: true, accessKeyId, contentSha256, nonce: firstValue(headers['x-acs-signature-nonce']), signedAt: time };
}
