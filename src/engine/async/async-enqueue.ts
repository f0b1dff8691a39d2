import { randomUUID } from 'node:crypto';
import { asyncTaskIdHeaderSchema } from '../../contract/async-task';
import { OPENAPI_ERROR_STATUS } from '../../contract/api-error';
import { LATEST } from '../../contract/names';
import { openApiErrors, type OpenApiErrorArgs } from '../../contract/openapi-errors';
import { describeIssues } from '../../contract/validation-messages';
import { encodePayload, type AsyncPayload } from './async-payload';
import type { NewTask } from './async-store';

export type EnqueueInput = {
  functionName: string;
  qualifier?: string;
  /** `x-fc-async-task-id`; defaults to the request id, as FC does. */
  taskId?: string;
  /** The `x-fc-request-id` answered with the 202; generated when absent. */
  requestId?: string;
} & AsyncPayload;

/** An error value with the code and status the OpenAPI answers. */
export type AsyncQueueError = {
  code: 'InvalidArgument' | 'AsyncTaskAlreadyExists' | 'AsyncTaskNotExist' | 'PreconditionFailed';
  status: 400 | 404 | 409 | 412;
  message: string;
};
export type AsyncResult<T> = { ok: true; value: T } | { ok: false; error: AsyncQueueError };

export const fail = (code: AsyncQueueError['code'], status: AsyncQueueError['status'], message: string) =>
  ({ ok: false, error: { code, status, message } }) as const;
/** One of the contract's errors, with the status of its code. */
export const failWith = ([code, message]: OpenApiErrorArgs) =>
  fail(code as AsyncQueueError['code'], OPENAPI_ERROR_STATUS[code] as AsyncQueueError['status'], message);

/**
 * What an enqueue does before its commit, wherever the commit happens (the primary's queue, or a
 * gateway process's own connection, decision 048): the task id rule and the row to insert.
 */
export function taskToInsert(input: EnqueueInput, now: number): AsyncResult<NewTask> {
  const requestId = input.requestId ?? randomUUID();
  // The rule binds the id a client chooses; the default, the request id, is the engine's own.
  const chosen = input.taskId === undefined ? undefined : asyncTaskIdHeaderSchema.safeParse(input.taskId);
  if (chosen && !chosen.success)
    return fail('InvalidArgument', 400, describeIssues(chosen.error.issues, 'x-fc-async-task-id'));
  return {
    ok: true,
    value: {
      taskId: chosen?.data ?? requestId,
      requestId,
      functionName: input.functionName,
      qualifier: input.qualifier ?? LATEST,
      kind: input.kind,
      payload: encodePayload(input),
      createdTime: now,
    },
  };
}

/** A task id is unique for good: resubmitting one is how clients deduplicate (FC answers 409). */
export const taskIdTaken = (taskId: string) => failWith(openApiErrors.asyncTaskAlreadyExists(taskId));
