import type { HttpTriggerConfig } from '../../contract/trigger';
import type { StoredTrigger } from '../store/triggers-store';

/**
 * The endpoint a request came in on: `<label>.<region>.fcapp…`, `<label>.<region>-vpc.fcapp…`, or
 * a custom domain (which Disable Internet URL and the public endpoint's APK rule do not touch).
 */
export type Endpoint = 'internet' | 'intranet' | 'customDomain';

/** What a request reaches: a trigger, or a custom domain's route in a trigger's terms (custom-domain-target.ts). */
export type TriggerTarget = Pick<StoredTrigger, 'triggerId' | 'functionName' | 'qualifier' | 'triggerConfig'>;

/** One HTTP request to a trigger URL, as every gateway policy sees it. */
export type GatewayContext = {
  /** Upper case, as sent. */
  method: string;
  /** The path after the host, still percent-encoded, without the query. */
  rawPath: string;
  /** The raw query string without the leading `?` ('' when none). */
  query: string;
  /** Lower-cased names; a header sent several times is joined with ', '. */
  headers: Record<string, string>;
  /** Every header line as sent, in order, repetitions included: what the header limits measure. */
  rawHeaders: readonly HeaderPair[];
  bodyLength: number;
  body?: Buffer;
  requestId: string;
  endpoint: Endpoint;
  trigger: HttpTriggerConfig;
  now: Date;
};

/** A response header as sent on the wire; a name may repeat (see mergeCorsHeaders). */
export type HeaderPair = [name: string, value: string];

/** A response the gateway answers itself (an error, a preflight). Header names are lower case. */
export type GatewayResponse = { status: number; headers: Record<string, string>; body: string };

export type GatewayNext = {
  next: true;
  /** Set on the request passed to the function (replacing what the client sent under that name). */
  addRequestHeaders?: Record<string, string>;
  addQuery?: Record<string, string>;
  /** Set in an application/x-www-form-urlencoded body (JWT claim pass-by). */
  addFormFields?: Record<string, string>;
  /** Added to the response before the function's own headers, which are kept too. */
  responseHeaders?: Record<string, string>;
  /** Added to the response only where the function did not set that header (default CORS). */
  defaultResponseHeaders?: Record<string, string>;
};

export type GatewayRespond = { respond: GatewayResponse };

export type GatewayResult = GatewayNext | GatewayRespond;

export const NEXT: GatewayNext = { next: true };

export function isRespond(result: GatewayResult): result is GatewayRespond {
  return 'respond' in result;
}

export function isAsyncInvocation(ctx: Pick<GatewayContext, 'headers'>): boolean {
  return ctx.headers['x-fc-invocation-type']?.trim().toLowerCase() === 'async';
}

/** The MIME type of a content-type value, lower case, without parameters. */
export function mimeType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isFormBody(ctx: Pick<GatewayContext, 'headers'>): boolean {
  return mimeType(ctx.headers['content-type']) === 'application/x-www-form-urlencoded';
}

/** The request the function receives once a step's additions are applied. */
export function applyNext(ctx: GatewayContext, next: GatewayNext): GatewayContext {
  let result = ctx;
  if (next.addRequestHeaders) {
    const added = Object.fromEntries(Object.entries(next.addRequestHeaders).map(([k, v]) => [k.toLowerCase(), v]));
    result = { ...result, headers: { ...result.headers, ...added } };
  }
  if (next.addQuery) {
    const params = new URLSearchParams(result.query);
    for (const [name, value] of Object.entries(next.addQuery)) params.set(name, value);
    result = { ...result, query: params.toString() };
  }
  // Unconfirmed: the real service's claim pass-by to a form when the body is not a form; we only
  // set fields in a body that already is application/x-www-form-urlencoded.
  if (next.addFormFields && isFormBody(result)) {
    const params = new URLSearchParams(result.body?.toString('utf8') ?? '');
    for (const [name, value] of Object.entries(next.addFormFields)) params.set(name, value);
    const body = Buffer.from(params.toString(), 'utf8');
    result = { ...result, body, bodyLength: body.length };
  }
  return result;
}
