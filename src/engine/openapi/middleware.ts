import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { MiddlewareHandler } from 'hono';
import { OPENAPI_BODY_LIMITS } from '../../contract/openapi-body-limits';
import { parseRawQuery, verifyAcs3Headers } from '../../contract/acs3-signature';
import { FcError } from '../fc-error';
import type { NonceStore } from './nonce-store';
import type { OpenApiContext, OpenApiDeps, OpenApiEnv } from './openapi-env';
import { readSignedBody } from './request-input';
import { SIGNATURE_VALIDITY_MINUTES } from '../../contract/signature-window';

export const REQUEST_ID_HEADER = 'x-fc-request-id';

export const requestId: MiddlewareHandler<OpenApiEnv> = async (c, next) => {
  const id = randomUUID();
  c.set('requestId', id);
  c.header(REQUEST_ID_HEADER, id);
  await next();
  c.res.headers.set(REQUEST_ID_HEADER, id);
};

/** The body limit of an operation; the largest is CreateFunction/UpdateFunction's (a base64 zipFile). */
function bodyLimitFor(path: string): number {
  if (/^\/2023-03-30\/functions(\/[^/]+)?\/?$/.test(path)) return OPENAPI_BODY_LIMITS.functionBytes;
  if (/^\/2023-03-30\/functions\/[^/]+\/invocations\/?$/.test(path)) return OPENAPI_BODY_LIMITS.invokeBytes;
  return OPENAPI_BODY_LIMITS.otherBytes;
}

/** The path and query exactly as the client sent them (what the client signed). */
function rawTarget(c: OpenApiContext): { rawPath: string; rawQuery: string } {
  const raw = c.env?.incoming?.url ?? new URL(c.req.url).pathname + new URL(c.req.url).search;
  const q = raw.indexOf('?');
  return q === -1 ? { rawPath: raw, rawQuery: '' } : { rawPath: raw.slice(0, q), rawQuery: raw.slice(q + 1) };
}

/**
 * Every OpenAPI request carries an ACS3-HMAC-SHA256 signature made with the local AccessKey, and is
 * single-use. The signature, the declared body hash and the nonce are checked from the headers alone;
 * only then is the body read, against the operation's limit, and its hash compared.
 */
export function verifySignature(deps: OpenApiDeps, nonces: NonceStore): MiddlewareHandler<OpenApiEnv> {
  return async (c, next) => {
    const { rawPath, rawQuery } = rawTarget(c);
    const headers = c.env?.incoming?.headers ?? Object.fromEntries(c.req.raw.headers);
    const signed = verifyAcs3Headers(
      { method: c.req.method, rawPath, query: parseRawQuery(rawQuery), headers },
      (id) => (id === deps.credentials.accessKeyId ? deps.credentials.accessKeySecret : undefined),
    );
    if (!signed.ok) throw new FcError(signed.code, signed.message);
    claimNonce(nonces, signed.nonce, signed.signedAt);

    const incoming = c.env?.incoming;
    const stream = incoming ?? Readable.fromWeb((c.req.raw.body ?? new Blob().stream()) as never);
    const read = await readSignedBody(stream, {
      contentLength: headers['content-length'],
      limit: bodyLimitFor(c.req.path),
      contentSha256: signed.contentSha256,
      beforeReading: () => {
        if (/^100-continue$/i.test(String(headers['expect'] ?? ''))) c.env?.outgoing?.writeContinue();
      },
    });
    if (!read.ok) throw new FcError(read.code, read.message);
    c.set('rawBody', read.body);
    // @hono/node-server builds `c.req.raw` (its signal, its body) from this once the stream is read.
    if (incoming) Object.assign(incoming, { rawBody: read.body });
    await next();
  };
}

// The SDK sends a fresh x-acs-signature-nonce with every request, retries included; V3 signing requires it.
function claimNonce(nonces: NonceStore, nonce: string | undefined, signedAt: number) {
  if (!nonce)
    throw new FcError('MissingRequiredHeader', 'required HTTP header x-acs-signature-nonce was not specified');
  const claim = nonces.claim(nonce, signedAt);
  if (claim === 'used') throw new FcError('SignatureNonceUsed', 'Specified signature nonce was used already.');
  if (claim === 'full')
    throw new FcError(
      'TooManyRequestsThrottling',
      `Too many signed requests in the last ${SIGNATURE_VALIDITY_MINUTES} minutes; the engine remembers every nonce until its signature expires.`,
    );
}
