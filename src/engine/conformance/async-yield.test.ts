import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { $FC } from '../openapi/testing/engine-kit';
import { MIRROR, type Mirrored } from './fixtures';
import { call, deployHttp, startHarness, type Harness } from './harness';

let h: Harness;
// As decision 029's tests force it: the loop counts as saturated and the intake as busy all test long, so
// runs yield to accepts throughout (one lane, one start per 10 ms).
beforeAll(async () => (h = await startHarness({ asyncPollMs: 50, asyncYield: { busyMs: 60_000, saturatedAbove: 0 } })));
afterAll(() => h.close());

const ASYNC = { 'X-Fc-Invocation-Type': 'Async' };
const getTask = (fn: string, taskId: string) =>
  h.client.getAsyncTask(fn, taskId, new $FC.GetAsyncTaskRequest({})).then((r) => r.body!);
const settled = (fn: string, taskId: string, status = 'Succeeded') =>
  vi.waitFor(
    async () => {
      const task = await getTask(fn, taskId);
      expect(task.status).toBe(status);
      return task;
    },
    { timeout: 30_000, interval: 100 },
  );

it("a long async run does not hold another function's tasks while accepts keep arriving", async () => {
  const slow = await deployHttp(h, { ...MIRROR, timeout: 60 });
  const fast = await deployHttp(h, MIRROR);
  const longId = (await call(slow.urlInternet, { path: '/?sleep=6000', headers: ASYNC })).headers[
    'x-fc-request-id'
  ] as string;
  await settled(slow.functionName, longId, 'Running');

  // Two clients keep sending the fast function async invocations (each the next once its 202 came, 100
  // at most) until its first five tasks are through or the long run is over.
  const accepted: string[] = [];
  let sending = true;
  const client = async () => {
    while (sending && accepted.length < 100) {
      const reply = await call(fast.urlInternet, { path: '/?n=1', headers: ASYNC });
      expect(reply.status).toBe(202);
      accepted.push(reply.headers['x-fc-request-id'] as string);
    }
  };
  const watch = async () => {
    while (sending) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const first = await Promise.all(accepted.slice(0, 5).map((id) => getTask(fast.functionName, id)));
      const long = await getTask(slow.functionName, longId);
      if (long.status !== 'Running' || (first.length === 5 && first.every((t) => t.status === 'Succeeded')))
        sending = false;
    }
  };
  await Promise.all([client(), client(), watch()]);

  const long = await settled(slow.functionName, longId);
  const ran = await Promise.all(accepted.map((id) => settled(fast.functionName, id)));
  expect(ran.map((task) => (JSON.parse(task.returnPayload!) as Mirrored).requestId)).toEqual(accepted);
  // The fast function's first tasks ended while the long one was still running.
  expect(ran.slice(0, 5).map((task) => task.endTime! < long.endTime!)).toEqual([true, true, true, true, true]);
}, 120_000);
