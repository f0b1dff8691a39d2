import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as $FC from '@alicloud/fc20230330';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBffApp, type TestBffApp } from '../../../mocks/bff-in-process';
import { callApi } from '../../../mocks/use-mock-fc';
import type { HttpTestRequest } from '../../contract/invocation';
// eslint-disable-next-line import-x/no-restricted-paths -- the copied command must run against the real engine; the bff itself still reaches it only through the SDK
import { startHarness, type Harness } from '../../engine/conformance/harness';
import { localConnection } from '../connection';
import { createFcClient } from '../fc-client';

const run = promisify(execFile);

/** Echoes what it received, so the test can compare it with what the snippet meant to send. */
const ECHO = `exports.handler = async (event) => {
  const req = JSON.parse(event);
  const body = req.isBase64Encoded ? Buffer.from(req.body, 'base64').toString('utf8') : req.body;
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method: req.requestContext.http.method, path: req.rawPath, query: req.queryParameters, trace: req.headers['x-trace'] ?? req.headers['X-Trace'], body }),
  };
};
`;

const request: HttpTestRequest = {
  kind: 'http',
  method: 'POST',
  path: '/orders/new item',
  query: [
    { key: 'q', value: "a b&c'd" },
    { key: 'n', value: '1' },
  ],
  headers: [{ key: 'X-Trace', value: "it's" }],
  bodyType: 'json',
  body: '{"name":"O\'Brien","note":"$HOME `id`"}',
};

let harness: Harness;
let app: TestBffApp;

beforeAll(async () => {
  harness = await startHarness();
  const { engine } = harness;
  const connection = localConnection({ endpoint: `127.0.0.1:${engine.port}`, ...engine.credentials });
  app = createTestBffApp(connection);
  const zipFile = Buffer.from(zipSync({ 'index.js': new TextEncoder().encode(ECHO) })).toString('base64');
  await createFcClient(connection).createFunction(
    new $FC.CreateFunctionRequest({
      body: new $FC.CreateFunctionInput({
        functionName: 'echo',
        runtime: 'nodejs20',
        handler: 'index.handler',
        code: new $FC.InputCodeLocation({ zipFile }),
      }),
    }),
  );
});

afterAll(async () => {
  await harness?.close();
});

async function createTrigger(triggerName: string, qualifier: string, authType: 'anonymous' | 'function') {
  const res = await callApi(app, 'POST', '/api/functions/echo/triggers', {
    triggerName,
    triggerType: 'http',
    qualifier,
    triggerConfig: { methods: ['GET', 'POST'], authType },
  });
  expect(res.status).toBe(201);
}

async function copiedCurl(triggerName: string, mode: 'sync' | 'async' = 'sync'): Promise<string> {
  const res = await callApi(app, 'POST', '/api/functions/echo/snippets', {
    request,
    mode,
    triggerName,
    endpoint: 'internet',
  });
  expect(res.status).toBe(200);
  return res.body.curl as string;
}

/** The copied text exactly as a user pastes it into a shell; curl resolves *.localhost to loopback. */
const runInBash = (command: string) => run('bash', ['-c', command], { encoding: 'utf8', timeout: 15_000 });

const expected = {
  method: 'POST',
  path: '/orders/new%20item',
  query: { q: "a b&c'd", n: '1' },
  trace: "it's",
  body: request.body,
};

describe('Copy as cURL, run with the real curl against the real engine', () => {
  it('calls an anonymous trigger with the exact path, query, headers and body, sync and async', async () => {
    await createTrigger('open', 'LATEST', 'anonymous');
    const { stdout } = await runInBash(await copiedCurl('open'));
    expect(JSON.parse(stdout)).toEqual(expected);

    const accepted = await runInBash(await copiedCurl('open', 'async'));
    expect(accepted.stderr).toMatch(/< HTTP\/1\.1 202/);
    expect(accepted.stderr).toMatch(/< x-fc-async-task-id: \S+/i);
  });

  it('calls a Signature-auth trigger with the signature the bff computed, and only with the request it signed', async () => {
    const published = await callApi(app, 'POST', '/api/functions/echo/versions', {});
    expect(published.status).toBe(201);
    await createTrigger('signed', published.body.versionId, 'function');

    const command = await copiedCurl('signed');
    expect(command).toMatch(/^# Signed at \S+; valid until \S+ \(15 minutes\)\n/);
    const { stdout } = await runInBash(command);
    expect(JSON.parse(stdout)).toEqual(expected);

    const tampered = await runInBash(command.replace('n=1', 'n=2'));
    expect(JSON.parse(tampered.stdout)).toMatchObject({ Code: 'SignatureNotMatch' });
  });
});
