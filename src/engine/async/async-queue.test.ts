import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAsyncQueue, type AsyncQueue, type QueuedTask, type RunResult, type RunTask } from './async-queue';
import { openTestDatabase, removeDatabaseFile, tempDatabaseFile } from './testing/queue-database';

const open: { db: Database.Database; queue: AsyncQueue; file: string }[] = [];
const files: string[] = [];

function setup(
  run: RunTask,
  extra: { now?: () => number; concurrency?: number; busyMs?: number; saturatedAbove?: number; laneMs?: number } = {},
) {
  const file = tempDatabaseFile();
  const db = openTestDatabase(file);
  const queue = createAsyncQueue({ db, run, pollMs: 5, ...extra });
  open.push({ db, queue, file });
  files.push(file);
  return { file, db, queue };
}

afterEach(async () => {
  for (const { db, queue } of open.splice(0)) {
    await queue.stop();
    db.close();
  }
  for (const file of files.splice(0)) removeDatabaseFile(file);
});

const succeed: RunTask = async () => ({ ok: true, returnPayload: 'done' });
const event = (body: string) => ({ kind: 'event' as const, event: Buffer.from(body) });
const statuses = (queue: AsyncQueue, taskId: string, fn = 'fn') => queue.get(fn, taskId)?.events?.map((e) => e.status);

async function enqueued(queue: AsyncQueue, input: Parameters<AsyncQueue['enqueue']>[0]) {
  const result = await queue.enqueue(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('enqueue', () => {
  it('has the task on disk when it returns, before anything runs', async () => {
    const { file, queue } = setup(succeed);
    const task = await enqueued(queue, { functionName: 'fn', requestId: 'req-1', ...event('{"a":1}') });

    const other = openTestDatabase(file);
    const row = other.prepare('SELECT task_id, status, payload FROM async_tasks').get() as Record<string, unknown>;
    other.close();
    expect(row).toEqual({ task_id: 'req-1', status: 'Enqueued', payload: Buffer.from('{"a":1}') });
    expect(task).toMatchObject({ taskId: 'req-1', requestId: 'req-1', qualifier: 'LATEST', status: 'Enqueued' });
    expect(task.events).toEqual([{ eventId: 1, status: 'Enqueued', timestamp: expect.any(Number) }]);
    // What the caller is answered is what GetAsyncTask reads back (the queue is not started: nothing ran).
    const { taskPayload, ...stored } = queue.get('fn', 'req-1') ?? {};
    expect(taskPayload).toBe('{"a":1}');
    expect(task).toEqual(stored);
  });

  it('refuses a task id that exists with 409 and leaves the first task alone', async () => {
    const { queue } = setup(succeed);
    await enqueued(queue, { functionName: 'fn', taskId: 'job-1', ...event('first') });
    const again = await queue.enqueue({ functionName: 'fn', taskId: 'job-1', ...event('second') });
    expect(again).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'AsyncTaskAlreadyExists', status: 409 }),
    });
    expect(queue.get('fn', 'job-1')?.taskPayload).toBe('first');
  });

  it('accepts one of many clients sending the same task id at the same moment, 409 for the rest', async () => {
    const { queue } = setup(succeed);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => queue.enqueue({ functionName: 'fn', taskId: 'same', ...event(`n${i}`) })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.status === 409)).toHaveLength(19);
    expect(queue.get('fn', 'same')?.taskPayload).toBe('n0');
  });

  it('has every task of a burst on disk when their enqueues resolve', async () => {
    const { file, queue } = setup(succeed);
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => queue.enqueue({ functionName: 'fn', taskId: `t${i}`, ...event('x') })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const other = openTestDatabase(file);
    const count = other.prepare('SELECT count(*) FROM async_tasks').pluck().get();
    other.close();
    expect(count).toBe(300);
  });

  it('answers 400 naming the header for a malformed task id', async () => {
    const { queue } = setup(succeed);
    const result = await queue.enqueue({ functionName: 'fn', taskId: 'bad id!', ...event('x') });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidArgument', status: 400 } });
    expect(!result.ok && result.error.message).toMatch(/^x-fc-async-task-id: /);
  });
});

