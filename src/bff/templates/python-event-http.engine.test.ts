import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestBffApp, type TestBffApp } from '../../../mocks/bff-in-process';
import { callApi } from '../../../mocks/use-mock-fc';
// eslint-disable-next-line import-x/no-restricted-paths -- the template must run on the real engine, reached over HTTP
import { ANONYMOUS, call, deployTrigger, startHarness, type Harness } from '../../engine/conformance/harness';
import { localConnection } from '../connection';

let harness: Harness;
let app: TestBffApp;

beforeAll(async () => {
  harness = await startHarness();
  const { accessKeyId, accessKeySecret, accountId } = harness.engine.credentials;
  app = createTestBffApp(
    localConnection({ endpoint: `127.0.0.1:${harness.engine.port}`, accessKeyId, accessKeySecret, accountId }),
  );
});
afterAll(() => harness.close());

it('"Python event function" answers its HTTP trigger at once, with the request it read', async () => {
  const created = await callApi(app, 'POST', '/api/functions', {
    functionName: 'py_hello',
    template: 'python-event-http',
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ runtime: 'python3.10', handler: 'index.handler' });
  const { urlInternet } = await deployTrigger(harness, 'py_hello', ANONYMOUS);
  const reply = await call(urlInternet, {
    method: 'POST',
    path: '/orders?id=7',
    headers: { 'content-type': 'text/plain', 'x-fc-log-type': 'Tail' },
    body: 'two apples',
  });
  expect(reply.status).toBe(200);
  expect(reply.headers['content-type']).toBe('application/json');
  expect(reply.json()).toEqual({
    message: 'Hello from Function Compute',
    method: 'POST',
    path: '/orders',
    query: { id: '7' },
    body: 'two apples',
  });
  const logs = Buffer.from(String(reply.headers['x-fc-log-result']), 'base64').toString();
  expect(logs).toContain(`${reply.headers['x-fc-request-id']} [INFO] Received POST /orders`);
});
