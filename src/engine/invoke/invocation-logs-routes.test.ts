import * as $dara from '@darabonba/typescript';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIRROR, code } from '../conformance/fixtures';
import { call, deployFunction, deployHttp, startHarness, type Harness } from '../conformance/harness';
import { getEngineExtension, invocationLogsPath } from '../conformance/testing/engine-extension';
import { $FC, sdkError } from '../openapi/testing/engine-kit';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

/** Prints 200 numbered lines of 40 characters (8 KB): more than the 4 KB tail. */
const CHATTY = code(`exports.handler = async (event) => {
  for (let i = 0; i < 200; i++) console.log('line ' + String(i).padStart(3, '0') + ' ' + 'x'.repeat(30));
  const req = JSON.parse(event);
  return { statusCode: 200, body: 'done ' + (req.headers['x-fc-log-type'] ?? req.headers['X-Fc-Log-Type'] ?? 'unseen') };
};
`);

/** The engine-only operation, called as the SDK's own methods call theirs. */
function completeLogs(functionName: string, requestId: string) {
  return getEngineExtension(h.client, 'GetInvocationLogs', invocationLogsPath(functionName, requestId)) as Promise<{
    requestId: string;
    functionName: string;
    logs: string;
    truncated: boolean;
  }>;
}

const decode = (value: unknown) => Buffer.from(String(value), 'base64').toString('utf8');

describe('x-fc-log-type: Tail on a trigger request', () => {
  it('answers the last 4 KB of the log in x-fc-log-result, and the function never sees the header', async () => {
    const { urlInternet } = await deployHttp(h, CHATTY);
    const reply = await call(urlInternet, { headers: { 'x-fc-log-type': 'Tail' } });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('done unseen');
    const tail = decode(reply.headers['x-fc-log-result']);
    expect(Buffer.byteLength(tail)).toBe(4096);
    expect(tail).toContain('line 199');
    expect(tail).not.toContain('line 000');
    expect(tail).toContain(`FC Invoke End RequestId: ${String(reply.headers['x-fc-request-id'])}`);
  });

  it('sends no log without it, and a function error still carries its log', async () => {
    const { urlInternet } = await deployHttp(
      h,
      code(`exports.handler = async () => { console.log('about to fail'); throw new Error('boom'); };`),
    );
    expect((await call(urlInternet)).headers['x-fc-log-result']).toBeUndefined();
    const failed = await call(urlInternet, { headers: { 'x-fc-log-type': 'tail' } });
    expect(failed.status).toBe(502);
    expect(decode(failed.headers['x-fc-log-result'])).toContain('about to fail');
  });
});

describe('the complete logs of an invocation (engine-only OpenAPI extension)', () => {
  it('answers every line of a trigger invocation, beyond the 4 KB tail', async () => {
    const { urlInternet, functionName } = await deployHttp(h, CHATTY);
    const reply = await call(urlInternet);
    const requestId = String(reply.headers['x-fc-request-id']);
    const logs = await completeLogs(functionName, requestId);
    expect(logs).toMatchObject({ requestId, functionName, truncated: false });
    expect(logs.logs).toContain(`FC Invoke Start RequestId: ${requestId}`);
    expect(logs.logs).toContain('line 000');
    expect(logs.logs).toContain('line 199');
  });

  it('keeps the logs of InvokeFunction too', async () => {
    const fn = await deployFunction(
      h,
      code(`exports.handler = async (event) => { console.log('event was ' + event); return 'ok'; };`),
    );
    const res = await h.client.invokeFunctionWithOptions(
      fn,
      new $FC.InvokeFunctionRequest({ body: Readable.from([Buffer.from('ping')]) }),
      new $FC.InvokeFunctionHeaders({}),
      new $dara.RuntimeOptions({}),
    );
    const logs = await completeLogs(fn, res.headers!['x-fc-request-id']!);
    expect(logs.logs).toContain('event was ping');
  });

  it('is 404 for a request id it does not know, or one of another function, and refuses an unsigned call', async () => {
    const { urlInternet, functionName } = await deployHttp(h, MIRROR);
    const other = await deployFunction(h, MIRROR);
    const reply = await call(urlInternet);
    expect(reply.status).toBe(200);
    const requestId = String(reply.headers['x-fc-request-id']);
    expect(await sdkError(completeLogs(functionName, 'no-such-request'))).toMatchObject({
      statusCode: 404,
      code: 'InvocationLogNotFound',
    });
    expect(await sdkError(completeLogs(other, requestId))).toMatchObject({ statusCode: 404 });
    const unsigned = await fetch(`${h.engine.url}/2023-03-30/functions/${functionName}/invocations/${requestId}/logs`);
    expect(unsigned.status).toBe(400);
  });
});
