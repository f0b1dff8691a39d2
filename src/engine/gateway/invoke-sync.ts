import type { IncomingMessage, ServerResponse } from 'node:http';
import { GATEWAY_ERRORS } from '../../contract/status-catalogue';
import { invokeHttpFunction, requestContextOf, servedByHeaders } from '../invoke/invoke-http';
import type { RunnableFunction } from '../invoke/resolve-function';
import type { InstancePool } from '../runtime/instance-pool';
import { isInvokeFailure, type ResponseSink } from '../runtime/types';
import type { EngineContext } from '../server';
import { startClientResponse, writeClientResponse } from './client-response';
import { isRespond, type GatewayContext, type TriggerTarget } from './gateway-context';
import { checkBodyLimit } from './limits';
import { errorResponse, finishResponse, withPlan, type ClientResponse, type ResponseHeaderPlan } from './pipeline';
import { StreamedBody } from './stream-body';
import { HangUp } from '../runtime/hang-up';
import { clientAddressOf } from '../gateways/client-address';

export type SyncInvocation = {
  req: IncomingMessage;
  res: ServerResponse;
  engine: EngineContext;
  trigger: TriggerTarget;
  /** What the trigger runs, resolved when the request came in (undefined: it is gone). */
  runnable: RunnableFunction | undefined;
  invoke: GatewayContext;
  plan: ResponseHeaderPlan;
  body: Buffer | StreamedBody;
  /** Pass a web function's response on as it arrives; otherwise it is answered whole. */
  streamResponse: boolean;
};

export type SyncDeps = { pool: InstancePool; log: (line: string) => void };

/**
 * Invokes the function and answers with its response. Undefined: nothing more to write, because
 * the response was streamed already, or the client is gone (its connection is cut if still open).
 */
export async function invokeSync(
  call: SyncInvocation,
  deps: SyncDeps,
): Promise<(ClientResponse & { logs?: string }) | undefined> {
  const { req, res, engine, trigger, invoke, body } = call;
  const plan = call.runnable
    ? { ...call.plan, responseHeaders: { ...call.plan.responseHeaders, ...servedByHeaders(call.runnable) } }
    : call.plan;
  const hangUp = new HangUp();
  const onClose = abortOnClose(res, hangUp);
  res.on('close', onClose); // removed once answered: `once` would wrap it in another closure per request
  const sourceIp = (clientAddressOf(req) ?? '').replace(/^::ffff:/, '');
  const context = requestContextOf(
    engine.credentials.accountId,
    trigger.triggerId,
    req.headers.host,
    sourceIp,
    invoke.now,
  );
  const { method, rawPath, query, headers, requestId } = invoke;
  const respondTo = call.streamResponse ? responseSink(res, invoke, plan, method === 'HEAD') : undefined;
  const request = { method, rawPath, query, headers, body, requestId, context, respondTo };
  const { functionName, qualifier } = trigger;
  let result;
  try {
    result = await invokeHttpFunction(
      { store: engine.store, pool: deps.pool },
      { functionName, qualifier, request, signal: hangUp, runnable: call.runnable },
    );
  } finally {
    res.off('close', onClose);
  }

  if (!result)
    return errorResponse(
      invoke,
      plan,
      'TriggerNotFound',
      `The trigger's ${qualifier} of ${functionName} no longer exists.`,
    );
  if (body instanceof StreamedBody && body.exceeded) {
    // The 32 MB limit, met while the body streamed to the function: the function's request was cut.
    const refused = checkBodyLimit(invoke, body.received);
    if (res.headersSent || !isRespond(refused)) return cut(res);
    const error = withPlan(refused.respond, plan);
    return { status: error.status, headers: Object.entries(error.headers), body: error.body, logs: result.logs };
  }
  if (!isInvokeFailure(result)) {
    if (result.streamed) return undefined;
    const response = finishResponse(invoke, plan, {
      status: result.statusCode,
      headers: result.headers,
      body: result.body,
    });
    return { ...response, logs: result.logs };
  }
  if (result.error === 'ClientClosedRequest' && hangUp.aborted) {
    // Nobody reads this answer; the function ran on in its instance, which is kept.
    deps.log(`[gateway] 499 ClientClosedRequest ${requestId} ${functionName}: ${result.message}`);
    return undefined;
  }
  if (res.headersSent) {
    // What a streaming proxy does: the status went out with the first bytes, so a function that
    // fails mid-response cannot become a 502 any more. The client's response is cut short instead.
    deps.log(`[gateway] ${result.error} ${requestId} ${functionName} after the response started: ${result.message}`);
    return cut(res);
  }
  const error = errorResponse(invoke, plan, result.error, result.message);
  // Function errors (the 502 rows) name their kind, as FC's x-fc-error-type does.
  if (GATEWAY_ERRORS[result.error].type === 'functionError') error.headers.push(['x-fc-error-type', result.error]);
  return { ...error, logs: result.logs };
}

/**
 * Where a web function's response goes: its status and headers meet the response rules (limits,
 * dropped headers, CORS, x-fc-request-id) before anything is sent; a refused one is answered by
 * the gateway and the function's body is not read.
 */
function responseSink(
  res: ServerResponse,
  invoke: GatewayContext,
  plan: ResponseHeaderPlan,
  head: boolean,
): ResponseSink {
  return (fn) => {
    if (res.destroyed) return undefined;
    const response = finishResponse(invoke, plan, { status: fn.statusCode, headers: fn.headers, body: '' });
    if (response.refused) return void writeClientResponse(res, response, invoke.requestId, head);
    return startClientResponse(res, response, invoke.requestId, head) ? res : undefined;
  };
}

/**
 * A client that hangs up before its answer is sent aborts the invocation. Returned, not assigned to
 * a name: under tsx (esbuild's keepNames) a named closure costs a call each time one is made.
 */
function abortOnClose(res: ServerResponse, hangUp: HangUp): () => void {
  return () => void (res.writableFinished || hangUp.abort());
}

function cut(res: ServerResponse): undefined {
  res.destroy();
  return undefined;
}
