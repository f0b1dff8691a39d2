import FC from '@alicloud/fc20230330';
import * as $FC from '@alicloud/fc20230330';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBffApp } from '../../src/bff/app';
import { connectionFromEnv, parseConsoleEnv } from '../../src/bff/config';
import { openConsoleStore } from '../../src/bff/console-store/console-store';
import { getEngineExtension } from '../../src/bff/engine-extension';
import { createFcCall } from '../../src/bff/fc-client';
import { CLOUD_ACCOUNT, CLOUD_FC_HOST } from './cloud-account';
import { createCloudFc } from './cloud-fc';
import { CONSOLE_CALLS } from './console-calls';

const cloud = createCloudFc();
const server = setupServer(...cloud.handlers);
const logged: string[] = [];

/** The bff as `FC_REGION=… FC_ACCOUNT_ID=… npm start` builds it, keys from the default credential chain. */
const cloudEnv = () => parseConsoleEnv({ FC_REGION: CLOUD_ACCOUNT.region, FC_ACCOUNT_ID: CLOUD_ACCOUNT.accountId });
function cloudBff() {
  return createBffApp({ connection: connectionFromEnv(cloudEnv()), consoleStore: openConsoleStore(':memory:') });
}

beforeAll(() => {
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', CLOUD_ACCOUNT.accessKeyId);
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', CLOUD_ACCOUNT.accessKeySecret);
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => void cloud.calls.splice(0));
afterAll(() => {
  server.close();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('the bff in cloud mode, against FC 3.0 as MSW records it', () => {
  const app = cloudBff();
  const answers: string[] = [];

  it.each(CONSOLE_CALLS)('$name: $sends', async (call) => {
    const headers = { ...(call.body === undefined ? {} : { 'content-type': 'application/json' }), ...call.headers };
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const res = await app.request(call.path, { method: call.method, headers, body });
    const text = await res.text();
    answers.push(text, JSON.stringify([...res.headers]));
    expect(cloud.calls.filter((c) => c.problems.length > 0)).toEqual([]);
    expect(res.status, text).toBe(call.status);
    expect(cloud.calls.map((c) => c.action)).toEqual(call.sends);
  });

  it('shows cloud mode in the settings, and the functions the cloud holds (python3.10 among them)', async () => {
    expect(await (await app.request('/api/settings')).json()).toEqual({
      mode: 'cloud',
      region: CLOUD_ACCOUNT.region,
      accountId: CLOUD_ACCOUNT.accountId,
    });
    const list = (await (await app.request('/api/functions')).json()) as { functions: Array<{ runtime: string }> };
    expect(list.functions.map((f) => f.runtime)).toEqual(['custom.debian10', 'python3.10']);
  });

  it('shows the log tail with where the rest is, and no engine-only call is made', async () => {
    const res = await app.request('/api/functions/web-fn/invocations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'sync', request: { kind: 'event', event: '{}' } }),
    });
    const result = (await res.json()) as { logs: string; status: number };
    expect(result.status).toBe(200);
    expect(result.logs).toContain('hello\nFC Invoke End');
    expect(result.logs).toContain('Simple Log Service');
    expect(cloud.calls.map((c) => c.action)).toEqual(['InvokeFunction']);
  });

  it('never puts the AccessKey secret in an answer or a log line', () => {
    expect(answers.length).toBeGreaterThan(CONSOLE_CALLS.length);
    for (const text of [...answers, ...logged]) expect(text).not.toContain(CLOUD_ACCOUNT.accessKeySecret);
  });
});

describe('the recording FC endpoint', () => {
  const Client = (FC as unknown as { default?: typeof FC }).default ?? FC;
  const client = (accessKeySecret: string) =>
    new Client(
      new $OpenApiUtil.Config({
        accessKeyId: CLOUD_ACCOUNT.accessKeyId,
        accessKeySecret,
        endpoint: CLOUD_FC_HOST,
        protocol: 'https',
      }),
    );

  it('finds a request signed with another secret, and answers it 403 SignatureNotMatch', async () => {
    const call = client('another-secret').listFunctions(new $FC.ListFunctionsRequest({}));
    await expect(call).rejects.toMatchObject({ statusCode: 403, code: 'SignatureNotMatch' });
    expect(cloud.calls).toEqual([
      {
        action: 'ListFunctions',
        target: 'GET /2023-03-30/functions',
        problems: [expect.stringContaining('SignatureNotMatch')],
      },
    ]);
  });

  it('finds a request sent over http, a key FC does not take, and a route FC does not have', async () => {
    const plain = new Client(new $OpenApiUtil.Config({ ...CLOUD_ACCOUNT, endpoint: CLOUD_FC_HOST, protocol: 'http' }));
    await expect(plain.getFunction('web-fn', new $FC.GetFunctionRequest({}))).rejects.toMatchObject({
      statusCode: 400,
    });
    const extra = new $FC.CreateFunctionInput({
      functionName: 'f',
      runtime: 'nodejs20',
      code: { zipFile: 'UEs=' },
      cpu: 1,
    });
    await expect(
      client(CLOUD_ACCOUNT.accessKeySecret).createFunction(new $FC.CreateFunctionRequest({ body: extra })),
    ).rejects.toMatchObject({ statusCode: 400 });
    // What the bff asks of the local engine alone (its complete invocation logs), were it asked of the cloud.
    const fcCall = createFcCall(connectionFromEnv(cloudEnv()));
    const logsPath = '/2023-03-30/functions/web-fn/invocations/r1/logs';
    await expect(getEngineExtension(fcCall, 'GetInvocationLogs', logsPath)).rejects.toMatchObject({ status: 404 });
    expect(cloud.calls.map((c) => c.problems.join('; '))).toEqual([
      expect.stringContaining('not https'),
      expect.stringContaining('Unrecognized key'),
      `FC 3.0 has no GET ${logsPath}`,
    ]);
  });
});
