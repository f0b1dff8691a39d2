import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAsyncQueue, type AsyncQueue, type EnqueueInput } from '../async/async-queue';
import type { AsyncTask } from '../../contract/async-task';
import { openTestDatabase, removeDatabaseFile, tempDatabaseFile } from '../async/testing/queue-database';
import { call } from '../conformance/harness';
import type { AsyncIntake } from '../gateway/accept-async';
import { createGatewayHandler } from '../gateway/gateway-handler';
import {
  createFunction,
  createHttpTrigger,
  sdkClient,
  startTestEngine,
  stopTestEngine,
} from '../openapi/testing/engine-kit';
import type { InstancePool } from '../runtime/instance-pool';
import type { RunningEngine } from '../server';
import { acceptEnqueues, enqueueOnPrimary } from './async-intake';
import { ASYNC_BATCH_ITEMS_MAX, ASYNC_INTAKE_MESSAGE, toWire } from './async-intake-wire';
import type { GatewayChannel } from './gateway-channel';
import { channelPair } from './testing/channel-pair';

// A gateway process takes async invocations itself and has the primary commit them over the
// gateway channel (decision 048). Here the "gateway process" is an engine whose handler enqueues
// through one end of a channel pair; the "primary" is a real queue on a database file at the other.
const engines: RunningEngine[] = [];
const opened: { db: Database.Database; queue: AsyncQueue; file: string }[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const engine of engines.splice(0)) await stopTestEngine(engine);
  for (const { db, queue, file } of opened.splice(0)) {
    await queue.stop();
    db.close();
    removeDatabaseFile(file);
  }
});

function primaryQueue(): AsyncQueue {
  const file = tempDatabaseFile();
  const db = openTestDatabase(file);
  // Never started: accepted tasks stay Enqueued, as the primary's would until its worker runs them.
  const queue = createAsyncQueue({ db, run: async () => ({ ok: true, returnPayload: '' }) });
  opened.push({ db, queue, file });
  return queue;
}

/** A trigger URL served by a gateway handler that enqueues through `queue`. */
async function triggerServedWith(queue: AsyncIntake): Promise<string> {
  const onTriggerRequest = createGatewayHandler({ pool: {} as InstancePool, queue, log: () => {} });
  const engine = await startTestEngine({ onTriggerRequest });
  engines.push(engine);
  const client = sdkClient(engine);
  await createFunction(client, 'fn');
  const trigger = await createHttpTrigger(client, 'fn', 'http');
  return trigger.body!.httpTrigger!.urlInternet!;
}

/** A gateway process's trigger URL whose async invocations the primary's real queue commits. */
async function throughTheChannel() {
  const [gateway, primary] = channelPair();
  const queue = primaryQueue();
  acceptEnqueues(primary, queue);
  return { url: await triggerServedWith(enqueueOnPrimary(gateway)), queue, primary };
}

const sendAsync = (url: string, body: string, headers: Record<string, string> = {}) =>
  call(url, { method: 'POST', body, headers: { 'x-fc-invocation-type': 'Async', ...headers } });

/** What a client reads in an answer, without the ids that differ on every request. */
const seen = (reply: Awaited<ReturnType<typeof call>>) => {
  const { Code, Message } = reply.text ? (reply.json() as { Code?: string; Message?: string }) : {};
  return { status: reply.status, Code, Message };
};

describe('a gateway process taking async invocations through the primary', () => {
  it('answers 202 once the primary committed each task, with the request as the function will get it', async () => {
    const { url, queue } = await throughTheChannel();
    const replies = await Promise.all(['a', 'b', 'c'].map((body) => sendAsync(`${url}/path?x=1`, `job-${body}`)));
    expect(replies.map((reply) => reply.status)).toEqual([202, 202, 202]);
    for (const [i, reply] of replies.entries()) {
      const taskId = reply.headers['x-fc-async-task-id'] as string;
      expect(taskId).toBe(reply.headers['x-fc-request-id']);
      const task = queue.get('fn', taskId);
      expect(task).toMatchObject({ status: 'Enqueued', taskPayload: `job-${['a', 'b', 'c'][i]}` });
    }
  });

  it('answers a chosen task id, a reused one and an invalid one exactly as the primary does', async () => {
    const { url } = await throughTheChannel();
    const primaryUrl = await triggerServedWith(primaryQueue());
    const sequence = async (target: string) => [
      seen(await sendAsync(target, 'one', { 'x-fc-async-task-id': 'chosen_1' })),
      seen(await sendAsync(target, 'two', { 'x-fc-async-task-id': 'chosen_1' })),
      seen(await sendAsync(target, 'three', { 'x-fc-async-task-id': '1-starts-with-a-digit' })),
    ];
    const fromGateway = await sequence(url);
    expect(fromGateway.map((answer) => [answer.status, answer.Code])).toEqual([
      [202, undefined],
      [409, 'AsyncTaskAlreadyExists'],
      [400, 'InvalidArgument'],
    ]);
    expect(fromGateway).toEqual(await sequence(primaryUrl));
  });

  it('answers 500 InternalError at once when the primary is gone, and to a request waiting on it when it goes', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const pair = channelPair();
    const [gateway, primary] = pair;
    const received: unknown[] = [];
    // A primary that takes the batch and never answers: only its going away ends the wait.
    primary.handle(ASYNC_INTAKE_MESSAGE, (batch) => {
      received.push(batch);
      return new Promise(() => {});
    });
    const url = await triggerServedWith(enqueueOnPrimary(gateway));
    const waiting = sendAsync(url, 'waits');
    await vi.waitFor(() => expect(received).toHaveLength(1));
    pair.disconnect();
    expect(seen(await waiting)).toMatchObject({ status: 500, Code: 'InternalError' });
    expect(seen(await sendAsync(url, 'after'))).toMatchObject({ status: 500, Code: 'InternalError' });
  });
});

