import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GATEWAY_ERRORS } from '../../contract/status-catalogue';
import type { AsyncQueue } from '../async/async-queue';
import { logTail } from '../invoke/invoke-headers';
import { invokeHttpFunction, requestContextOf } from '../invoke/invoke-http';
import type { InstancePool } from '../runtime/instance-pool';
import { isInvokeFailure } from '../runtime/types';
import type { EngineContext, TriggerRequestHandler } from '../server';
import type { StoredTrigger } from '../store/triggers-store';
import { parseTriggerHost } from '../trigger-url';
import { acceptAsync } from './accept-async';
import { asClientResponse, requestHeaders, writeClientResponse } from './client-response';
import { gatewayError } from './errors';
import { isAsyncInvocation, isRespond, type Endpoint, type GatewayContext } from './gateway-context';
import { bodyLimitFor, checkResponseLimits } from './limits';
import { errorResponse, finishResponse, requestSteps, runRequestSteps, type ClientResponse, type ResponseHeaderPlan } from './pipeline';
import { discardBody, readBody } from './read-body';

export type GatewayDeps = {
  pool: InstancePool;
  queue: AsyncQueue;
  /** Where the gateway notes what no response can show (a client that hung up: 499). Default: console.info. */
  log?: (line: string) => void;
};

/**
 * The HTTP trigger data plane: find the trigger the Host names, read the request within its
 * limits, run the policies in order (pipeline.ts), then queue the request (async) or invoke the
 * function and answer with its response, filtered and with the CORS headers merged. Every answer
 * carries x-fc-request-id; nothing thrown escapes (500 InternalError).
 */
export function createGatewayHandler(deps: GatewayDeps): TriggerRequestHandler {
  const log = deps.log ?? ((line: string) => console.info(line));
  return async (req, res, engine) => {
    const requestId = randomUUID();
    const head = req.method === 'HEAD';
    // A client that resets mid-upload is the client's business, not an engine error.
    req.on('error', () => undefined);
    try {
      const response = await handle(req, res, engine, requestId, { ...deps, log });
      if (response) writeClientResponse(res, response, requestId, head);
      else if (!res.writableEnded) res.destroy();
    } catch (error) {
      console.error('[gateway] request failed', error);
      writeClientResponse(res, asClientResponse(gatewayError('InternalError', GATEWAY_ERRORS.InternalError.cause, requestId)), requestId, head);
    } finally {
      discardBody(req);
    }
  };
}

/** The trigger the Host names, in this engine's region, and which of its URLs was called. */
function findTrigger(req: IncomingMessage, engine: EngineContext): { trigger: StoredTrigger; endpoint: Endpoint } | undefined {
  const host = parseTriggerHost(req.headers.host);
  if (!host || host.region !== engine.region) return undefined;
  const trigger = engine.store.findTriggerByUrlLabel(host.urlLabel);
  return trigger && { trigger, endpoint: host.intranet ? 'intranet' : 'internet' };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  engine: EngineContext,
  requestId: string,
  deps: Required<GatewayDeps>,
): Promise<ClientResponse | undefined> {
  const found = findTrigger(req, engine);
  if (!found) return asClientResponse(gatewayError('TriggerNotFound', `No HTTP trigger answers ${req.headers.host ?? 'this host'}.`, requestId));

  const { trigger, endpoint } = found;
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const headers = requestHeaders(req);
  const body = await readBody(req, bodyLimitFor({ headers }));
  const ctx: GatewayContext = {
    method: (req.method ?? 'GET').toUpperCase(),
    rawPath: q === -1 ? target : target.slice(0, q),
    query: q === -1 ? '' : target.slice(q + 1),
    headers,
    bodyLength: body.length,
    body: body.body,
    requestId,
    endpoint,
    trigger: trigger.triggerConfig,
    now: new Date(),
  };
  const outcome = await runRequestSteps(ctx, requestSteps({ credentials: engine.credentials }));
  if ('respond' in outcome) return asClientResponse(outcome.respond);
  if (!body.complete) return undefined; // the client went away while sending

  const { invoke, plan } = outcome;
  if (isAsyncInvocation(ctx)) return acceptAsync(deps.queue, trigger, ctx, invoke, plan);
  const response = await invokeSync(req, res, engine, trigger, invoke, plan, deps);
  // `x-fc-log-type: Tail`, as InvokeFunction takes it: the function never sees it (an x-fc-* header).
  if (response?.logs !== undefined && wantsLogTail(ctx)) response.headers.push(['x-fc-log-result', logTail(response.logs)]);
  return response;
}

function wantsLogTail(ctx: Pick<GatewayContext, 'headers'>): boolean {
  return ctx.headers['x-fc-log-type']?.trim().toLowerCase() === 'tail';
}

async function invokeSync(
  req: IncomingMessage,
  res: ServerResponse,
  engine: EngineContext,
  trigger: StoredTrigger,
  invoke: GatewayContext,
  plan: ResponseHeaderPlan,
  deps: Required<GatewayDeps>,
): Promise<(ClientResponse & { logs?: string }) | undefined> {
  const hangUp = new AbortController();
  const onClose = () => res.writableFinished || hangUp.abort();
  res.once('close', onClose);
  const sourceIp = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const context = requestContextOf(engine.credentials.accountId, req.headers.host, sourceIp, invoke.now);
  const { method, rawPath, query, headers, requestId } = invoke;
  const request = { method, rawPath, query, headers, body: invoke.body ?? Buffer.alloc(0), requestId, context };
  const result = await invokeHttpFunction(
    { store: engine.store, pool: deps.pool },
    { functionName: trigger.functionName, qualifier: trigger.qualifier, request, signal: hangUp.signal },
  ).finally(() => res.off('close', onClose));

  if (!result) return errorResponse(invoke, plan, 'TriggerNotFound', `The trigger's ${trigger.qualifier} of ${trigger.functionName} no longer exists.`);
  if (!isInvokeFailure(result)) {
    const response = finishResponse(invoke, plan, { status: result.statusCode, headers: result.headers, body: result.body });
    const refused = checkResponseLimits(invoke, result.headers);
    if (isRespond(refused) && refused.respond.status === 502) response.headers.push(['x-fc-error-type', 'BadResponse']);
    return { ...response, logs: result.logs };
  }
  if (result.error === 'ClientClosedRequest' && hangUp.signal.aborted) {
    // Nobody reads this answer; the function ran on in its instance, which is kept.
    deps.log(`[gateway] 499 ClientClosedRequest ${requestId} ${trigger.functionName}: ${result.message}`);
    return undefined;
  }
  const error = errorResponse(invoke, plan, result.error, result.message);
  // Function errors (the 502 rows) name their kind, as FC's x-fc-error-type does.
  if (GATEWAY_ERRORS[result.error].type === 'functionError') error.headers.push(['x-fc-error-type', result.error]);
  return { ...error, logs: result.logs };
}
