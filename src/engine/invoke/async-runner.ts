import { GATEWAY_ERRORS } from '../../contract/status-catalogue';
import type { QueuedTask, RunResult, RunTask } from '../async/async-queue';
import { isInvokeFailure, type InvokeResult } from '../runtime/types';
import { invokeHttpFunction, requestContextOf, type InvocationDeps } from './invoke-http';
import { hostnameOf } from '../../contract/trigger-url';
import { resolveRunnable } from './resolve-function';

/**
 * Runs one attempt of a queued invocation. An HTTP task is the stored trigger request, run again
 * through the gateway's invocation path: its policies were checked when it was accepted. An event
 * task is InvokeFunction's payload. A function error, a throttle and an internal error are
 * retried (FC retries function errors); a function that is gone never will succeed.
 */
export function createAsyncRunner(deps: InvocationDeps & { accountId: string }): RunTask {
  return async (task, signal) => {
    const result = task.kind === 'http' ? await runHttp(deps, task, signal) : await runEvent(deps, task, signal);
    if (!result)
      return {
        ok: false,
        error: `The function ${task.functionName} (${task.qualifier}) does not exist.`,
        retryable: false,
      };
    return toRunResult(result);
  };
}

function runHttp(
  deps: InvocationDeps & { accountId: string },
  task: QueuedTask & { kind: 'http' },
  signal: AbortSignal,
) {
  const { request } = task;
  const rawHost = request.headers.host;
  const host = Array.isArray(rawHost) ? rawHost[0] : rawHost;
  // The task keeps the Host the client called: its label names the trigger (if it still exists).
  const trigger = deps.store.findTriggerByUrlLabel(hostnameOf(host).split('.')[0] ?? '');
  const triggerId = trigger?.functionName === task.functionName ? trigger.triggerId : undefined;
  // The client's address is not kept with the task; the attempt comes from the engine itself.
  const context = requestContextOf(deps.accountId, triggerId, host, '127.0.0.1', new Date(task.createdTime));
  return invokeHttpFunction(deps, {
    functionName: task.functionName,
    qualifier: task.qualifier,
    request: { ...request, requestId: task.requestId, context },
    signal,
  });
}

async function runEvent(deps: InvocationDeps, task: QueuedTask & { kind: 'event' }, signal: AbortSignal) {
  const runnable = resolveRunnable(deps.store, task.functionName, task.qualifier);
  if (!runnable) return undefined;
  return deps.pool.invokeEvent(runnable.spec, task.event, task.requestId, signal);
}

function toRunResult(result: InvokeResult): RunResult {
  const { instanceId } = result;
  if (!isInvokeFailure(result)) return { ok: true, returnPayload: result.body.toString('utf8'), instanceId };
  const { status } = GATEWAY_ERRORS[result.error];
  // A runtime the engine cannot run never will: retrying only delays the Failed status.
  const retryable = (status >= 500 || status === 429) && result.error !== 'RuntimeNotSupportedLocally';
  return { ok: false, error: `${result.error}: ${result.message}`, retryable, instanceId };
}
