import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MIRROR, code, type Mirrored } from './fixtures';
import { call, deployHttp, hostOf, startHarness, type Harness, type Reply } from './harness';

// What a client sees when the function fails, and that the engine recovers from it.
let h: Harness;
// An instance's memory and identity are its gateway process's: tests that follow one instance across
// connections run with one process (decision 044), whatever FC_ENGINE_GATEWAYS says.
let one: Harness;
beforeAll(async () => {
  [h, one] = await Promise.all([startHarness(), startHarness({}, { gateways: 1 })]);
});
afterAll(() => Promise.all([h.close(), one.close()]));

function expectFunctionError(reply: Reply, code: string) {
  expect(reply.status).toBe(502);
  expect(reply.json()).toMatchObject({ Code: code, RequestId: reply.headers['x-fc-request-id'] });
  expect(reply.headers['x-fc-error-type']).toBe(code);
}

describe('function errors are 502 with x-fc-error-type', () => {
  it('a thrown error, and the next request still runs', async () => {
    const { urlInternet } = await deployHttp(
      one,
      code(
        `let n = 0; exports.handler = async () => { if (n++ === 0) throw new Error('first call fails'); return { body: 'second' }; };`,
      ),
    );
    const first = await call(urlInternet);
    expectFunctionError(first, 'UnhandledInvocationError');
    expect(first.json<{ Message: string }>().Message).toBe('first call fails');
    expect((await call(urlInternet)).text).toBe('second');
  });

  it('a syntax error', async () => {
    const { urlInternet } = await deployHttp(h, code('exports.handler = async () => { return ('));
    expectFunctionError(await call(urlInternet), 'UnhandledInvocationError');
  });

  it('process.exit in the handler; a new instance serves the next request', async () => {
    const { urlInternet } = await deployHttp(
      one,
      code(
        `exports.handler = async (event) => { if (JSON.parse(event).rawPath === '/exit') process.exit(3); return { body: String(process.env.FC_INSTANCE_ID) }; };`,
      ),
    );
    const before = (await call(urlInternet)).text;
    expectFunctionError(await call(urlInternet, { path: '/exit' }), 'FunctionExited');
    const after = await call(urlInternet);
    expect(after.status).toBe(200);
    expect(after.text).not.toBe(before);
  });

  it('an infinite loop past a 1 second timeout', async () => {
    const { urlInternet } = await deployHttp(h, {
      ...code('exports.handler = async () => { for (;;) {} };'),
      timeout: 1,
    });
    // The loop never ends: only the timeout can answer, and it names itself.
    const reply = await call(urlInternet);
    expectFunctionError(reply, 'FunctionTimeout');
  });

  it('huge response headers are 502 BadResponse, while a huge body is served', async () => {
    const { urlInternet } = await deployHttp(
      h,
      code(`exports.handler = async (event) => JSON.parse(event).rawPath === '/headers'
        ? { headers: { 'x-a': 'a'.repeat(5000), 'x-b': 'b'.repeat(5000) }, body: 'x' }
        : { headers: { 'content-type': 'text/plain' }, body: 'z'.repeat(8 * 1024 * 1024) };`),
    );
    expectFunctionError(await call(urlInternet, { path: '/headers' }), 'BadResponse');
    const big = await call(urlInternet, { path: '/body' });
    expect(big.status).toBe(200);
    expect(big.body.length).toBe(8 * 1024 * 1024);
  });

  it('a header HTTP cannot carry is a malformed response: 502 BadResponse', async () => {
    const { urlInternet } = await deployHttp(
      h,
      code(`exports.handler = async () => ({ headers: { 'x-bad': 'line\\nbreak' }, body: 'x' });`),
    );
    expectFunctionError(await call(urlInternet), 'BadResponse');
  });
});

it('a client that hangs up is logged as 499 and the instance is kept', async () => {
  const { urlInternet, functionName } = await deployHttp(one, MIRROR);
  const url = new URL(urlInternet);
  await new Promise<void>((resolve) => {
    const req = http.request({
      host: '127.0.0.1',
      port: Number(url.port),
      path: '/?sleep=400',
      headers: { host: hostOf(urlInternet) },
      agent: false,
    });
    req.on('error', () => resolve());
    req.end();
    setTimeout(() => {
      req.destroy();
      resolve();
    }, 150);
  });
  await vi.waitFor(
    () => expect(one.logs.join('\n')).toMatch(new RegExp(`499 ClientClosedRequest \\S+ ${functionName}:`)),
    { timeout: 3000 },
  );
  const instance = () => one.engine.pool.instances().filter((i) => i.functionName === functionName);
  await vi.waitFor(() => expect(instance()).toMatchObject([{ inFlight: 0 }]), { timeout: 3000 });
  const { instanceId } = instance()[0]!;
  expect((await call(urlInternet)).json<Mirrored>().instance).toBe(instanceId);
});
