import type Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAsyncQueue, type AsyncQueue } from '../async/async-queue';
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
import { commitOnGateway, wakeOnAccepts, type GatewayAsyncIntake } from './async-intake';
import { channelOver, type ChannelEndpoint } from './gateway-channel';
import { channelPair } from './testing/channel-pair';

// A gateway process commits the async invocations it takes with its own connection to engine.db
// (decision 048). Here the "gateway process" is an engine whose handler enqueues through that intake;
// the "primary" is a real queue on the same database file, told through one end of a channel pair.
const CHILD = fileURLToPath(new URL('./testing/intake-child.ts', import.meta.url));
const engines: RunningEngine[] = [];
const opened: { db: Database.Database; queue: AsyncQueue; intakes: GatewayAsyncIntake[]; file: string }[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const engine of engines.splice(0)) await stopTestEngine(engine);
  for (const { db, queue, intakes, file } of opened.splice(0)) {
    for (const intake of intakes) await intake.close();
    await queue.stop();
    db.close();
    removeDatabaseFile(file);
  }
});

type Ran = { taskId: string; body: string };

/** The primary's queue on a fresh database, running tasks (recorded in `ran`) only when woken: its poll is a minute. */
function primary() {
  const file = tempDatabaseFile();
  const db = openTestDatabase(file);
  const ran: Ran[] = [];
  const queue = createAsyncQueue({
    db,
    pollMs: 60_000,
    run: async (task) => {
      ran.push({ taskId: task.taskId, body: (task.kind === 'http' ? task.request.body : task.event).toString() });
      return { ok: true, returnPayload: '' };
    },
  });
  const entry = { db, queue, intakes: [] as GatewayAsyncIntake[], file };
  opened.push(entry);
  /** A gateway process's intake on the same database, telling this primary over a channel. */
  const gatewayIntake = () => {
    const [gateway, toPrimary] = channelPair();
    wakeOnAccepts(toPrimary, queue);
    const intake = commitOnGateway(path.dirname(file), gateway);
    entry.intakes.push(intake);
    return intake;
  };
  return { queue, ran, db, dataDir: path.dirname(file), gatewayIntake };
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

/** A real gateway process's intake (testing/intake-child.ts) committing `count` tasks; resolves with its report. */
function gatewayProcess(dataDir: string, count: number, queue: AsyncQueue): Promise<string> {
  const child = fork(CHILD, [dataDir, String(count), 'g'], { execArgv: ['--import', 'tsx'], stdio: 'pipe' });
  wakeOnAccepts(channelOver(child as unknown as ChannelEndpoint), queue);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`the gateway process exited with ${code}`));
    });
  });
}

const sendAsync = (url: string, body: string, headers: Record<string, string> = {}) =>
  call(url, { method: 'POST', body, headers: { 'x-fc-invocation-type': 'Async', ...headers } });

/** What a client reads in an answer, without the ids that differ on every request. */
const seen = (reply: Awaited<ReturnType<typeof call>>) => {
  const { Code, Message } = reply.text ? (reply.json() as { Code?: string; Message?: string }) : {};
  return { status: reply.status, Code, Message };
};

describe('a gateway process committing the async invocations it takes', () => {
  it('answers 202 once each task is on disk, and the primary runs them at once, the request as sent', async () => {
    const { queue, ran, gatewayIntake } = primary();
    queue.start();
    const url = await triggerServedWith(gatewayIntake());
    const replies = await Promise.all(['a', 'b', 'c'].map((body) => sendAsync(`${url}/path?x=1`, `job-${body}`)));
    expect(replies.map((reply) => reply.status)).toEqual([202, 202, 202]);
    const taskIds = replies.map((reply) => reply.headers['x-fc-async-task-id'] as string);
    expect(taskIds).toEqual(replies.map((reply) => reply.headers['x-fc-request-id']));
    // Within a second, with a poll of a minute: the gateway process told the primary.
    await vi.waitFor(() => expect(ran).toHaveLength(3), { timeout: 1000 });
    expect(ran.map(({ taskId, body }) => [taskIds.indexOf(taskId), body]).sort()).toEqual([
      [0, 'job-a'],
      [1, 'job-b'],
      [2, 'job-c'],
    ]);
  });

  it('answers a chosen task id, a reused one and an invalid one exactly as the primary does', async () => {
    const { gatewayIntake } = primary();
    const url = await triggerServedWith(gatewayIntake());
    const primaryUrl = await triggerServedWith(primary().queue);
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

  it('answers 409 for a task id the primary took, and the primary 409 for one the gateway process took', async () => {
    const { queue, gatewayIntake } = primary();
    const intake = gatewayIntake();
    const event = (taskId: string) => ({
      functionName: 'fn',
      taskId,
      kind: 'event' as const,
      event: Buffer.from('{}'),
    });
    expect(await queue.enqueue(event('by_primary'))).toMatchObject({ ok: true });
    expect(await intake.enqueue(event('by_gateway'))).toMatchObject({ ok: true });
    expect(await intake.enqueue(event('by_primary'))).toMatchObject({ ok: false, error: { status: 409 } });
    expect(await queue.enqueue(event('by_gateway'))).toMatchObject({ ok: false, error: { status: 409 } });
  });

  it('commits what it accepted before it closes', async () => {
    const { queue, gatewayIntake } = primary();
    const intake = gatewayIntake();
    const accepted = intake.enqueue({ functionName: 'fn', taskId: 'last', kind: 'event', event: Buffer.from('{}') });
    await intake.close();
    expect(await accepted).toMatchObject({ ok: true });
    expect(queue.get('fn', 'last')).toMatchObject({ status: 'Enqueued' });
  });

  it('loses nothing and refuses nothing while both processes insert at once and the primary runs tasks', async () => {
    const { queue, ran, db, dataDir } = primary();
    queue.start();
    const count = 1500;
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const child = gatewayProcess(dataDir, count, queue);
    const ours: Promise<unknown>[] = [];
    for (let i = 0; i < count; i++) {
      ours.push(queue.enqueue({ functionName: 'fn', taskId: `p${i}`, kind: 'event', event: Buffer.from(`${i}`) }));
      if (i % 5 === 4) await new Promise(setImmediate);
    }
    const [theirs, primaryResults] = await Promise.all([child, Promise.all(ours)]);
    delay.disable();
    const gateway = JSON.parse(theirs) as { accepted: number; others: string[]; stallMs: number };
    expect(gateway).toMatchObject({ accepted: count, others: [] });
    expect(primaryResults.filter((result) => !(result as { ok: boolean }).ok)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM async_tasks').pluck().get()).toBe(2 * count);
    // The primary only polls every minute: the gateway process's tasks ran because it told the primary.
    await vi.waitFor(() => expect(ran).toHaveLength(2 * count), { timeout: 20_000, interval: 100 });
    console.info(
      `two writers, ${count} each: longest stall ${gateway.stallMs.toFixed(1)} ms in the gateway process, ` +
        `${(delay.max / 1e6).toFixed(1)} ms in the primary`,
    );
  }, 40_000);
});
