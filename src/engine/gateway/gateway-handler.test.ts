import { afterEach, expect, it, vi } from 'vitest';
import type { AsyncQueue } from '../async/async-queue';
import { call } from '../conformance/harness';
import {
  createFunction,
  createHttpTrigger,
  sdkClient,
  startTestEngine,
  stopTestEngine,
} from '../openapi/testing/engine-kit';
import type { InstancePool } from '../runtime/instance-pool';
import type { RunningEngine } from '../server';
import { createGatewayHandler } from './gateway-handler';

// The rows no honest request can provoke: the engine itself failing.
const engines: RunningEngine[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const engine of engines.splice(0)) await stopTestEngine(engine);
});

async function engineWith(pool: Partial<InstancePool>) {
  const onTriggerRequest = createGatewayHandler({ pool: pool as InstancePool, queue: {} as AsyncQueue, log: () => {} });
  const engine = await startTestEngine({ onTriggerRequest });
  engines.push(engine);
  const client = sdkClient(engine);
  await createFunction(client, 'fn');
  const trigger = await createHttpTrigger(client, 'fn', 'http');
  return trigger.body!.httpTrigger!.urlInternet!;
}

it('an exception inside the engine is 500 InternalError as JSON, with a request id, and nothing else leaks', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const url = await engineWith({ invokeHttp: () => Promise.reject(new Error('secret internals')) });
  const reply = await call(url);
  expect(reply.status).toBe(500);
  expect(reply.json()).toEqual({
    Code: 'InternalError',
    Message: 'Function Compute internal error.',
    RequestId: reply.headers['x-fc-request-id'],
  });
  expect(reply.text).not.toContain('secret internals');
});

it("the runtime's own internal failure is 500 too, without x-fc-error-type (not a function error)", async () => {
  const url = await engineWith({
    invokeHttp: async () => ({ error: 'InternalError', message: 'The instance pool is closed', logs: '' }),
  });
  const reply = await call(url);
  expect(reply.status).toBe(500);
  expect(reply.json()).toMatchObject({ Code: 'InternalError' });
  expect(reply.headers['x-fc-error-type']).toBeUndefined();
});