describe('the worker', () => {
  it('runs an HTTP invocation with its whole request and records Succeeded with the returnPayload', async () => {
    const seen: QueuedTask[] = [];
    const { queue } = setup(async (task) => {
      seen.push(task);
      return { ok: true, returnPayload: '{"statusCode":200}' };
    });
    const request = {
      method: 'POST',
      rawPath: '/a/b',
      query: 'x=1&x=2',
      headers: { 'x-a': ['1', '2'] },
      body: Buffer.from([0, 10, 255]),
    };
    await enqueued(queue, { functionName: 'fn', qualifier: 'prod', taskId: 't1', kind: 'http', request });
    queue.start();

    await vi.waitFor(() => expect(queue.get('fn', 't1')?.status).toBe('Succeeded'));
    const task = queue.get('fn', 't1');
    expect(task).toMatchObject({ qualifier: 'prod', returnPayload: '{"statusCode":200}', alreadyRetriedTimes: 0 });
    expect(task?.endTime).toBeGreaterThanOrEqual(task?.startedTime as number);
    expect(statuses(queue, 't1')).toEqual(['Enqueued', 'Dequeued', 'Running', 'Succeeded']);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      kind: 'http',
      functionName: 'fn',
      qualifier: 'prod',
      request: { ...request, body: expect.any(Buffer) },
    });
    expect(seen[0]?.kind === 'http' && [...seen[0].request.body]).toEqual([0, 10, 255]);
  });

  it('retries a function error maxAsyncRetryAttempts times with backoff, then fails with the error', async () => {
    let clock = 1_000_000;
    const attempts: number[] = [];
    const { queue } = setup(
      async (task) => {
        attempts.push(task.alreadyRetriedTimes);
        return { ok: false, error: 'UnhandledInvocationError: boom', retryable: true };
      },
      { now: () => clock },
    );
    await enqueued(queue, { functionName: 'fn', taskId: 't1', ...event('x') });
    queue.start();

    for (const retried of [1, 2, 3]) {
      await vi.waitFor(() =>
        expect(queue.get('fn', 't1')).toMatchObject({ status: 'Retrying', alreadyRetriedTimes: retried }),
      );
      await new Promise((r) => setTimeout(r, 30));
      expect(attempts).toHaveLength(retried); // not run again before its backoff is over
      clock += 60_000;
    }
    await vi.waitFor(() => expect(queue.get('fn', 't1')?.status).toBe('Failed'));
    expect(attempts).toEqual([0, 1, 2, 3]);
    expect(queue.get('fn', 't1')).toMatchObject({
      alreadyRetriedTimes: 3,
      taskErrorMessage: 'UnhandledInvocationError: boom',
    });
    expect(statuses(queue, 't1')?.filter((s) => s === 'Running')).toHaveLength(4);
  });

  it('fails after one attempt when maxAsyncRetryAttempts is 0', async () => {
    const run = vi.fn<RunTask>(async () => ({ ok: false, error: 'boom', retryable: true }));
    const { queue } = setup(run);
    queue.putConfig('fn', 'LATEST', { maxAsyncRetryAttempts: 0 });
    await enqueued(queue, { functionName: 'fn', taskId: 't1', ...event('x') });
    queue.start();
    await vi.waitFor(() => expect(queue.get('fn', 't1')?.status).toBe('Failed'));
    expect(run).toHaveBeenCalledTimes(1);
    expect(queue.get('fn', 't1')).toMatchObject({ alreadyRetriedTimes: 0, taskErrorMessage: 'boom' });
  });

  it('does not retry an error that is not retryable', async () => {
    const run = vi.fn<RunTask>(async () => ({ ok: false, error: 'FunctionNotFound', retryable: false }));
    const { queue } = setup(run);
    await enqueued(queue, { functionName: 'fn', taskId: 't1', ...event('x') });
    queue.start();
    await vi.waitFor(() => expect(queue.get('fn', 't1')?.status).toBe('Failed'));
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('expires an event older than maxAsyncEventAgeInSeconds instead of running it', async () => {
    let clock = 0;
    const run = vi.fn<RunTask>(succeed);
    const { queue } = setup(run, { now: () => clock });
    queue.putConfig('fn', 'LATEST', { maxAsyncEventAgeInSeconds: 60 });
    await enqueued(queue, { functionName: 'fn', taskId: 'old', ...event('x') });
    clock = 60_001;
    await enqueued(queue, { functionName: 'fn', taskId: 'fresh', ...event('x') });
    queue.start();

    await vi.waitFor(() => expect(queue.get('fn', 'fresh')?.status).toBe('Succeeded'));
    expect(queue.get('fn', 'old')).toMatchObject({ status: 'Expired', endTime: 60_001 });
    expect(queue.get('fn', 'old')?.startedTime).toBeUndefined();
    expect(run.mock.calls.map(([task]) => task.taskId)).toEqual(['fresh']);
  });

  it('never runs more than `concurrency` tasks at once', async () => {
    let active = 0;
    let peak = 0;
    const { queue } = setup(
      async () => {
        peak = Math.max(peak, ++active);
        await new Promise((r) => setTimeout(r, 20));
        active--;
        return { ok: true, returnPayload: '' };
      },
      { concurrency: 2 },
    );
    for (let i = 0; i < 6; i++) await enqueued(queue, { functionName: 'fn', taskId: `t${i}`, ...event('x') });
    queue.start();
    await vi.waitFor(() =>
      expect(queue.list('fn', { status: 'Succeeded' })).toMatchObject({ value: { tasks: { length: 6 } } }),
    );
    expect(peak).toBe(2);
  });
});

