import { noTriggerMessage } from '../../contract/gateway-rules';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GATEWAY_ERRORS } from '../../contract/status-catalogue';
import { logTail } from '../invoke/invoke-headers';
import { resolveRunnable } from '../invoke/resolve-function';
import type { InstancePool } from '../runtime/instance-pool';
import type { GatewayRecorder, ObservedRequest } from '../recording/capture';
import type { EngineContext, TriggerRequestHandler } from '../server';
import { hostnameOf, parseTriggerHost } from '../../contract/trigger-url';
import { acceptAsync, type AsyncIntake } from './accept-async';
import { asClientResponse, requestHeaderPairs, requestHeaders, writeClientResponse } from './client-response';
import { gatewayError } from './errors';
import { customDomainTarget, withRewrittenPath, type DomainTarget } from './custom-domain-target';
import { refuseOtherProtocol } from './domain-protocol';
import {
  isAsyncInvocation,
  isRespond,
  type Endpoint,
  type GatewayContext,
  type GatewayRespond,
  type TriggerTarget,
} from './gateway-context';
import { invokeSync } from './invoke-sync';
import { bodyLimitFor, checkHostHeader } from './limits';
import { requestSteps, runRequestSteps, type ClientResponse, type RequestStep } from './pipeline';
import { discardBody, readBody } from './read-body';
import { StreamedBody, declaredBody, streamsBody } from './stream-body';

export type GatewayDeps = {
  pool: InstancePool;
  /** Where async invocations are committed (the queue in the primary, the intake in a gateway process). */
  queue: AsyncIntake;
  /** Where the gateway notes what no response can show (a client that hung up: 499). Default: console.info. */
  log?: (line: string) => void;
  /** Told of every request that reaches a function, answered or hung up (recording/). */
  recorder?: GatewayRecorder;
};

/**
 * The HTTP trigger data plane: find the trigger the Host names, read the request within its
 * limits (or let a web function's body stream), run the policies in order (pipeline.ts), then
 * queue the request (async) or invoke the function (invoke-sync.ts) and answer with its response,
 * filtered and with the CORS headers merged. Every answer carries x-fc-request-id; nothing
 * thrown escapes (500 InternalError).
 */
export function createGatewayHandler(deps: GatewayDeps): TriggerRequestHandler {
  const log = deps.log ?? ((line: string) => console.info(line));
  // The steps of an engine's credentials are made once, not as a set of closures per request.
  let made: { credentials: EngineContext['credentials']; steps: RequestStep[] } | undefined;
  const stepsOf = (engine: EngineContext) => {
    if (made?.credentials !== engine.credentials)
      made = { credentials: engine.credentials, steps: requestSteps({ credentials: engine.credentials }) };
    return made.steps;
  };
  const handleDeps: HandleDeps = { ...deps, log, stepsOf };
  return async (req, res, engine) => {
    const requestId = randomUUID();
    const head = req.method === 'HEAD';
    // A client that resets mid-upload is the client's business, not an engine error.
    req.on('error', () => undefined);
    const body: BodyState = {};
    deps.recorder?.observe(req, res, requestId, body);
    try {
      const response = await handle(req, res, engine, requestId, body, handleDeps);
      if (response) writeClientResponse(res, response, requestId, head);
      else if (!res.writableEnded) res.destroy();
    } catch (error) {
      console.error('[gateway] request failed', error);
      writeClientResponse(
        res,
        asClientResponse(gatewayError('InternalError', GATEWAY_ERRORS.InternalError.cause, requestId)),
        requestId,
        head,
      );
    } finally {
      // A body streaming to the function is its own: it ends, or discards what is left when it fails.
      if (!body.streamed?.started) discardBody(req);
    }
  };
}

/** The body, when it streams to the function rather than being read first; what the recorder reads. */
type BodyState = ObservedRequest & { streamed?: StreamedBody };

type HandleDeps = Required<Omit<GatewayDeps, 'recorder'>> & { stepsOf(engine: EngineContext): RequestStep[] };

type Target = { trigger: TriggerTarget; endpoint: Endpoint; rewritten?: DomainTarget['rewritten'] };

