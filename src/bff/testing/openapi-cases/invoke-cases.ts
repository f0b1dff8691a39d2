import { invocationLogsPath } from '../../../contract/engine-operation';
import { Readable } from 'node:stream';
import * as $dara from '@darabonba/typescript';
import * as $FC from '@alicloud/fc20230330';
import { describe, expect, it } from 'vitest';
import { ASYNC_TASK_FINAL_STATUSES } from '../../../contract/async-task';
import { openApiErrors } from '../../../contract/openapi-errors';
import { getEngineExtension } from '../../engine-extension';
import { createFunction, expectOpenApiError, failureOf, uniqueName, type TargetOf } from './target';

/** InvokeFunction as the bff sends it (event-invocation.ts): the event as a stream, typed headers. */
async function invoke(
  target: TargetOf,
  fn: string,
  event: string,
  headers: Partial<$FC.InvokeFunctionHeaders>,
  qualifier?: string,
) {
  const request = new $FC.InvokeFunctionRequest({ body: Readable.from([Buffer.from(event)]), qualifier });
  const res = await target().fcCall((fc) =>
    fc.invokeFunctionWithOptions(fn, request, new $FC.InvokeFunctionHeaders(headers), new $dara.RuntimeOptions({})),
  );
  const chunks: Buffer[] = [];
  for await (const chunk of res.body ?? []) chunks.push(Buffer.from(chunk as Uint8Array));
  return { status: res.statusCode, headers: res.headers ?? {}, text: Buffer.concat(chunks).toString() };
}

async function taskUntilFinal(target: TargetOf, fn: string, taskId: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const { body } = await target().fcCall((fc) => fc.getAsyncTask(fn, taskId, new $FC.GetAsyncTaskRequest({})));
    if (body?.status && ASYNC_TASK_FINAL_STATUSES.includes(body.status as never)) return body;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`task ${taskId} never finished`);
}

/** Sync and async InvokeFunction, log tails, the engine's complete logs, async tasks. */
export function invokeCases(target: TargetOf) {
  describe('invocations', () => {
    it('invokes synchronously: 200, the result, a request id and the log tail naming it', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      const res = await invoke(target, fn, '{"hello":"world"}', { xFcInvocationType: 'Sync', xFcLogType: 'Tail' });
      expect(res.status).toBe(200);
      expect(res.text).toBe('{"hello":"world"}');
      const requestId = res.headers['x-fc-request-id'];
      expect(requestId).toMatch(/^\S+$/);
      const tail = Buffer.from(String(res.headers['x-fc-log-result']), 'base64').toString();
      expect(tail).toContain(`FC Invoke Start RequestId: ${requestId}`);
      expect(tail).toContain(`FC Invoke End RequestId: ${requestId}`);

      const logs = (await getEngineExtension(
        target().fcCall,
        'GetInvocationLogs',
        invocationLogsPath(fn, requestId!),
      )) as object;
      expect(logs).toMatchObject({
        requestId,
        functionName: fn,
        truncated: false,
        logs: expect.stringContaining(requestId!),
      });
    });

    it('answers 404 InvocationLogNotFound for a request whose logs are not kept', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      const id = 'no-such-request';
      await expectOpenApiError(
        getEngineExtension(target().fcCall, 'GetInvocationLogs', invocationLogsPath(fn, id)),
        openApiErrors.invocationLogNotFound(fn, id),
      );
    });

    it('answers 404 for a missing function or qualifier', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      const missing = uniqueName('missing');
      await expectOpenApiError(
        invoke(target, missing, '{}', { xFcInvocationType: 'Sync' }),
        openApiErrors.functionNotFound(missing),
      );
      await expectOpenApiError(
        invoke(target, fn, '{}', { xFcInvocationType: 'Sync' }, '3'),
        openApiErrors.versionNotFound(fn, '3', 'qualifier'),
      );
      await expectOpenApiError(
        invoke(target, fn, '{}', { xFcInvocationType: 'Async' }, 'prod'),
        openApiErrors.aliasNotFound(fn, 'prod', 'qualifier'),
      );
    });

    it('accepts an async invocation with 202 and a task id, which runs to Succeeded and is listed', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      const taskId = uniqueName('task');
      const res = await invoke(target, fn, 'payload-1', { xFcInvocationType: 'Async', xFcAsyncTaskId: taskId });
      expect(res.status).toBe(202);
      expect(res.headers['x-fc-async-task-id']).toBe(taskId);
      expect(res.headers['x-fc-request-id']).toMatch(/^\S+$/);
      const task = await taskUntilFinal(target, fn, taskId);
      expect(task).toMatchObject({ taskId, status: 'Succeeded', qualifier: 'LATEST', returnPayload: 'payload-1' });

      const request = new $FC.ListAsyncTasksRequest({ includePayload: true, sortOrderByTime: 'desc', limit: 10 });
      const list = await target().fcCall((fc) => fc.listAsyncTasks(fn, request));
      expect(list.body?.tasks).toEqual([expect.objectContaining({ taskId, taskPayload: 'payload-1' })]);
    });

    it('refuses a task id used before (409), a malformed one (400), and stopping a finished task (412)', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      const taskId = uniqueName('task');
      await invoke(target, fn, 'x', { xFcInvocationType: 'Async', xFcAsyncTaskId: taskId });
      await expectOpenApiError(
        invoke(target, fn, 'x', { xFcInvocationType: 'Async', xFcAsyncTaskId: taskId }),
        openApiErrors.asyncTaskAlreadyExists(taskId),
      );
      const bad = await failureOf(invoke(target, fn, 'x', { xFcInvocationType: 'Async', xFcAsyncTaskId: '9.bad' }));
      expect({ status: bad.status, code: bad.code }).toEqual({ status: 400, code: 'InvalidArgument' });
      expect(bad.message).toContain('x-fc-async-task-id');

      await taskUntilFinal(target, fn, taskId);
      await expectOpenApiError(
        target().fcCall((fc) => fc.stopAsyncTask(fn, taskId, new $FC.StopAsyncTaskRequest({}))),
        openApiErrors.asyncTaskNotStoppable(taskId, 'Succeeded'),
      );
      await expectOpenApiError(
        target().fcCall((fc) => fc.getAsyncTask(fn, 'no_such_task', new $FC.GetAsyncTaskRequest({}))),
        openApiErrors.asyncTaskNotExist('no_such_task'),
      );
    });
  });
}
