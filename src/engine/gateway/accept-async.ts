import type { AsyncTask } from '../../contract/async-task';
import type { AsyncResult, EnqueueInput } from '../async/async-queue';
import { asClientResponse } from './client-response';
import { gatewayError } from './errors';
import type { GatewayContext, TriggerTarget } from './gateway-context';
import { mergeCorsHeaders } from './cors';
import type { ClientResponse, ResponseHeaderPlan } from './pipeline';

/**
 * What takes an async invocation: the primary's queue, or a gateway process's intake that commits
 * it with its own connection (gateways/async-intake.ts). Either resolves once the task is on disk.
 */
export type AsyncIntake = {
  enqueue(input: EnqueueInput): Promise<AsyncResult<Pick<AsyncTask, 'taskId'>>>;
};

/**
 * `X-Fc-Invocation-Type: Async`: the request (as the function will receive it) is committed to
 * the queue (in a group with the others of the same moment) before the 202 is written, so an accepted invocation survives a kill -9.
 */
export async function acceptAsync(
  queue: AsyncIntake,
  trigger: TriggerTarget,
  ctx: GatewayContext,
  invoke: GatewayContext,
  plan: ResponseHeaderPlan,
): Promise<ClientResponse> {
  const { method, rawPath, query, headers, requestId } = invoke;
  const accepted = await queue.enqueue({
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
