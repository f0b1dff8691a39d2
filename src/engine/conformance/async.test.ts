import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import * as $dara from '@darabonba/typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { $FC, sdkError } from '../openapi/testing/engine-kit';
import { MIRROR, code, type Mirrored } from './fixtures';
import { call, deployFunction, deployHttp, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => (h = await startHarness({ asyncPollMs: 50 })));
afterAll(() => h.close());

const ASYNC = { 'X-Fc-Invocation-Type': 'Async' };
const getTask = (fn: string, taskId: string) =>
  h.client.getAsyncTask(fn, taskId, new $FC.GetAsyncTaskRequest({})).then((r) => r.body!);
const finished = (fn: string, taskId: string, status = 'Succeeded') =>
  vi.waitFor(
    async () => {
      const task = await getTask(fn, taskId);
      expect(task.status).toBe(status);
      return task;
    },
    { timeout: 8000, interval: 50 },
  );

describe('asynchronous trigger invocations', () => {
  it('answer 202 with X-Fc-Request-Id at once; the task runs the request and reaches Succeeded', async () => {
    const { urlInternet, functionName } = await deployHttp(h, MIRROR);
    const reply = await call(urlInternet, {
      method: 'POST',
      path: '/jobs?n=1',
      headers: { ...ASYNC, 'content-type': 'text/plain' },
      body: 'queued body',
    });
    expect(reply.status).toBe(202);
    expect(reply.body).toHaveLength(0);
    const requestId = reply.headers['x-fc-request-id'] as string;
    expect(requestId).toBeTruthy();
    expect(reply.headers['x-fc-async-task-id']).toBe(requestId);

    const task = await finished(functionName, requestId);
    expect(task).toMatchObject({ taskId: requestId, requestId, qualifier: 'LATEST', status: 'Succeeded' });
    const ran = JSON.parse(task.returnPayload!) as Mirrored;
    expect(ran).toMatchObject({
      method: 'POST',
      rawPath: '/jobs',
      query: { n: '1' },
      bodyText: 'queued body',
      requestId,
    });
    expect(Object.keys(ran.headers).map((n) => n.toLowerCase())).not.toContain('x-fc-invocation-type');

    const listed = await h.client.listAsyncTasks(functionName, new $FC.ListAsyncTasksRequest({ includePayload: true }));
    expect(listed.body!.tasks!.map((t) => [t.taskId, t.status, t.taskPayload])).toEqual([
      [requestId, 'Succeeded', 'queued body'],
    ]);
  });

  it('take a task id from X-Fc-Async-Task-Id; a reused id is refused (409)', async () => {
    const { urlInternet, functionName } = await deployHttp(h, MIRROR);
    const taskId = `order-${Date.now()}`;
    const reply = await call(urlInternet, {
      headers: { 'x-fc-invocation-type': 'async', 'x-fc-async-task-id': taskId },
    });
    expect([reply.status, reply.headers['x-fc-async-task-id']]).toEqual([202, taskId]);
    await finished(functionName, taskId);
    const again = await call(urlInternet, { headers: { ...ASYNC, 'x-fc-async-task-id': taskId } });
    expect([again.status, again.json<{ Code: string }>().Code]).toEqual([409, 'AsyncTaskAlreadyExists']);
    expect((await call(urlInternet, { headers: { ...ASYNC, 'x-fc-async-task-id': 'bad id!' } })).status).toBe(400);
  });

  it('retry a failing function up to maxAsyncRetryAttempts, then fail', async () => {
    const { urlInternet, functionName } = await deployHttp(
      h,
      code(`exports.handler = async () => { throw new Error('always'); };`),
    );
    await h.client.putAsyncInvokeConfig(
      functionName,
      new $FC.PutAsyncInvokeConfigRequest({ body: new $FC.PutAsyncInvokeConfigInput({ maxAsyncRetryAttempts: 1 }) }),
    );
    const reply = await call(urlInternet, { headers: ASYNC });
    const task = await finished(functionName, reply.headers['x-fc-request-id'] as string, 'Failed');
    expect(task.alreadyRetriedTimes).toBe(1);
    expect(task.taskErrorMessage).toContain('always');
  });

  it('StopAsyncTask stops a running task', async () => {
    const { urlInternet, functionName } = await deployHttp(h, MIRROR);
    const taskId = (await call(urlInternet, { path: '/?sleep=5000', headers: ASYNC })).headers[
      'x-fc-request-id'
    ] as string;
    await finished(functionName, taskId, 'Running');
    await h.client.stopAsyncTask(functionName, taskId, new $FC.StopAsyncTaskRequest({}));
    await finished(functionName, taskId, 'Stopped');
  });
});

