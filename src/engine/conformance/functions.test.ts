import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $FC, zipBase64 } from '../openapi/testing/engine-kit';
import { WEB_SERVER, code } from './fixtures';
import { call, deployFunction, deployHttp, deployTrigger, hostOf, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

describe('event functions', () => {
  it('receive the HTTP trigger event, multi-valued headers and query parameters joined with commas', async () => {
    const { urlInternet } = await deployHttp(
      h,
      code('exports.handler = async (event) => ({ statusCode: 200, body: event.toString() });'),
    );
    const reply = await call(urlInternet, {
      method: 'POST',
      path: '/orders/7?tag=a&tag=b&q=x%20y',
      headers: { 'content-type': 'application/json', 'user-agent': 'conformance', 'x-multi': ['1', '2'] },
      body: '{"n":1}',
    });
    const event = reply.json<{ headers: Record<string, string>; requestContext: { timeEpoch: string } }>();
    const host = hostOf(urlInternet);
    expect(event).toMatchObject({
      version: 'v1',
      rawPath: '/orders/7',
      queryParameters: { tag: 'a,b', q: 'x y' },
      body: '{"n":1}',
      isBase64Encoded: false,
      requestContext: {
        accountId: h.engine.credentials.accountId,
        domainName: host.split(':')[0],
        domainPrefix: host.split('.')[0],
        http: {
          method: 'POST',
          path: '/orders/7',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'conformance',
        },
        requestId: reply.headers['x-fc-request-id'],
      },
    });
    expect(event.headers['Content-Type']).toBe('application/json');
    expect(event.headers['X-Multi']).toMatch(/^1, ?2$/);
    expect(Number(event.requestContext.timeEpoch)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('get a binary body base64-encoded', async () => {
    const { urlInternet } = await deployHttp(
      h,
      code(
        'exports.handler = async (event) => { const e = JSON.parse(event); return { body: JSON.stringify({ b64: e.isBase64Encoded, body: e.body }) }; };',
      ),
    );
    const bytes = Buffer.from([0, 255, 1, 254]);
    const reply = await call(urlInternet, {
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(reply.json()).toEqual({ b64: true, body: bytes.toString('base64') });
  });

  it("answer with what the overview's example reads: JSON.parse(event).requestContext.http.method", async () => {
    const { urlInternet } = await deployHttp(
      h,
      code(`exports.handler = (event, context, callback) => {
      const method = JSON.parse(event).requestContext.http.method;
      callback(null, { statusCode: 200, body: 'method ' + method });
    };`),
    );
    expect((await call(urlInternet, { method: 'PATCH', body: 'x' })).text).toBe('method PATCH');
    expect((await call(urlInternet, { method: 'DELETE' })).text).toBe('method DELETE');
  });

  it('a new deployment serves the next request', async () => {
    const { urlInternet, functionName } = await deployHttp(h, code('exports.handler = async () => ({ body: "v1" });'));
    expect((await call(urlInternet)).text).toBe('v1');
    await h.client.updateFunction(
      functionName,
      new $FC.UpdateFunctionRequest({
        body: new $FC.UpdateFunctionInput({
          code: new $FC.InputCodeLocation({
            zipFile: zipBase64({ 'index.js': 'exports.handler = async () => ({ body: "v2" });' }),
          }),
        }),
      }),
    );
    expect((await call(urlInternet)).text).toBe('v2');
  });

  it('a changed trigger config applies to the next request', async () => {
    const { urlInternet, functionName, triggerName } = await deployHttp(
      h,
      code('exports.handler = async () => ({ body: "ok" });'),
      { methods: ['GET'], authType: 'anonymous' },
    );
    expect((await call(urlInternet)).status).toBe(200);
    const triggerConfig = JSON.stringify({
      methods: ['POST'],
      authType: 'bearer',
      authConfig: { tokens: [{ name: 'ci', token: 'B'.repeat(32) }] },
    });
    await h.client.updateTrigger(
      functionName,
      triggerName,
      new $FC.UpdateTriggerRequest({ body: new $FC.UpdateTriggerInput({ triggerConfig }) }),
    );
    expect((await call(urlInternet)).status).toBe(403);
    expect((await call(urlInternet, { method: 'POST', body: 'x' })).status).toBe(401);
    expect(
      (await call(urlInternet, { method: 'POST', body: 'x', headers: { authorization: `Bearer ${'B'.repeat(32)}` } }))
        .text,
    ).toBe('ok');
  });

  it("a trigger on an alias runs the alias's version, or an additional version by its weight", async () => {
    const functionName = await deployFunction(h, code('exports.handler = async () => ({ body: "one" });'));
    await h.client.publishFunctionVersion(
      functionName,
      new $FC.PublishFunctionVersionRequest({ body: new $FC.PublishVersionInput({}) }),
    );
    await h.client.updateFunction(
      functionName,
      new $FC.UpdateFunctionRequest({
        body: new $FC.UpdateFunctionInput({
          code: new $FC.InputCodeLocation({
            zipFile: zipBase64({ 'index.js': 'exports.handler = async () => ({ body: "two" });' }),
          }),
        }),
      }),
    );
    await h.client.publishFunctionVersion(
      functionName,
      new $FC.PublishFunctionVersionRequest({ body: new $FC.PublishVersionInput({}) }),
    );
    const alias = (aliasName: string, weight: number) =>
      h.client.createAlias(
        functionName,
        new $FC.CreateAliasRequest({
          body: new $FC.CreateAliasInput({ aliasName, versionId: '1', additionalVersionWeight: { '2': weight } }),
        }),
      );
    await alias('stable', 0);
    await alias('canary', 1);
    const stable = await deployTrigger(h, functionName, { methods: ['GET'], authType: 'anonymous' }, 'stable');
    const canary = await deployTrigger(h, functionName, { methods: ['GET'], authType: 'anonymous' }, 'canary');
    expect([(await call(stable.urlInternet)).text, (await call(stable.urlInternet)).text]).toEqual(['one', 'one']);
    expect([(await call(canary.urlInternet)).text, (await call(canary.urlInternet)).text]).toEqual(['two', 'two']);
  });
});

describe('web functions (custom runtime)', () => {
  it('get the request proxied: method, path, query, headers and body', async () => {
    const { urlInternet } = await deployHttp(h, WEB_SERVER);
    const reply = await call(urlInternet, {
      method: 'PUT',
      path: '/orders/7?x=1&x=2',
      headers: { 'content-type': 'text/plain', 'x-fc-secret': 'no' },
      body: 'hello web',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['x-served-by']).toBe('web');
    const seen = reply.json<{ method: string; url: string; body: string; headers: Record<string, string> }>();
    expect(seen).toMatchObject({ method: 'PUT', url: '/orders/7?x=1&x=2', body: 'hello web' });
    expect(seen.headers['content-type']).toBe('text/plain');
    expect(seen.headers['x-fc-secret']).toBeUndefined();
    expect(seen.headers['x-fc-request-id']).toBe(reply.headers['x-fc-request-id']);
  });

  it('whose server never listens are a 502', async () => {
    const { urlInternet } = await deployHttp(h, { ...WEB_SERVER, files: { 'server.js': 'process.exit(1);' } });
    const reply = await call(urlInternet);
    expect(reply.status).toBe(502);
    expect(reply.headers['x-fc-error-type']).toBe('InstanceStartFailed');
  });
});
