import type { GatewayErrorCode } from '../../contract/status-catalogue';
import { authenticate, type AuthDeps } from './auth/authenticate';
import { corsRequest, mergeCorsHeaders } from './cors';
import { gatewayError } from './errors';
import {
  applyNext,
  isRespond,
  NEXT,
  type GatewayContext,
  type GatewayNext,
  type GatewayResponse,
  type GatewayResult,
  type HeaderPair,
} from './gateway-context';
import { checkInternetUrl } from './internet-url';
import { checkRequestLimits, checkResponseLimits, filterResponseHeaders, stripRequestHeaders } from './limits';
import { checkMethod } from './methods';

export type RequestStep = { name: string; run: (ctx: GatewayContext) => GatewayResult | Promise<GatewayResult> };

/**
 * The order a request meets the policies, once the caller has resolved the trigger (404 without one):
 * 1. internet URL: a closed public endpoint says nothing more about the trigger;
 * 2. limits: nothing oversized is parsed further;
 * 3. CORS: a browser's preflight carries no credentials and uses OPTIONS, which the trigger may not
 *    list, so the gateway answers it before the method and auth checks would refuse it. A preflight
 *    the gateway passes on (OPTIONS allowed, or configured CORS not fully matched) meets them all;
 * 4. method; 5. authentication; then the function is invoked.
 */
export function requestSteps(deps: AuthDeps): RequestStep[] {
  return [
    { name: 'internet-url', run: checkInternetUrl },
    { name: 'limits', run: checkRequestLimits },
    { name: 'cors', run: corsRequest },
    { name: 'method', run: checkMethod },
    { name: 'auth', run: (ctx) => authenticate(ctx, deps) },
  ];
}

/** The CORS headers the response will carry, gathered from the steps. */
export type ResponseHeaderPlan = Pick<GatewayNext, 'responseHeaders' | 'defaultResponseHeaders'>;

export type RequestOutcome = { respond: GatewayResponse } | { invoke: GatewayContext; plan: ResponseHeaderPlan };

function gather(all: GatewayNext, next: GatewayNext): GatewayNext {
  const merged: GatewayNext = { next: true };
  for (const key of [
    'addRequestHeaders',
    'addQuery',
    'addFormFields',
    'responseHeaders',
    'defaultResponseHeaders',
  ] as const)
    if (all[key] || next[key]) merged[key] = { ...all[key], ...next[key] };
  return merged;
}

/** A response the gateway answers itself keeps its own headers and gets the CORS headers gathered so far. */
export function withPlan(response: GatewayResponse, plan: ResponseHeaderPlan): GatewayResponse {
  return { ...response, headers: { ...plan.defaultResponseHeaders, ...plan.responseHeaders, ...response.headers } };
}

/**
 * Runs the steps in order; the first answer ends the request. Otherwise the request to invoke is
 * the client's, without the headers the function never receives, plus what the steps added.
 * Answered in this turn when no step returns a promise (most requests): no promise and no turn of the
 * microtask queue per request for steps that answer at once.
 */
export function runRequestSteps(
  ctx: GatewayContext,
  steps: readonly RequestStep[],
): RequestOutcome | Promise<RequestOutcome> {
  let gathered: GatewayNext = NEXT;
  for (let i = 0; i < steps.length; i++) {
    const ran = steps[i]!.run(ctx);
    if (ran instanceof Promise) return runFrom(ctx, steps, i, ran, gathered);
    const next = afterStep(ran, gathered);
    if (!('next' in next)) return next;
    gathered = next;
  }
  return outcomeOf(ctx, gathered);
}

/** The rest of the steps, from one that returned a promise. */
async function runFrom(
  ctx: GatewayContext,
  steps: readonly RequestStep[],
  at: number,
  pending: Promise<GatewayResult>,
  gathered: GatewayNext,
): Promise<RequestOutcome> {
  for (let i = at; i < steps.length; i++) {
    const ran = i === at ? pending : steps[i]!.run(ctx);
    const next = afterStep(ran instanceof Promise ? await ran : ran, gathered);
    if (!('next' in next)) return next;
    gathered = next;
  }
  return outcomeOf(ctx, gathered);
}

/** A step's answer ends the request (with the CORS headers gathered so far); else what it adds is gathered. */
function afterStep(result: GatewayResult, gathered: GatewayNext): GatewayNext | RequestOutcome {
  if (isRespond(result)) return { respond: withPlan(result.respond, gathered) };
  return result === NEXT ? gathered : gather(gathered, result);
}

function outcomeOf(ctx: GatewayContext, gathered: GatewayNext): RequestOutcome {
  const invoke = applyNext({ ...ctx, headers: stripRequestHeaders(ctx.headers) }, gathered);
  const { responseHeaders, defaultResponseHeaders } = gathered;
  return { invoke, plan: { responseHeaders, defaultResponseHeaders } };
}

export type FunctionResponse = { status: number; headers: readonly HeaderPair[]; body: Buffer | string };
export type ClientResponse = { status: number; headers: HeaderPair[]; body: Buffer | string };

/**
 * Response order: the limits on what the function answered (502 BadResponse, 400 APK), the
 * headers it may not set are dropped, the CORS headers are merged, and x-fc-request-id is added.
 * `refused`: the gateway's error replaces the function's response.
 */
export function finishResponse(
  ctx: Pick<GatewayContext, 'endpoint' | 'requestId'>,
  plan: ResponseHeaderPlan,
  response: FunctionResponse,
): ClientResponse & { refused: boolean } {
  const refused = checkResponseLimits(ctx, response.headers);
  if (isRespond(refused)) {
    const error = withPlan(refused.respond, plan);
    const headers = Object.entries(error.headers);
    // Oversized headers are the function's error (502, billed), named as FC's x-fc-error-type does.
    if (error.status === 502) headers.push(['x-fc-error-type', 'BadResponse']);
    return { status: error.status, headers, body: error.body, refused: true };
  }
  const headers = mergeCorsHeaders(plan, filterResponseHeaders(response.headers));
  return {
    status: response.status,
    headers: [...headers, ['x-fc-request-id', ctx.requestId]],
    body: response.body,
    refused: false,
  };
}

/** A gateway error as a client response, with the CORS headers gathered for this request. */
export function errorResponse(
  ctx: Pick<GatewayContext, 'requestId'>,
  plan: ResponseHeaderPlan,
  code: GatewayErrorCode,
  message: string,
): ClientResponse {
  const error = withPlan(gatewayError(code, message, ctx.requestId), plan);
  return { status: error.status, headers: Object.entries(error.headers), body: error.body };
}