/** The trigger the Host names, in this engine's region, and which of its URLs was called. */
function findTrigger(req: IncomingMessage, engine: EngineContext): Target | undefined {
  const host = parseTriggerHost(req.headers.host);
  if (!host || host.region !== engine.region) return undefined;
  const trigger = engine.store.findTriggerByUrlLabel(host.urlLabel);
  return trigger && { trigger, endpoint: host.intranet ? 'intranet' : 'internet' };
}

/** Else the custom domain the Host names, and the route that serves the request (custom-domain-target.ts). */
function findDomainRoute(
  req: IncomingMessage,
  engine: EngineContext,
  request: Pick<GatewayContext, 'method' | 'rawPath' | 'headers' | 'requestId'>,
): Promise<Target | GatewayRespond> | undefined {
  const domain = engine.store.findCustomDomainForHost(hostnameOf(req.headers.host));
  if (!domain) return undefined;
  const refused = refuseOtherProtocol(domain, req, request.requestId);
  return refused ? Promise.resolve(refused) : customDomainTarget(domain, request, request.requestId);
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  engine: EngineContext,
  requestId: string,
  state: BodyState,
  deps: HandleDeps,
): Promise<ClientResponse | undefined> {
  const rawHeaders = requestHeaderPairs(req);
  const hostCheck = checkHostHeader(rawHeaders, requestId);
  if (isRespond(hostCheck)) return asClientResponse(hostCheck.respond);
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const method = (req.method ?? 'GET').toUpperCase();
  const rawPath = q === -1 ? target : target.slice(0, q);
  const headers = requestHeaders(req);
  const found =
    findTrigger(req, engine) ?? (await findDomainRoute(req, engine, { method, rawPath, headers, requestId }));
  if (!found) return asClientResponse(gatewayError('TriggerNotFound', noTriggerMessage(req.headers.host), requestId));
  if ('respond' in found) return asClientResponse(found.respond);

  const { trigger, endpoint } = (state.target = found);
  const limit = bodyLimitFor({ headers });
  const runnable = resolveRunnable(engine.store, trigger.functionName, trigger.qualifier);
  const streams = streamsBody(req, runnable?.spec.runtime, trigger.triggerConfig, headers);
  const streamed = (state.streamed = streams ? new StreamedBody(req, limit, state.keepStreamed) : undefined);
  const reading = streamed ? declaredBody(headers) : readBody(req, limit);
  const read = reading instanceof Promise ? await reading : reading;
  const ctx: GatewayContext = {
    method,
    rawPath,
    query: q === -1 ? '' : target.slice(q + 1),
    headers,
    rawHeaders,
    bodyLength: read.length,
    body: read.body,
    requestId,
    endpoint,
    trigger: trigger.triggerConfig,
    now: new Date(),
  };
  state.ctx = ctx;
  const ran = runRequestSteps(ctx, deps.stepsOf(engine));
  const outcome = ran instanceof Promise ? await ran : ran;
  if ('respond' in outcome) return asClientResponse(outcome.respond);
  if (!read.complete) return undefined; // the client went away while sending

  const { plan } = outcome;
  // A custom domain's rewrite applies to what the function receives, after auth saw the path as sent.
  const invoke = found.rewritten ? withRewrittenPath(outcome.invoke, found.rewritten) : outcome.invoke;
  if (isAsyncInvocation(ctx)) return acceptAsync(deps.queue, trigger, ctx, invoke, plan);
  // `x-fc-log-type: Tail` puts the log in a header, which exists only once the function is done:
  // such a response is answered whole. The function never sees the header (an x-fc-* header).
  const tail = wantsLogTail(ctx);
  const body = streamed ?? invoke.body ?? Buffer.alloc(0);
  const response = await invokeSync(
    { req, res, engine, trigger, runnable, invoke, plan, body, streamResponse: !tail },
    deps,
  );
  if (response?.logs !== undefined && tail) response.headers.push(['x-fc-log-result', logTail(response.logs)]);
  return response;
}

function wantsLogTail(ctx: Pick<GatewayContext, 'headers'>): boolean {
  return ctx.headers['x-fc-log-type']?.trim().toLowerCase() === 'tail';
}