describe('InvokeFunction', () => {
  const EVENT_FN = code(`exports.handler = async (event) => {
    console.log('hello from invoke ' + event.toString());
    if (event.toString() === 'fail') throw new RangeError('bad input');
    return 'got ' + event.toString();
  };`);
  const invoke = (fn: string, payload: string, headers: Partial<$FC.InvokeFunctionHeaders> = {}) =>
    h.client.invokeFunctionWithOptions(
      fn,
      new $FC.InvokeFunctionRequest({ body: Readable.from([Buffer.from(payload)]) }),
      new $FC.InvokeFunctionHeaders(headers),
      new $dara.RuntimeOptions({}),
    );

  it('sync: 200 with the return value, and the log tail when asked', async () => {
    const fn = await deployFunction(h, EVENT_FN);
    const res = await invoke(fn, 'ping', { xFcLogType: 'Tail' });
    expect(res.statusCode).toBe(200);
    expect(await text(res.body!)).toBe('got ping');
    const requestId = res.headers!['x-fc-request-id'];
    const logs = Buffer.from(res.headers!['x-fc-log-result']!, 'base64').toString();
    expect(logs).toContain(`FC Invoke Start RequestId: ${requestId}`);
    expect(logs).toContain('hello from invoke ping');
    const quiet = await invoke(fn, 'ping');
    expect(quiet.headers!['x-fc-log-result']).toBeUndefined();
  });

  it("sync: a function error is 200 with x-fc-error-type and FC's error body", async () => {
    const fn = await deployFunction(h, EVENT_FN);
    const res = await invoke(fn, 'fail');
    expect(res.statusCode).toBe(200);
    expect(res.headers!['x-fc-error-type']).toBe('UnhandledInvocationError');
    const body = JSON.parse(await text(res.body!)) as { errorMessage: string; errorType: string; stackTrace: string[] };
    expect(body).toMatchObject({ errorMessage: 'bad input', errorType: 'RangeError' });
    expect(body.stackTrace.length).toBeGreaterThan(0);
  });

  it('async: 202 with a task that reaches Succeeded', async () => {
    const fn = await deployFunction(h, EVENT_FN);
    const res = await invoke(fn, 'later', { xFcInvocationType: 'Async', xFcAsyncTaskId: `evt-${Date.now()}` });
    expect(res.statusCode).toBe(202);
    const task = await finished(fn, res.headers!['x-fc-async-task-id']!);
    expect(task.returnPayload).toBe('got later');
  });

  it('a missing function is 404 FunctionNotFound; a bad invocation type is 400', async () => {
    expect(await sdkError(invoke('nobody', 'x'))).toMatchObject({ statusCode: 404, code: 'FunctionNotFound' });
    const fn = await deployFunction(h, EVENT_FN);
    expect(await sdkError(invoke(fn, 'x', { xFcInvocationType: 'Later' }))).toMatchObject({
      statusCode: 400,
      code: 'InvalidArgument',
    });
  });
});

it('Put/Get/DeleteAsyncInvokeConfig keep the config, with FC defaults for what is unset', async () => {
  const fn = await deployFunction(h, MIRROR);
  const put = await h.client.putAsyncInvokeConfig(
    fn,
    new $FC.PutAsyncInvokeConfigRequest({ body: new $FC.PutAsyncInvokeConfigInput({ maxAsyncRetryAttempts: 2 }) }),
  );
  expect(put.body).toMatchObject({ maxAsyncRetryAttempts: 2, maxAsyncEventAgeInSeconds: 86400 });
  const got = await h.client.getAsyncInvokeConfig(fn, new $FC.GetAsyncInvokeConfigRequest({}));
  expect(got.body).toMatchObject({ maxAsyncRetryAttempts: 2, functionArn: expect.stringContaining(`functions/${fn}`) });
  const refused = await sdkError(
    h.client.putAsyncInvokeConfig(
      fn,
      new $FC.PutAsyncInvokeConfigRequest({ body: new $FC.PutAsyncInvokeConfigInput({ maxAsyncRetryAttempts: 9 }) }),
    ),
  );
  expect(refused).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
  await h.client.deleteAsyncInvokeConfig(fn, new $FC.DeleteAsyncInvokeConfigRequest({}));
  expect(await sdkError(h.client.getAsyncInvokeConfig(fn, new $FC.GetAsyncInvokeConfigRequest({})))).toMatchObject({
    statusCode: 404,
    code: 'AsyncConfigNotExists',
  });
});

it("DeleteFunction takes the function's async tasks and config with it", async () => {
  const { urlInternet, functionName } = await deployHttp(h, MIRROR);
  await h.client.putAsyncInvokeConfig(
    functionName,
    new $FC.PutAsyncInvokeConfigRequest({ body: new $FC.PutAsyncInvokeConfigInput({ maxAsyncRetryAttempts: 0 }) }),
  );
  const taskId = (await call(urlInternet, { headers: ASYNC })).headers['x-fc-request-id'] as string;
  await finished(functionName, taskId);
  await h.client.deleteFunction(functionName);
  await deployFunction(h, MIRROR, functionName);
  expect(await sdkError(getTask(functionName, taskId))).toMatchObject({ statusCode: 404, code: 'AsyncTaskNotExist' });
  expect(
    await sdkError(h.client.getAsyncInvokeConfig(functionName, new $FC.GetAsyncInvokeConfigRequest({}))),
  ).toMatchObject({ code: 'AsyncConfigNotExists' });
});
