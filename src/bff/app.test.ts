import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { http, passthrough } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBffApp, TEST_CONNECTION } from '../../mocks/bff-in-process';
import { fcErrorResponse } from '../../mocks/fc-errors';
import { callApi, useMockFc } from '../../mocks/use-mock-fc';
import { createBffApp } from './app';
import { localConnection } from './connection';

const server = useMockFc();

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('FC errors as the console sees them', () => {
  it('a throttled call answers 429 with FC’s code and request id', async () => {
    server.use(
      http.get('*/2023-03-30/functions', () =>
        fcErrorResponse('TooManyRequestsThrottling', 'Reduce the request rate and try again.', 429),
      ),
    );
    const res = await callApi(createTestBffApp(), 'GET', '/api/functions');
    expect(res.status).toBe(429);
    expect(res.body).toEqual({
      code: 'TooManyRequestsThrottling',
      message: 'Reduce the request rate and try again.',
      requestId: expect.stringMatching(/\S/),
    });
  });

  it('a 503 from FC stays a 503', async () => {
    server.use(
      http.get('*/2023-03-30/functions/:fn', () =>
        fcErrorResponse('ServiceUnavailable', 'Function Compute is busy.', 503),
      ),
    );
    const res = await callApi(createTestBffApp(), 'GET', '/api/functions/hello');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'ServiceUnavailable', message: 'Function Compute is busy.' });
  });

  it('an engine that is not running answers 503 EngineUnavailable naming its address', async () => {
    const port = await closedPort();
    server.use(http.all(`http://127.0.0.1:${port}/*`, () => passthrough()));
    const app = createBffApp({
      connection: localConnection({
        endpoint: `127.0.0.1:${port}`,
        accessKeyId: 'LTAIkey',
        accessKeySecret: 'secret-value',
      }),
    });
    const res = await callApi(app, 'GET', '/api/functions');
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('EngineUnavailable');
    expect(res.body.message).toContain(`not reachable at http://127.0.0.1:${port}`);
    expect(res.text).not.toContain('secret-value');
  });

  it('a body that is not JSON is a 400 InvalidArgument', async () => {
    const res = await createTestBffApp().request('/api/functions', {
      method: 'POST',
      body: '{oops',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'InvalidArgument', message: expect.stringMatching(/JSON/) });
  });

  it('an unknown API route is a JSON 404', async () => {
    const res = await callApi(createTestBffApp(), 'GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('RouteNotFound');
  });
});

describe('settings', () => {
  it('tells the mode, region, account and engine, never the secret', async () => {
    const res = await callApi(createTestBffApp(), 'GET', '/api/settings');
    expect(res.body).toEqual({
      mode: 'local',
      region: 'cn-hangzhou',
      accountId: '1234567890123456',
      engineUrl: 'http://fc-engine.test:3001',
      functionIsolation: 'isolated',
    });
    expect(res.text).not.toContain(TEST_CONNECTION.accessKeySecret);
    expect(res.text).not.toContain(TEST_CONNECTION.accessKeyId);
  });
});

describe('serving the built SPA', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('serves files, falls back to index.html for client routes, and keeps /api JSON', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fc-console-spa-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>fc-console</title>');
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    const app = createBffApp({ connection: TEST_CONNECTION, staticDir: dir });

    const asset = await app.request('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(await asset.text()).toBe('console.log(1)');

    const deepLink = await app.request('/functions/hello/triggers');
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<title>fc-console</title>');

    const api = await app.request('/api/unknown');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: 'RouteNotFound' });
  });
});
