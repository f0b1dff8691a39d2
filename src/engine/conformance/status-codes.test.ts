import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAcs3 } from '../../contract/acs3-signature';
import { MIRROR, code } from './fixtures';
import { ANONYMOUS, call, deployHttp, hostOf, startHarness, type Harness, type Reply } from './harness';

// The seed's "Troubleshoot errors" table, row by row, over real HTTP. The 429 row is in
// concurrency.test.ts (it needs a small instance cap); 500 and 503 are at the end.
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

function expectError(reply: Reply, status: number, code: string) {
  expect(reply.status).toBe(status);
  const body = reply.json<{ Code: string; Message: string; RequestId: string }>();
  expect(body.Code).toBe(code);
  expect(body.RequestId).toBe(reply.headers['x-fc-request-id']);
  return body;
}

describe('request errors (4xx, not billed)', () => {
  it('400: the request exceeds the request limits', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR);
    const reply = await call(urlInternet, { headers: { 'x-big': 'a'.repeat(9000) } });
    expectError(reply, 400, 'InvalidArgument');
  });

  describe('Signature authentication', () => {
    const signed = (url: string, now = Date.now()) => {
      const headers = signAcs3(
        { method: 'GET', rawPath: '/hello', query: '', headers: { host: hostOf(url) }, body: new Uint8Array() },
        h.engine.credentials,
        now,
      );
      delete headers.host;
      return headers;
    };
    const signatureTrigger = () => deployHttp(h, MIRROR, { methods: ['GET'], authType: 'function' });

    it('400: the Date or Authorization header is missing', async () => {
      const { urlInternet } = await signatureTrigger();
      expectError(await call(urlInternet, { path: '/hello' }), 400, 'MissingRequiredHeader');
      const { Authorization: _, ...noAuthorization } = signed(urlInternet);
      expectError(await call(urlInternet, { path: '/hello', headers: noAuthorization }), 400, 'MissingRequiredHeader');
      const { 'x-acs-date': __, ...noDate } = signed(urlInternet);
      expectError(await call(urlInternet, { path: '/hello', headers: noDate }), 400, 'MissingRequiredHeader');
    });

    it('403: the Authorization signature is invalid', async () => {
      const { urlInternet } = await signatureTrigger();
      const headers = signed(urlInternet);
      const tampered = {
        ...headers,
        Authorization: headers.Authorization!.replace(
          /Signature=(.)/,
          (_, c: string) => `Signature=${c === 'a' ? 'b' : 'a'}`,
        ),
      };
      expectError(await call(urlInternet, { path: '/hello', headers: tampered }), 403, 'SignatureNotMatch');
      // Signed for another path than the one sent.
      expectError(await call(urlInternet, { path: '/other', headers }), 403, 'SignatureNotMatch');
    });

    it('403: the Date is more than 15 minutes from now; within 15 minutes it passes', async () => {
      const { urlInternet } = await signatureTrigger();
      const stale = signed(urlInternet, Date.now() - 16 * 60_000);
      expectError(await call(urlInternet, { path: '/hello', headers: stale }), 403, 'RequestTimeTooSkewed');
      const fresh = signed(urlInternet, Date.now() - 14 * 60_000);
      expect((await call(urlInternet, { path: '/hello', headers: fresh })).status).toBe(200);
    });
  });

  it('403: the method is not allowed by the trigger', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR, { methods: ['GET'], authType: 'anonymous' });
    expect((await call(urlInternet)).status).toBe(200);
    const body = expectError(await call(urlInternet, { method: 'POST', body: 'x' }), 403, 'MethodNotAllowed');
    expect(body.Message).toContain('POST');
  });

  it('404: no HTTP trigger answers the host', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR);
    const url = new URL(urlInternet);
    const unknown = `http://nobody-abcdefghij.cn-hangzhou.fcapp.localhost:${url.port}`;
    expectError(await call(unknown), 404, 'TriggerNotFound');
    // The trigger's own label in another region is not it either.
    expectError(await call(urlInternet.replace('cn-hangzhou', 'cn-shanghai')), 404, 'TriggerNotFound');
  });

  it('403: a disabled internet URL answers with the seed sentence; the -vpc URL still works', async () => {
    const { urlInternet, urlIntranet } = await deployHttp(h, MIRROR, { ...ANONYMOUS, disableURLInternet: true });
    const body = expectError(await call(urlInternet), 403, 'InternetURLDisabled');
    expect(body.Message).toBe('access denied due to function internet URL is disable');
    expect(urlIntranet).toContain('.cn-hangzhou-vpc.fcapp.localhost:');
    expect((await call(urlIntranet)).status).toBe(200);
  });
});

describe('function errors (502, billed)', () => {
  it('502: the function response exceeds the response limits (headers over 8 KB)', async () => {
    const { urlInternet } = await deployHttp(
      h,
      code(
        `exports.handler = async () => ({ statusCode: 200, headers: { 'x-big': 'a'.repeat(9000) }, body: 'never seen' });`,
      ),
    );
    const reply = await call(urlInternet);
    expectError(reply, 502, 'BadResponse');
    expect(reply.headers['x-big']).toBeUndefined();
  });

  it('502: the function code has a syntax error', async () => {
    const { urlInternet } = await deployHttp(h, code('exports.handler = async () => {'));
    const reply = await call(urlInternet);
    expectError(reply, 502, 'UnhandledInvocationError');
    expect(reply.headers['x-fc-error-type']).toBe('UnhandledInvocationError');
  });

  it('502: the function throws an exception', async () => {
    const { urlInternet } = await deployHttp(
      h,
      code(`exports.handler = async () => { throw new TypeError('boom'); };`),
    );
    const reply = await call(urlInternet);
    expect(expectError(reply, 502, 'UnhandledInvocationError').Message).toBe('boom');
    expect(reply.headers['x-fc-error-type']).toBe('UnhandledInvocationError');
  });

  it('502: the function does not have the HTTP handler', async () => {
    const { urlInternet } = await deployHttp(h, {
      ...code('exports.other = async () => "x";'),
      handler: 'index.handler',
    });
    const reply = await call(urlInternet);
    expectError(reply, 502, 'HandlerNotFound');
    expect(reply.headers['x-fc-error-type']).toBe('HandlerNotFound');
  });
});

// 500 (internal error): the engine answers it for an exception of its own, which no request can
// cause honestly; gateway-handler.test.ts provokes it with a failing runtime. 503 (system
// throttling) has no local cause: the engine throttles per function only (429).

it('every answer carries x-fc-request-id, errors and successes alike', async () => {
  const { urlInternet } = await deployHttp(h, MIRROR, { methods: ['GET'], authType: 'anonymous' });
  const replies = await Promise.all([
    call(urlInternet),
    call(urlInternet, { method: 'DELETE' }),
    call(urlInternet.replace(/^http:\/\/[^.]+/, 'http://missing-aaaaaaaaaa')),
  ]);
  expect(replies.map((r) => r.status)).toEqual([200, 403, 404]);
  for (const reply of replies) expect(reply.headers['x-fc-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(replies[0]!.json<{ requestId: string }>().requestId).toBe(replies[0]!.headers['x-fc-request-id']);
});
