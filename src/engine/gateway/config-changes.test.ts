import { afterAll, beforeAll, expect, it } from 'vitest';
import { code } from '../conformance/fixtures';
import { call, deployHttp, startHarness, type Harness } from '../conformance/harness';
import { $FC } from '../openapi/testing/engine-kit';

// The gateway caches its lookups (store/read-cache.ts): a change must still reach the very next request.
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const OK = code('exports.handler = async () => ({ body: "ok" });');

it('a deleted trigger answers 404 TriggerNotFound on the next request', async () => {
  const { urlInternet, functionName, triggerName } = await deployHttp(h, OK);
  expect((await call(urlInternet)).text).toBe('ok');
  await h.client.deleteTrigger(functionName, triggerName);
  const reply = await call(urlInternet);
  expect(reply.status).toBe(404);
  expect(reply.json()).toMatchObject({ Code: 'TriggerNotFound' });
});

it("a deleted function's trigger answers 404 on the next request", async () => {
  const { urlInternet, functionName, triggerName } = await deployHttp(h, OK);
  expect((await call(urlInternet)).status).toBe(200);
  await h.client.deleteTrigger(functionName, triggerName);
  await h.client.deleteFunction(functionName);
  expect((await call(urlInternet)).status).toBe(404);
});

it('a changed environment variable reaches the next request', async () => {
  const { urlInternet, functionName } = await deployHttp(
    h,
    code('exports.handler = async () => ({ body: process.env.GREETING ?? "none" });'),
  );
  expect((await call(urlInternet)).text).toBe('none');
  await h.client.updateFunction(
    functionName,
    new $FC.UpdateFunctionRequest({
      body: new $FC.UpdateFunctionInput({ environmentVariables: { GREETING: 'hi' } }),
    }),
  );
  expect((await call(urlInternet)).text).toBe('hi');
});
