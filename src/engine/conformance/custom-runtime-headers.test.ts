import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import * as $dara from '@darabonba/typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $FC, zipBase64 } from '../openapi/testing/engine-kit';
import { ANONYMOUS, call, deployTrigger, startHarness, uniqueName, type Harness } from './harness';

// FC's common request headers ("Context and log format" of custom runtimes), as a custom runtime's
// server receives them through an HTTP trigger, InvokeFunction and its Initializer hook. The
// server answers every x-fc-* header it got, for each kind of request.
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const ECHO = `const seen = {};
const fcHeaders = (req) => Object.fromEntries(Object.entries(req.headers).filter(([name]) => name.startsWith('x-fc-')));
require('node:http').createServer((req, res) => {
  seen[req.url] = fcHeaders(req);
  if (req.url === '/initialize') return res.end('ok');
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(seen));
}).listen(Number(process.env.FC_SERVER_PORT), '127.0.0.1');
`;

type Seen = Record<string, Record<string, string>>;

async function deploy(settings: Partial<$FC.CreateFunctionInput> = {}) {
  const functionName = uniqueName('crheaders');
  await h.client.createFunction(
    new $FC.CreateFunctionRequest({
      body: new $FC.CreateFunctionInput({
        functionName,
        runtime: 'custom.debian12',
        handler: 'index.handler',
        timeout: 7,
        memorySize: 256,
        customRuntimeConfig: new $FC.CustomRuntimeConfig({ command: ['node'], args: ['server.js'] }),
        code: new $FC.InputCodeLocation({ zipFile: zipBase64({ 'server.js': ECHO }) }),
        ...settings,
      }),
    }),
  );
  return functionName;
}

const invoke = async (functionName: string, qualifier?: string) => {
  const res = await h.client.invokeFunctionWithOptions(
    functionName,
    new $FC.InvokeFunctionRequest({ body: Readable.from([Buffer.from('{}')]), qualifier }),
    new $FC.InvokeFunctionHeaders({}),
    new $dara.RuntimeOptions({}),
  );
  return { seen: JSON.parse(await text(res.body!)) as Seen, requestId: String(res.headers!['x-fc-request-id']) };
};

/** What describes the function, the same in every request to it. */
function functionHeaders(functionName: string) {
  return {
    'x-fc-function-name': functionName,
    'x-fc-function-handler': 'index.handler',
    'x-fc-function-memory': '256',
    'x-fc-function-timeout': '7',
    'x-fc-region': h.engine.region,
    'x-fc-account-id': h.engine.credentials.accountId,
  };
}

describe("a custom runtime's server receives FC's common request headers", () => {
  it('on an HTTP trigger request: /http-invoke, the function, the qualifier and the request id', async () => {
    const functionName = await deploy();
    const { urlInternet } = await deployTrigger(h, functionName, ANONYMOUS);
    const reply = await call(urlInternet, { path: '/orders?id=1' });
    expect(reply.status).toBe(200);
    expect(reply.json<Seen>()['/orders?id=1']).toEqual({
      ...functionHeaders(functionName),
      'x-fc-qualifier': 'LATEST',
      'x-fc-control-path': '/http-invoke',
      'x-fc-request-id': reply.headers['x-fc-request-id'],
    });
  });

  it('on InvokeFunction: POST /invoke with /invoke as its control path', async () => {
    const functionName = await deploy();
    const { seen, requestId } = await invoke(functionName);
    expect(seen['/invoke']).toEqual({
      ...functionHeaders(functionName),
      'x-fc-qualifier': 'LATEST',
      'x-fc-control-path': '/invoke',
      'x-fc-request-id': requestId,
    });
  });

  it('on its Initializer hook too, with /initialize and the hook timeout', async () => {
    const functionName = await deploy({
      instanceLifecycleConfig: new $FC.InstanceLifecycleConfig({
        initializer: new $FC.LifecycleHook({ handler: 'init', timeout: 3 }),
      }),
    });
    const { seen, requestId } = await invoke(functionName);
    expect(seen['/initialize']).toMatchObject({
      ...functionHeaders(functionName),
      'x-fc-control-path': '/initialize',
      'x-fc-initialization-timeout': '3',
      'x-fc-request-id': requestId,
    });
  });

  it("through an alias: the alias as qualifier, the version that serves, and the function's log project", async () => {
    const logConfig = new $FC.LogConfig({ project: 'orders-logs', logstore: 'fc-orders' });
    const functionName = await deploy({ logConfig });
    const { versionId } = (
      await h.client.publishFunctionVersion(
        functionName,
        new $FC.PublishFunctionVersionRequest({ body: new $FC.PublishVersionInput({}) }),
      )
    ).body!;
    await h.client.createAlias(
      functionName,
      new $FC.CreateAliasRequest({ body: new $FC.CreateAliasInput({ aliasName: 'prod', versionId }) }),
    );
    const { urlInternet } = await deployTrigger(h, functionName, ANONYMOUS, 'prod');
    const reply = await call(urlInternet);
    expect(reply.json<Seen>()['/']).toMatchObject({
      ...functionHeaders(functionName),
      'x-fc-qualifier': 'prod',
      'x-fc-version-id': versionId,
      'x-fc-service-logproject': 'orders-logs',
      'x-fc-service-logstore': 'fc-orders',
    });
  });

  it('that a client cannot spoof, and never an AccessKey: the engine assumes no role and keeps its own keys', async () => {
    const functionName = await deploy({ role: 'acs:ram::123456789:role/fc-orders' });
    const { urlInternet } = await deployTrigger(h, functionName, ANONYMOUS);
    const spoofed = {
      'x-fc-function-name': 'someone-else',
      'x-fc-control-path': '/invoke',
      'x-fc-qualifier': 'prod',
      'x-fc-request-id': 'forged',
      'x-fc-access-key-id': 'STS.forged',
      'x-fc-access-key-secret': 'forged-secret',
      'x-fc-security-token': 'forged-token',
    };
    const reply = await call(urlInternet, { headers: spoofed });
    const got = reply.json<Seen>()['/']!;
    expect(got).toEqual({
      ...functionHeaders(functionName),
      'x-fc-qualifier': 'LATEST',
      'x-fc-control-path': '/http-invoke',
      'x-fc-request-id': reply.headers['x-fc-request-id'],
    });
    const { accessKeyId, accessKeySecret } = h.engine.credentials;
    expect(JSON.stringify(got)).not.toContain(accessKeyId);
    expect(JSON.stringify(got)).not.toContain(accessKeySecret);
  });
});
