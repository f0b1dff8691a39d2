import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { parseRawQuery, verifyAcs3 } from '../acs3-signature';
import { FcError } from '../fc-error';
import type { OpenApiDeps, OpenApiEnv } from './openapi-env';

export const REQUEST_ID_HEADER = 'x-fc-request-id';

export const requestId: MiddlewareHandler<OpenApiEnv> = async (c, next) => {
  const id = randomUUID();
  c.set('requestId', id);
  c.header(REQUEST_ID_HEADER, id);
  await next();
  c.res.headers.set(REQUEST_ID_HEADER, id);
};

const MB = 1024 * 1024;
/**
 * CreateFunction and UpdateFunction carry the code zip as base64 JSON (100 MB); InvokeFunction
 * carries a synchronous payload (FC's limit: 32 MB); everything else is small.
 */
function bodyLimitFor(path: string): number {
  if (/^\/2023-03-30\/functions(\/[^/]+)?\/?$/.test(path)) return 100 * MB;
  if (/^\/2023-03-30\/functions\/[^/]+\/invocations\/?$/.test(path)) return 32 * MB;
  return 6 * MB;
}

export const limitBody: MiddlewareHandler<OpenApiEnv> = (c, next) => {
  const maxSize = bodyLimitFor(c.req.path);
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new FcError('InvalidArgument', `The request body is larger than ${maxSize / MB} MB.`);
    },
  })(c, next);
};

/** The path and query exactly as the client sent them (what the client signed). */
function rawTarget(c: Parameters<MiddlewareHandler<OpenApiEnv>>[0]): { rawPath: string; rawQuery: string } {
  const raw = c.env?.incoming?.url ?? new URL(c.req.url).pathname + new URL(c.req.url).search;
  const q = raw.indexOf('?');
  return q === -1 ? { rawPath: raw, rawQuery: '' } : { rawPath: raw.slice(0, q), rawQuery: raw.slice(q + 1) };
}

/** Every OpenAPI request carries an ACS3-HMAC-SHA256 signature made with the local AccessKey. */
export function verifySignature(deps: OpenApiDeps): MiddlewareHandler<OpenApiEnv> {
  return async (c, next) => {
    const body = new Uint8Array(await c.req.arrayBuffer());
    c.set('rawBody', body);
    const { rawPath, rawQuery } = rawTarget(c);
    const headers = c.env?.incoming?.headers ?? Object.fromEntries(c.req.raw.headers);
    const result = verifyAcs3({ method: c.req.method, rawPath, query: parseRawQuery(rawQuery), headers, body }, (id) =>
      id === deps.credentials.accessKeyId ? deps.credentials.accessKeySecret : undefined,
    );
    if (!result.ok) throw new FcError(result.code, result.message);
    await next();
  };
}
