import { CORS_DEFAULT_MAX_AGE, originAllowed, type CorsConfig } from '../../contract/cors-config';
import { NEXT, type GatewayContext, type GatewayNext, type GatewayResult, type HeaderPair } from './gateway-context';

/** What the real gateway sends as Access-Control-Expose-Headers (its "system default"), as captured from fcapp.run responses. */
export const FC_EXPOSE_HEADERS =
  'Date,x-fc-request-id,x-fc-error-type,x-fc-code-checksum,x-fc-invocation-duration,x-fc-max-memory-usage,x-fc-log-result,x-fc-invocation-code-version';

/** A browser's preflight: OPTIONS with an Origin and Access-Control-Request-Method. */
export function isPreflight(ctx: Pick<GatewayContext, 'method' | 'headers'>): boolean {
  return (
    ctx.method.toUpperCase() === 'OPTIONS' && !!ctx.headers.origin && !!ctx.headers['access-control-request-method']
  );
}

function requestedHeaders(ctx: GatewayContext): string[] {
  return (ctx.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
}

/** Request phase: may answer a preflight itself, and names the CORS headers of the response. */
export function corsRequest(ctx: GatewayContext): GatewayResult {
  const cors = ctx.trigger.corsConfig;
  return cors ? configuredCors(ctx, cors) : defaultCors(ctx);
}

// ---- Default CORS (no corsConfig): any origin is let in ------------------------------------

function defaultCors(ctx: GatewayContext): GatewayResult {
  const origin = ctx.headers.origin;
  if (!origin) return NEXT;
  const basic = { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
  if (isPreflight(ctx) && !(ctx.trigger.methods as readonly string[]).includes('OPTIONS')) {
    // Unconfirmed: the seeds only say cross-origin calls are allowed by default; we echo what was asked.
    const headers = requestedHeaders(ctx);
    return {
      respond: {
        status: 204,
        headers: {
          ...basic,
          'access-control-allow-methods': ctx.headers['access-control-request-method']!.toUpperCase(),
          ...(headers.length > 0 ? { 'access-control-allow-headers': headers.join(', ') } : {}),
          'x-fc-request-id': ctx.requestId,
        },
        body: '',
      },
    };
  }
  // A simple request, or a preflight the trigger lets through to the function's own OPTIONS code:
  // the defaults fill in only what the function does not set (seed 003).
  return { next: true, defaultResponseHeaders: { ...basic, 'access-control-expose-headers': FC_EXPOSE_HEADERS } };
}

// ---- API-configured CORS ---------------------------------------------------------------------

/** `*` answers with the origin itself when credentials are on: browsers refuse `*` with credentials. */
function allowOriginValue(cors: CorsConfig, origin: string): Record<string, string> {
  return cors.allowOrigins.includes('*') && !cors.allowCredentials
    ? { 'access-control-allow-origin': '*' }
    : { 'access-control-allow-origin': origin, vary: 'Origin' };
}

function basicHeaders(cors: CorsConfig, origin: string): Record<string, string> {
  return {
    ...allowOriginValue(cors, origin),
    ...(cors.allowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
  };
}

function allowedMethods(ctx: GatewayContext, cors: CorsConfig): readonly string[] {
  return cors.allowMethods ?? ctx.trigger.methods.filter((m) => m !== 'OPTIONS');
}

function configuredCors(ctx: GatewayContext, cors: CorsConfig): GatewayResult {
  const origin = ctx.headers.origin;
  if (!origin || !originAllowed(cors.allowOrigins, origin)) return NEXT;
  if (!isPreflight(ctx))
    return {
      next: true,
      responseHeaders: {
        ...basicHeaders(cors, origin),
        'access-control-expose-headers': cors.exposeHeaders?.length ? cors.exposeHeaders.join(', ') : FC_EXPOSE_HEADERS,
      },
    };

  const method = ctx.headers['access-control-request-method']!.toUpperCase();
  const methods = allowedMethods(ctx, cors);
  const asked = requestedHeaders(ctx);
  const allowHeaders = (cors.allowHeaders ?? []).map((h) => h.toLowerCase());
  const methodOk = methods.includes('*') || methods.includes(method);
  const headersOk = allowHeaders.includes('*') || asked.every((h) => allowHeaders.includes(h.toLowerCase()));
  // Origin matches but the rest does not: basic headers only, and on to the function (seed 003).
  if (!methodOk || !headersOk) return { next: true, responseHeaders: basicHeaders(cors, origin) } satisfies GatewayNext;

  // A configured `*` is answered with what was asked: the Fetch standard does not read `*` as a
  // wildcard on a request with credentials, nor ever for the Authorization header.
  const methodsValue = methods.includes('*') ? method : methods.join(', ');
  const headersValue = allowHeaders.includes('*')
    ? asked.length > 0
      ? asked.join(', ')
      : '*'
    : (cors.allowHeaders ?? []).join(', ');
  return {
    respond: {
      status: 204,
      headers: {
        ...basicHeaders(cors, origin),
        'access-control-allow-methods': methodsValue,
        ...(headersValue ? { 'access-control-allow-headers': headersValue } : {}),
        ...(cors.exposeHeaders?.length ? { 'access-control-expose-headers': cors.exposeHeaders.join(', ') } : {}),
        'access-control-max-age': String(cors.maxAge ?? CORS_DEFAULT_MAX_AGE),
        'x-fc-request-id': ctx.requestId,
      },
      body: '',
    },
  };
}

// ---- Response phase --------------------------------------------------------------------------

/**
 * Precedence (seed 003): API-configured CORS headers come first and the function's own are added
 * after them, never dropped (a browser reads the first); default CORS headers fill in only the
 * names the function did not set.
 */
export function mergeCorsHeaders(
  gateway: Pick<GatewayNext, 'responseHeaders' | 'defaultResponseHeaders'>,
  functionHeaders: readonly HeaderPair[],
): HeaderPair[] {
  const configured = Object.entries(gateway.responseHeaders ?? {});
  if (!gateway.defaultResponseHeaders) return [...configured, ...functionHeaders];
  const setByFunction = new Set(functionHeaders.map(([name]) => name.toLowerCase()));
  const defaults = Object.entries(gateway.defaultResponseHeaders ?? {}).filter(([name]) => !setByFunction.has(name));
  return [...configured, ...functionHeaders, ...defaults];
}
