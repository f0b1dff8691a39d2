import { GATEWAY_ERRORS } from '../../contract/status-catalogue';
import { openApiErrors } from '../../contract/openapi-errors';
import type { AsyncQueue } from '../async/async-queue';
import { FcError } from '../fc-error';
import { MAX_ASYNC_BODY_BYTES } from '../gateway/limits';
import { FUNCTION_PATH, type OpenApiExtension } from '../openapi/openapi-app';
import { pathParam, type OpenApiContext } from '../openapi/openapi-env';
import type { InstancePool } from '../runtime/instance-pool';
import { isInvokeFailure, type InvokeFailure } from '../runtime/types';
import { lookupQualifier } from '../store/qualifier';
import { logTail, parseInvokeInput, type InvokeInput } from './invoke-headers';
import { servedByHeaders } from './invoke-http';
import { resolveRunnable } from './resolve-function';

export type InvokeRuntime = { pool: InstancePool; queue: AsyncQueue };

/** InvokeFunction: `POST /2023-03-30/functions/{functionName}/invocations`, the raw body as the event. */
export function invokeFunctionRoutes(runtime: InvokeRuntime): OpenApiExtension {
  return (api, deps) => {
    api.post(`${FUNCTION_PATH}/invocations`, async (c) => {
      const functionName = pathParam(c, 'functionName');
      const input = parseInvokeInput(c.req.header(), c.req.query('qualifier'));
      lookupQualifier(deps.store.db, functionName, input.qualifier); // 404 for a missing function, version or alias
      const payload = Buffer.from(c.get('rawBody'));
      if (input['x-fc-invocation-type'] === 'Async') return enqueue(c, runtime.queue, functionName, input, payload);

      const runnable = resolveRunnable(deps.store, functionName, input.qualifier);
      if (!runnable) throw new FcError(...openApiErrors.functionNotFound(functionName));
      const started = Date.now();
      const result = await runtime.pool.invokeEvent(runnable.spec, payload, c.get('requestId'), c.req.raw.signal);
      const headers: Record<string, string> = {
        ...servedByHeaders(runnable),
        'x-fc-invocation-duration': String(Date.now() - started),
        ...(result.instanceId ? { 'x-fc-instance-id': result.instanceId } : {}),
        ...(input['x-fc-log-type'] === 'Tail' ? { 'x-fc-log-result': logTail(result.logs) } : {}),
      };
      if (!isInvokeFailure(result)) return c.body(new Uint8Array(result.body), 200, headers);
      return failureResponse(c, result, headers);
    });
  };
}

async function enqueue(c: OpenApiContext, queue: AsyncQueue, functionName: string, input: InvokeInput, event: Buffer) {
  if (event.length > MAX_ASYNC_BODY_BYTES)
    throw new FcError(
      'InvalidArgument',
      `The payload is ${event.length} bytes; the limit for an asynchronous invocation is ${MAX_ASYNC_BODY_BYTES} bytes.`,
    );
  const accepted = await queue.enqueue({
    functionName,
    qualifier: input.qualifier,
    taskId: input['x-fc-async-task-id'],
    requestId: c.get('requestId'),
    kind: 'event',
    event,
  });
  if (!accepted.ok) return queueErrorResponse(c, accepted.error);
  return c.body(null, 202, { 'x-fc-async-task-id': accepted.value.taskId });
}

/**
 * FC answers a function error of a synchronous InvokeFunction with 200, `x-fc-error-type:
 * UnhandledInvocationError` and the error as `{errorMessage, errorType, stackTrace}` (what the
 * runtime reports; the SDK hands it back as the body). Throttling and engine failures are API errors.
 */
function failureResponse(c: OpenApiContext, result: InvokeFailure, headers: Record<string, string>) {
  if (result.error === 'ResourceThrottled') throw new FcError('TooManyRequestsThrottling', result.message);
  if (result.error === 'InternalError') throw new FcError('InternalError', result.message);
  if (result.error === 'RuntimeNotSupportedLocally') throw new FcError('RuntimeNotSupportedLocally', result.message);
  if (result.error === 'ClientClosedRequest') return new Response(null, { status: 499 });
  const body = {
    errorMessage: result.message,
    errorType: result.errorType ?? result.error,
    ...(result.stackTrace?.length ? { stackTrace: result.stackTrace } : {}),
  };
  const errorType = GATEWAY_ERRORS[result.error].type === 'functionError' ? 'UnhandledInvocationError' : result.error;
  return c.json(body, 200, { ...headers, 'x-fc-error-type': errorType });
}

/** The queue's refusals carry their own code and status (409 for a reused task id). */
export function queueErrorResponse(c: OpenApiContext, error: { code: string; status: number; message: string }) {
  return c.json({ Code: error.code, Message: error.message, RequestId: c.get('requestId') }, error.status as 400);
}
