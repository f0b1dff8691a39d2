import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestBffApp } from '../../../mocks/bff-in-process';
import { fcErrorResponse } from '../../../mocks/fc-errors';
import { seedFunction, seedTrigger } from '../../../mocks/fc-seed';
import { anonymousTrigger } from '../../../mocks/fixtures/triggers';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';

const server = useMockFc();
const BASE = '/api/functions/hello-world/invocations';
const event = (text: string, mode = 'sync') => ({ mode, request: { kind: 'event', event: text } });

function given() {
  seedFunction(helloFunction);
  return createTestBffApp();
}

describe('Test Function with an event payload (InvokeFunction)', () => {
  it('answers the status, body, request id and complete logs, and keeps the result in the history', async () => {
    const app = given();
    const res = await callApi(app, 'POST', BASE, event('{"hello":"world"}'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      functionName: 'hello-world',
      mode: 'sync',
      kind: 'event',
      target: 'InvokeFunction',
      status: 200,
      statusText: 'OK',
      requestId: expect.any(String),
      body: { encoding: 'text', data: '{"hello":"world"}', size: 17 },
      request: { kind: 'event', event: '{"hello":"world"}' },
    });
    expect(res.body.logs).toContain(`FC Invoke Start RequestId: ${res.body.requestId}`);
    expect(res.body.logs).toContain('event: {"hello":"world"}');
    expect(res.body.headers.map(([name]: [string]) => name)).not.toContain('x-fc-log-result');

    const history = await callApi(app, 'GET', BASE);
    expect(history.body.invocations).toEqual([res.body]);
    expect((await callApi(app, 'GET', `${BASE}/${res.body.id}`)).body).toEqual(res.body);
  });

  it('answers 202 with the request and task IDs for an async invocation, without logs', async () => {
    const app = given();
    const res = await callApi(app, 'POST', BASE, event('later', 'async'));
    expect(res.body).toMatchObject({ mode: 'async', status: 202, statusText: 'Accepted', taskId: res.body.requestId });
    expect(res.body.logs).toBeUndefined();
    const task = await callApi(app, 'GET', `/api/functions/hello-world/async-tasks/${res.body.taskId}`);
    expect(task.body).toMatchObject({ taskId: res.body.taskId, status: 'Enqueued', taskPayload: 'later' });
  });

  it('keeps an error answer of Function Compute as a result, with its code', async () => {
    const app = given();
    server.use(
      http.post('*/2023-03-30/functions/:fn/invocations', () =>
        fcErrorResponse('TooManyRequestsThrottling', 'slow down', 429),
      ),
    );
    const res = await callApi(app, 'POST', BASE, event('x'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 429,
      statusText: 'Too Many Requests',
      errorCode: 'TooManyRequestsThrottling',
    });
    expect(JSON.parse(res.body.body.data)).toMatchObject({ Code: 'TooManyRequestsThrottling', Message: 'slow down' });
  });

  it('shows a binary answer as base64 with its size', async () => {
    const app = given();
    const res = await callApi(app, 'POST', BASE, event('\u0000\u0001'));
    expect(res.body.body).toMatchObject({ encoding: 'base64', data: 'AAE=', size: 2 });
  });

  it('keeps the last 50 results, newest first', async () => {
    const app = given();
    for (let i = 0; i < 52; i++) await callApi(app, 'POST', BASE, event(`n${i}`));
    const { body } = await callApi(app, 'GET', BASE);
    expect(body.invocations).toHaveLength(50);
    expect(body.invocations[0].request.event).toBe('n51');
    expect(body.invocations[49].request.event).toBe('n2');
  });

  it('refuses a bad request naming the field, and answers 404 for an unknown result', async () => {
    const app = given();
    const bad = await callApi(app, 'POST', BASE, { mode: 'later', request: { kind: 'event', event: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'InvalidArgument', fields: { mode: expect.any(String) } });
    const json = await callApi(app, 'POST', BASE, {
      mode: 'sync',
      request: { kind: 'http', method: 'POST', path: '/', query: [], headers: [], bodyType: 'json', body: '{oops' },
    });
    expect(json.body).toMatchObject({ code: 'InvalidArgument', fields: { 'request.body': 'json.invalid' } });
    for (const triggerName of ['\ud800', 'a b', '']) {
      const named = await callApi(app, 'POST', BASE, {
        mode: 'sync',
        triggerName,
        request: { kind: 'event', event: '' },
      });
      expect(named.status).toBe(400);
      expect(named.body).toMatchObject({ code: 'InvalidArgument', fields: { triggerName: expect.any(String) } });
    }
    expect((await callApi(app, 'GET', `${BASE}/nope`)).body.code).toBe('InvocationNotFound');
    expect((await callApi(app, 'GET', BASE)).body.invocations).toEqual([]);
  });

  it('answers 404 TriggerNotFound for an HTTP test of a function without an HTTP trigger', async () => {
    const app = given();
    const res = await callApi(app, 'POST', BASE, {
      mode: 'sync',
      request: { kind: 'http', method: 'GET', path: '/', query: [], headers: [], bodyType: 'text', body: '' },
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('TriggerNotFound');
  });

  it('tests a trigger with Disable Internet URL on its internal endpoint, the one that answers', async () => {
    const app = given();
    const { urls } = seedTrigger('hello-world', {
      ...anonymousTrigger,
      triggerConfig: { ...anonymousTrigger.triggerConfig, disableURLInternet: true },
    });
    const res = await callApi(app, 'POST', BASE, {
      mode: 'sync',
      triggerName: anonymousTrigger.triggerName,
      request: { kind: 'http', method: 'GET', path: '/', query: [], headers: [], bodyType: 'text', body: '' },
    });
    expect(res.body.target).toBe(`GET ${urls.urlIntranet}/`);
  });

  it('keeps a trigger deleted elsewhere as a 404 result the error panel explains, not as a failed run', async () => {
    const app = given();
    const res = await callApi(app, 'POST', BASE, {
      mode: 'sync',
      triggerName: 'deleted-trigger',
      request: { kind: 'http', method: 'GET', path: '/', query: [], headers: [], bodyType: 'text', body: '' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 404, errorCode: 'TriggerNotFound', triggerName: 'deleted-trigger' });
  });
});
