import type { AsyncQueue } from '../async/async-queue';
import { asClientResponse } from './client-response';
import { gatewayError } from './errors';
import type { GatewayContext, TriggerTarget } from './gateway-context';
import { mergeCorsHeaders } from './cors';
import type { ClientResponse, ResponseHeaderPlan } from './pipeline';

/**
 * `X-Fc-Invocation-Type: Async`: the request (as the function will receive it) is committed to
 * the queue before the 202 is written, so an accepted invocation survives a kill -9.
 */
export function acceptAsync(
  queue: AsyncQueue,
  trigger: TriggerTarget,
  ctx: GatewayContext,
  invoke: GatewayContext,
  plan: ResponseHeaderPlan,
): ClientResponse {
  const { method, rawPath, query, headers, requestId } = invoke;
  const accepted = queue.enqueue({
    functionName: trigger.functionName,
    qualifier: trigger.qualifier,
    taskId: ctx.headers['x-fc-async-task-id'],
    requestId,
    kind: 'http',
    request: { method, rawPath, query, headers, body: invoke.body ?? Buffer.alloc(0) },
  });
  if (!accepted.ok) {
    const { code, status, message } = accepted.error;
    const refusal = gatewayError('InvalidArgument', message, requestId);
    // A reused task id (409 AsyncTaskAlreadyExists) is the queue's code: the catalogue has no row for it.
    return asClientResponse({
      ...refusal,
      status,
      body: JSON.stringify({ Code: code, Message: message, RequestId: requestId }),
    });
  }
  return {
    status: 202,
    headers: [
      ...mergeCorsHeaders(plan, []),
      ['x-fc-request-id', requestId],
      ['x-fc-async-task-id', accepted.value.taskId],
    ],
    body: '',
  };
}