describe('runs yield to accepts', () => {
  /** A run that counts the runs in flight (and their peak) and ends when `release` is called. */
  function gatedRuns() {
    const gate = { active: 0, peak: 0, release: () => undefined as void };
    let opened = false;
    const waiters: Array<() => void> = [];
    gate.release = () => {
      opened = true;
      for (const go of waiters.splice(0)) go();
    };
    const run: RunTask = async () => {
      gate.peak = Math.max(gate.peak, ++gate.active);
      await new Promise<void>((go) => (opened ? setTimeout(go, 5) : waiters.push(go)));
      gate.active--;
      return { ok: true, returnPayload: '' };
    };
    return { gate, run };
  }

  it.each([
    ['one task at a time while tasks are being accepted on a saturated loop, and still drains them', 60_000, 0, 1],
    ['`concurrency` tasks at once while accepts arrive on a loop with time to spare', 60_000, 1.01, 4],
    ['`concurrency` tasks at once once the intake is quiet', 30, 0, 4],
  ])('runs %s', async (_what, busyMs, saturatedAbove, expected) => {
    const { gate, run } = gatedRuns();
    const { queue } = setup(run, { concurrency: 4, busyMs, saturatedAbove });
    queue.start();
    for (let i = 0; i < 6; i++) await enqueued(queue, { functionName: 'fn', taskId: `t${i}`, ...event('x') });
    await vi.waitFor(() => expect(gate.active).toBe(expected));
    gate.release();
    await vi.waitFor(() =>
      expect(queue.list('fn', { status: 'Succeeded' })).toMatchObject({ value: { tasks: { length: 6 } } }),
    );
    expect(gate.peak).toBe(expected);
  });

  it('runs the other tasks while a long run is in flight and tasks are being accepted on a saturated loop', async () => {
    let finishLong: () => void = () => undefined;
    const run: RunTask = async (task) => {
      if (task.taskId === 'long') await new Promise<void>((go) => (finishLong = go));
      return { ok: true, returnPayload: task.taskId };
    };
    const { queue } = setup(run, { concurrency: 4, busyMs: 60_000, saturatedAbove: 0, laneMs: 20 });
    queue.start();
    await enqueued(queue, { functionName: 'fn', taskId: 'long', ...event('x') });
    await vi.waitFor(() => expect(queue.get('fn', 'long')?.status).toBe('Running'));
    for (let i = 0; i < 3; i++) await enqueued(queue, { functionName: 'fn', taskId: `t${i}`, ...event('x') });
    await vi.waitFor(() =>
      expect(queue.list('fn', { status: 'Succeeded' })).toMatchObject({ value: { tasks: { length: 3 } } }),
    );
    expect(queue.get('fn', 'long')?.status).toBe('Running');
    finishLong();
    await vi.waitFor(() => expect(queue.get('fn', 'long')?.status).toBe('Succeeded'));
  });
});

