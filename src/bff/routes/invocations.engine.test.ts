import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestBffApp, type TestBffApp } from '../../../mocks/bff-in-process';
import { BASIC_PASSWORD } from '../../../mocks/fixtures/triggers';
import { callApi } from '../../../mocks/use-mock-fc';
// eslint-disable-next-line import-x/no-restricted-paths -- Test Function must meet every rule of the real gateway; the bff itself reaches the engine only over HTTP
import { startHarness, type Harness } from '../../engine/conformance/harness';
import { localConnection } from '../connection';

let harness: Harness;
let app: TestBffApp;

const httpRequest = (method: string, path = '/', extra: object = {}) => ({
  kind: 'http',
  method,
  path,
  query: [],
  headers: [],
  bodyType: 'text',
  body: '',
  ...extra,
});
const invoke = (fn: string, body: object) => callApi(app, 'POST', `/api/functions/${fn}/invocations`, body);

async function givenFunction(functionName: string, triggerConfig: object) {
  expect((await callApi(app, 'POST', '/api/functions', { functionName, template: 'nodejs-event-http' })).status).toBe(
    201,
  );
  const trigger = await callApi(app, 'POST', `/api/functions/${functionName}/triggers`, {
    triggerName: 'http-trigger',
    triggerType: 'http',
    triggerConfig,
  });
  expect(trigger.status).toBe(201);
}

beforeAll(async () => {
  harness = await startHarness({ asyncPollMs: 50 });
  const { engine } = harness;
  const { accessKeyId, accessKeySecret, accountId } = engine.credentials;
  const connection = localConnection({ endpoint: `127.0.0.1:${engine.port}`, accessKeyId, accessKeySecret, accountId });
  app = createTestBffApp(connection);
  await givenFunction('tester', { methods: ['GET', 'POST'], authType: 'anonymous' });
});

afterAll(async () => {
  await harness.close();
});

describe('Test Function through a real HTTP trigger', () => {
  it('sync: 200 with the body, the duration, the request ID and the complete logs', async () => {
    const res = await invoke('tester', {
      mode: 'sync',
      request: httpRequest('POST', '/hello', {
        query: [{ key: 'q', value: 'a b' }],
        bodyType: 'json',
        body: '{"x":1}',
      }),
    });
    expect(res.status).toBe(200);
    const result = res.body;
    expect(result).toMatchObject({
      kind: 'http',
      triggerName: 'http-trigger',
      status: 200,
      statusText: 'OK',
      requestId: expect.any(String),
    });
    expect(result.target).toMatch(
      /^POST http:\/\/tester-[a-z]{10}\.cn-hangzhou\.fcapp\.localhost:\d+\/hello\?q=a%20b$/,
    );
    expect(JSON.parse(result.body.data)).toEqual({
      message: 'Hello from Function Compute',
      method: 'POST',
      path: '/hello',
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(result.headers).toContainEqual(['x-fc-request-id', result.requestId]);
    expect(result.logs).toContain(`FC Invoke Start RequestId: ${result.requestId}`);
    expect(result.logs).toContain('Received POST /hello');
    expect(result.logs).toContain(`FC Invoke End RequestId: ${result.requestId}`);
  });

  it("keeps the gateway's 403 for a method the trigger does not allow as a result, in the history", async () => {
    const res = await invoke('tester', { mode: 'sync', request: httpRequest('DELETE') });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 403, statusText: 'Forbidden', errorCode: 'MethodNotAllowed' });
    expect(res.body.logs).toBeUndefined();
    const history = await callApi(app, 'GET', '/api/functions/tester/invocations');
    expect(history.body.invocations[0]).toEqual(res.body);
  });

  it('measures the headers it sent as the gateway does: one number for one request', async () => {
    for (const method of ['GET', 'POST']) {
      const headers = [{ key: 'X-Big', value: 'x'.repeat(8200) }];
      const res = await invoke('tester', { mode: 'sync', request: httpRequest(method, '/', { headers }) });
      expect(res.body).toMatchObject({ status: 400, errorCode: 'InvalidArgument' });
      const said = /request headers are (\d+) bytes/.exec(JSON.parse(res.body.body.data).Message)?.[1];
      expect(res.body.sent.headerBytes).toBe(Number(said));
    }
  });

  it('async: 202 with the request and task IDs, then the task reaches Succeeded', async () => {
    const res = await invoke('tester', { mode: 'async', request: httpRequest('GET', '/later') });
    expect(res.body).toMatchObject({
      mode: 'async',
      status: 202,
      taskId: expect.any(String),
      requestId: expect.any(String),
    });
    const url = `/api/functions/tester/async-tasks/${res.body.taskId}`;
    const task = await vi.waitFor(
      async () => {
        const { body } = await callApi(app, 'GET', url);
        expect(body.status).toBe('Succeeded');
        return body;
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(JSON.parse(task.returnPayload)).toMatchObject({ method: 'GET', path: '/later' });
    const listed = await callApi(app, 'GET', '/api/functions/tester/async-tasks?status=Succeeded');
    expect(listed.body.tasks.map((t: { taskId: string }) => t.taskId)).toContain(res.body.taskId);
  });
});

describe('the trigger authentication the bff fills in', () => {
  it('Basic: the chosen user passes, its password never comes back, an unknown user is refused', async () => {
    await givenFunction('basic_fn', {
      methods: ['GET'],
      authType: 'basic',
      authConfig: { users: [{ username: 'console-admin', password: BASIC_PASSWORD }] },
    });
    const res = await invoke('basic_fn', {
      mode: 'sync',
      request: httpRequest('GET'),
      auth: { type: 'basic', username: 'console-admin' },
    });
    expect(res.body.status).toBe(200);
    expect(res.text).not.toContain(BASIC_PASSWORD);
    expect(res.text).not.toContain(Buffer.from(`console-admin:${BASIC_PASSWORD}`).toString('base64'));
    const history = await callApi(app, 'GET', '/api/functions/basic_fn/invocations');
    expect(history.text).not.toContain(BASIC_PASSWORD);

    const unknown = await invoke('basic_fn', {
      mode: 'sync',
      request: httpRequest('GET'),
      auth: { type: 'basic', username: 'someone-else' },
    });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'InvalidArgument']);
  });

  it("Signature: the request is signed with the connection's AccessKey", async () => {
    await givenFunction('signed_fn', { methods: ['POST'], authType: 'function' });
    const res = await invoke('signed_fn', {
      mode: 'sync',
      request: httpRequest('POST', '/a path', {
        query: [{ key: 'k', value: "it's *" }],
        bodyType: 'json',
        body: '{"n":1}',
      }),
    });
    expect(res.body).toMatchObject({ status: 200 });
    expect(res.text).not.toContain(harness.engine.credentials.accessKeySecret);
  });
});