describe("the primary's side of the intake", () => {
  const request = (body: string) => ({
    method: 'POST',
    rawPath: '/',
    query: '',
    headers: { 'content-type': 'text/plain' },
    body: Buffer.from(body),
  });
  const item = (taskId: string, body = 'x') =>
    toWire({ functionName: 'fn', taskId, requestId: taskId, kind: 'http', request: request(body) }).item;

  it('refuses whole only a batch that is not a list of at most 256 enqueues', async () => {
    const [gateway, primary] = channelPair();
    const queue = primaryQueue();
    acceptEnqueues(primary, queue);
    const tooMany = Array.from({ length: ASYNC_BATCH_ITEMS_MAX + 1 }, (_, i) => item(`t${i}`));
    for (const batch of [tooMany, [], 'not a batch'])
      await expect(gateway.request(ASYNC_INTAKE_MESSAGE, batch)).rejects.toThrow(/not a list of enqueues/);
    expect(queue.list('fn', {})).toEqual({ ok: true, value: { tasks: [] } });
  });

  it('fails an item that does not parse alone, committing the others of its batch', async () => {
    const [gateway, primary] = channelPair();
    const queue = primaryQueue();
    acceptEnqueues(primary, queue);
    const tooLarge = item('large', 'x'.repeat(4 * 128 * 1024 + 1));
    const notAString = { ...item('bad'), request: { ...item('bad').request, headers: [['a', 1]] } };
    const answers = await gateway.request(ASYNC_INTAKE_MESSAGE, [item('first'), tooLarge, notAString, item('last')]);
    expect(answers).toEqual([
      { ok: true, value: { taskId: 'first' } },
      { failed: expect.stringMatching(/does not parse/) },
      { failed: expect.stringMatching(/does not parse/) },
      { ok: true, value: { taskId: 'last' } },
    ]);
    expect(queue.get('fn', 'first')?.status).toBe('Enqueued');
    expect(queue.get('fn', 'large')).toBeUndefined();
  });

  it("takes what the pipeline made of a request within the client's limits, a `__proto__` header too", async () => {
    const [gateway, primary] = channelPair();
    const received: EnqueueInput[] = [];
    acceptEnqueues(primary, {
      enqueue: async (input) => {
        received.push(input);
        return { ok: true, value: { taskId: input.taskId } as AsyncTask };
      },
    });
    // 998 lines `a: 1234567` pass the gateway's 8 KB of headers; joined with ", " they are one 9 KB header.
    const headers: Record<string, string> = { a: Array(998).fill('1234567').join(', ') };
    Object.defineProperty(headers, '__proto__', {
      value: 'kept',
      enumerable: true,
      writable: true,
      configurable: true,
    });
    const intake = enqueueOnPrimary(gateway);
    const results = await Promise.all([
      intake.enqueue({ functionName: 'fn', taskId: 'joined', kind: 'http', request: { ...request('x'), headers } }),
      intake.enqueue({ functionName: 'fn', taskId: 'plain', kind: 'http', request: request('y') }),
    ]);
    expect(results.map((result) => result.ok)).toEqual([true, true]);
    const joined = received[0]!.kind === 'http' ? received[0]!.request.headers : {};
    expect(Object.hasOwn(joined, '__proto__') && joined['__proto__']).toBe('kept');
    expect(joined.a).toBe(headers.a);
  });

  it('commits the enqueues of one turn from one message, answering each in order', async () => {
    const [gateway, primary] = channelPair();
    const queue = primaryQueue();
    const batches: number[] = [];
    const counting: GatewayChannel = {
      ...primary,
      handle: (type, handler) =>
        primary.handle(type, (batch) => (batches.push((batch as unknown[]).length), handler(batch))),
    };
    acceptEnqueues(counting, queue);
    const intake = enqueueOnPrimary(gateway);
    const count = ASYNC_BATCH_ITEMS_MAX + 4;
    const enqueue = (i: number) =>
      intake.enqueue({ functionName: 'fn', taskId: `t${i % (count - 1)}`, kind: 'http', request: request(`${i}`) });
    const results = await Promise.all(Array.from({ length: count }, (_, i) => enqueue(i)));
    // One message per turn, cut at the item bound; the last reuses the first's id.
    expect(batches).toEqual([ASYNC_BATCH_ITEMS_MAX, 4]);
    expect(results.slice(0, -1).map((result) => result.ok && result.value.taskId)).toEqual(
      Array.from({ length: count - 1 }, (_, i) => `t${i}`),
    );
    expect(results.at(-1)).toMatchObject({ ok: false, error: { status: 409, code: 'AsyncTaskAlreadyExists' } });
    expect(queue.get('fn', 't1')?.taskPayload).toBe('1');
  });
});
