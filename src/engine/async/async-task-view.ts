import { ASYNC_TASK_FINAL_STATUSES, type AsyncTask } from '../../contract/async-task';
import { payloadText } from './async-payload';
import type { StoredTask } from './async-store';

/** The SDK's AsyncTask for a stored task; fields without a value are left out, as FC does. */
export function toAsyncTask(task: StoredTask, functionArn: string | undefined, includePayload: boolean): AsyncTask {
  const view: AsyncTask = {
    taskId: task.taskId,
    requestId: task.requestId,
    functionArn,
    qualifier: task.qualifier,
    status: task.status,
    startedTime: task.startedTime,
    endTime: task.endTime,
    durationMs: task.durationMs,
    alreadyRetriedTimes: task.alreadyRetriedTimes,
    events: task.events,
    returnPayload: task.returnPayload,
    taskErrorMessage: task.taskErrorMessage,
    taskPayload: includePayload && task.payload ? payloadText(task.kind, task.payload) : undefined,
    instanceId: task.instanceId,
    // The SDK: "the final state of the asynchronous task"; none until the task has one.
    destinationStatus: ASYNC_TASK_FINAL_STATUSES.includes(task.status) ? task.status : undefined,
  };
  for (const key of Object.keys(view) as (keyof AsyncTask)[]) if (view[key] === undefined) delete view[key];
  return view;
}

/** A page token: where the next page starts, opaque to clients. */
export function encodeToken(task: StoredTask): string {
  return Buffer.from(JSON.stringify([task.createdTime, task.taskId])).toString('base64url');
}

export function decodeToken(token: string): { createdTime: number; taskId: string } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [createdTime, taskId] = value as unknown[];
    if (typeof createdTime !== 'number' || typeof taskId !== 'string') return undefined;
    return { createdTime, taskId };
  } catch {
    return undefined;
  }
}