describe('StopAsyncTask', () => {
  it('stops a task that is still enqueued at once, and it never runs', async () => {
    const run = vi.fn<RunTask>(succeed);
    const { queue } = setup(run);
    await enqueued(queue, { functionName: 'fn', taskId: 't1', ...event('x') });
    expect(queue.stopTask('fn', 't1')).toMatchObject({ ok: true, value: { status: 'Stopped' } });
    queue.start();
    await enqueued(queue, { functionName: 'fn', taskId: 't2', ...event('x') });
    await vi.waitFor(() => expect(queue.get('fn', 't2')?.status).toBe('Succeeded'));
    expect(run.mock.calls.map(([task]) => task.taskId)).toEqual(['t2']);
    expect(queue.get('fn', 't1')?.status).toBe('Stopped');
  });

  it('moves a running task to Stopping, aborts its run, and records Stopped when the run returns', async () => {
    let signal: AbortSignal | undefined;
    let finish: (result: RunResult) => void = () => undefined;
    const { queue } = setup((_task, s) => {
      signal = s;
      return new Promise((resolve) => (finish = resolve));
    });
    await enqueued(queue, { functionName: 'fn', taskId: 't1', ...event('x') });
    queue.start();
    await vi.waitFor(() => expect(queue.get('fn', 't1')?.status).toBe('Running'));

    expect(queue.stopTask('fn', 't1')).toMatchObject({ ok: true, value: { status: 'Stopping' } });
    expect(signal?.aborted).toBe(true);
    expect(queue.get('fn', 't1')?.status).toBe('Stopping');
    finish({ ok: true, returnPayload: 'late' });
    await vi.waitFor(() => expect(queue.get('fn', 't1')?.status).toBe('Stopped'));
    expect(queue.get('fn', 't1')?.returnPayload).toBeUndefined();
    expect(statuses(queue, 't1')).toEqual(['Enqueued', 'Dequeued', 'Running', 'Stopping', 'Stopped']);
  });

  it('answers 404 for an unknown task or another function’s, and 412 for a finished one', async () => {
    const { queue } = setup(succeed);
    await enqueued(queue, { functionName: 'fn', taskId: 't1', ...event('x') });
    expect(queue.stopTask('fn', 'nope')).toMatchObject({
      ok: false,
      error: { code: 'AsyncTaskNotExist', status: 404 },
    });
    expect(queue.stopTask('other', 't1')).toMatchObject({ ok: false, error: { status: 404 } });
    queue.start();
    await vi.waitFor(() => expect(queue.get('fn', 't1')?.status).toBe('Succeeded'));
    expect(queue.stopTask('fn', 't1')).toMatchObject({ ok: false, error: { code: 'PreconditionFailed', status: 412 } });
  });
});

describe('recovery', () => {
  it('runs again, on start(), a task a crash left Running', async () => {
    const crashed = setup(() => new Promise<never>(() => undefined));
    await enqueued(crashed.queue, { functionName: 'fn', taskId: 't1', ...event('x') });
    crashed.queue.start();
    await vi.waitFor(() => expect(crashed.queue.get('fn', 't1')?.status).toBe('Running'));
    // The process dies here: its run never returns and nothing else is written.
    void crashed.queue.stop();
    open.splice(
      open.findIndex((o) => o.db === crashed.db),
      1,
    );
    crashed.db.close();

    const db = openTestDatabase(crashed.file);
    const restarted = createAsyncQueue({ db, run: succeed, pollMs: 5 });
    open.push({ db, queue: restarted, file: crashed.file });
    restarted.start();
    await vi.waitFor(() => expect(restarted.get('fn', 't1')?.status).toBe('Succeeded'));
    expect(restarted.get('fn', 't1')?.events?.map((e) => e.status)).toEqual([
      'Enqueued',
      'Dequeued',
      'Running',
      'Enqueued',
      'Dequeued',
      'Running',
      'Succeeded',
    ]);
  });
});

describe('async invoke config', () => {
  it('answers with FC defaults for unset fields, and is gone after delete', () => {
    const { queue } = setup(succeed);
    expect(queue.getConfig('fn', 'LATEST')).toBeUndefined();
    const put = queue.putConfig('fn', 'LATEST', { asyncTask: true });
    expect(put).toMatchObject({ asyncTask: true, maxAsyncEventAgeInSeconds: 86400, maxAsyncRetryAttempts: 3 });
    expect(put.createdTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(queue.putConfig('fn', 'LATEST', { maxAsyncRetryAttempts: 1 })).toMatchObject({ maxAsyncRetryAttempts: 1 });
    expect(queue.getConfig('fn', 'LATEST')?.asyncTask).toBeUndefined();
    expect(queue.getConfig('fn', 'prod')).toBeUndefined();
    expect(queue.deleteConfig('fn', 'LATEST')).toBe(true);
    expect(queue.deleteConfig('fn', 'LATEST')).toBe(false);
    expect(queue.getConfig('fn', 'LATEST')).toBeUndefined();
  });
});
