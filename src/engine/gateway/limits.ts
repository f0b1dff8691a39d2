import { REQUEST_LIMITS, headerBytes as countHeaderBytes } from '../../contract/request-limits';
import { respondError } from './errors';
import {
  NEXT,
  isAsyncInvocation,
  mimeType,
  type GatewayContext,
  type GatewayResult,
  type HeaderPair,
} from './gateway-context';

export const MAX_HEADER_BYTES = REQUEST_LIMITS.headerBytes;
export const MAX_HEADER_COUNT = REQUEST_LIMITS.headerCount;
export const MAX_PATH_WITH_QUERY_BYTES = REQUEST_LIMITS.pathWithQueryBytes;
export const MAX_SYNC_BODY_BYTES = REQUEST_LIMITS.syncBodyBytes;
export const MAX_ASYNC_BODY_BYTES = REQUEST_LIMITS.asyncBodyBytes;

const APK_MIME = 'application/vnd.android.package-archive';

/** Counted as the contract counts (the console's error panel measures the same way). */
export function headerBytes(headers: Record<string, string> | readonly HeaderPair[]): number {
  return countHeaderBytes(Array.isArray(headers) ? headers : Object.entries(headers));
}

export function pathWithQuery(ctx: Pick<GatewayContext, 'rawPath' | 'query'>): string {
  return ctx.query === '' ? ctx.rawPath : `${ctx.rawPath}?${ctx.query}`;
}

/** The server may stop reading a body once it passes this. */
export function bodyLimitFor(ctx: Pick<GatewayContext, 'headers'>): number {
  return isAsyncInvocation(ctx) ? MAX_ASYNC_BODY_BYTES : MAX_SYNC_BODY_BYTES;
}

/**
 * Request limits: 400 InvalidArgument past 8 KB of headers (every header line as sent, repetitions
 * included) or 1,000 header lines, 4 KB of path and query, the body limit, or an invocation type
 * sent twice.
 */
export function checkRequestLimits(ctx: GatewayContext): GatewayResult {
  const count = ctx.rawHeaders.length;
  if (count > MAX_HEADER_COUNT)
    return respondError(
      'InvalidArgument',
      `The request has ${count} headers; the limit is ${MAX_HEADER_COUNT} headers (and ${MAX_HEADER_BYTES} bytes).`,
      ctx.requestId,
    );
  const headers = headerBytes(ctx.rawHeaders);
  if (headers > MAX_HEADER_BYTES)
    return respondError(
      'InvalidArgument',
      `The request headers are ${headers} bytes (names and values); the limit is ${MAX_HEADER_BYTES} bytes.`,
      ctx.requestId,
    );
  // Unconfirmed: neither the seeds nor FC's docs say what a repeated X-Fc-Invocation-Type means.
  // Joined, `Async, Async` reads as neither value and would run synchronously; rather than guess
  // which one the client meant, the request is refused, as the Host header's rule does (RFC 9112 §3.2).
  const invocationTypes = timesSent(ctx.rawHeaders, 'x-fc-invocation-type');
  if (invocationTypes > 1)
    return respondError(
      'InvalidArgument',
      `X-Fc-Invocation-Type was sent ${invocationTypes} times; send it once, Sync or Async.`,
      ctx.requestId,
    );
  const path = Buffer.byteLength(pathWithQuery(ctx));
  if (path > MAX_PATH_WITH_QUERY_BYTES)
    return respondError(
      'InvalidArgument',
      `The request path with its query is ${path} bytes; the limit is ${MAX_PATH_WITH_QUERY_BYTES} bytes.`,
      ctx.requestId,
    );
  return checkBodyLimit(ctx, ctx.bodyLength);
}

/**
 * A request with more than one Host is refused before any trigger is looked up (RFC 9112 §3.2: a
 * server MUST answer 400). Node keeps the first in `req.headers.host` and the gateway would join
 * them: either way one trigger would be picked for a request that names two.
 */
export function checkHostHeader(rawHeaders: readonly HeaderPair[], requestId: string): GatewayResult {
  const hosts = timesSent(rawHeaders, 'host');
  if (hosts <= 1) return NEXT;
  return respondError('InvalidArgument', `The Host header was sent ${hosts} times; send it once.`, requestId);
}

function timesSent(rawHeaders: readonly HeaderPair[], lowerName: string): number {
  let times = 0;
  for (const [name] of rawHeaders) if (name.length === lowerName.length && name.toLowerCase() === lowerName) times++;
  return times;
}

/** The body limit alone: also checked while a streamed body arrives, `length` being the bytes so far. */
export function checkBodyLimit(ctx: Pick<GatewayContext, 'headers' | 'requestId'>, length: number): GatewayResult {
  const limit = bodyLimitFor(ctx);
  if (length <= limit) return NEXT;
  const kind = limit === MAX_ASYNC_BODY_BYTES ? 'an asynchronous' : 'a synchronous';
  return respondError(
    'InvalidArgument',
    `The request body is ${length} bytes; the limit for ${kind} invocation is ${limit} bytes.`,
    ctx.requestId,
  );
}

/** Hop-by-hop headers: they describe one connection, and the gateway opens its own to the function. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** What the function does not receive: `x-fc-*`, connection, keep-alive (seed 003), and other hop-by-hop headers. */
export function stripRequestHeaders(headers: Record<string, string>): Record<string, string> {
  const named = (headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => {
      const lower = name.toLowerCase();
      return !lower.startsWith('x-fc-') && !HOP_BY_HOP.has(lower) && !named.includes(lower);
    }),
  );
}

/**
 * Response headers not taken from the function (seed 003). Transfer-encoding is dropped too: the
 * gateway frames the body it sends itself.
 */
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'content-length',
  'date',
  'keep-alive',
  'server',
  'upgrade',
  'transfer-encoding',
]);

export function filterResponseHeaders(pairs: readonly HeaderPair[]): HeaderPair[] {
  return pairs.filter(([name, value]) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-fc-') || DROPPED_RESPONSE_HEADERS.has(lower)) return false;
    return !(lower === 'content-disposition' && value.trim().toLowerCase().startsWith('attachment'));
  });
}

/**
 * The function's response, before it is filtered: over 8 KB of headers is 502 BadResponse; the APK
 * MIME type is 400 on the public endpoint only ("新規に作成された HTTP トリガーは、パブリック
 * エンドポイントから APK ファイルをダウンロードできなくなります").
 */
export function checkResponseLimits(
  ctx: Pick<GatewayContext, 'endpoint' | 'requestId'>,
  functionHeaders: readonly HeaderPair[],
): GatewayResult {
  const size = headerBytes(functionHeaders);
  if (size > MAX_HEADER_BYTES)
    return respondError(
      'BadResponse',
      `The function's response headers are ${size} bytes (names and values); the limit is ${MAX_HEADER_BYTES} bytes.`,
      ctx.requestId,
    );
  const contentType = functionHeaders.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  if (ctx.endpoint === 'internet' && mimeType(contentType) === APK_MIME)
    return respondError(
      'ApkResponseForbidden',
      `The public endpoint does not serve ${APK_MIME}; use the internal endpoint or a custom domain.`,
      ctx.requestId,
    );
  return NEXT;
}
