import { performance } from 'node:perf_hooks';

import type { AsyncConfigStore } from './async-config-store';
import { decodePayload, type AsyncPayload } from './async-payload';
import type { AsyncStore, StoredTask } from './async-store';

/** What `run` receives: one attempt of a task. */
export type QueuedTask = {
  taskId: string;
  requestId: string;
  functionName: string;
  qualifier: string;
  alreadyRetriedTimes: number;
  createdTime: number;
} & AsyncPayload;

/** `retryable`: a function error (FC retries those); false for a task that can never succeed. */
export type RunResult = ({ ok: true; returnPayload: string } | { ok: false; error: string; retryable: boolean }) & {
  /** The instance that ran the attempt, as AsyncTask.instanceId. */
  instanceId?: string;
};

/** Runs one attempt; `signal` aborts when StopAsyncTask stops the task. */
export type RunTask = (task: QueuedTask, signal: AbortSignal) => Promise<RunResult>;

type WorkerOptions = {
  store: AsyncStore;
  configs: AsyncConfigStore;
  run: RunTask;
  now: () => number;
  concurrency: number;
  pollMs: number;
  backoffMs: (retry: number) => number;
  /** How long after an accept the intake counts as busy. */
  busyMs?: number;
  /** While it is, the least time between two runs' starts. */
  busyGapMs?: number;
  /** While it is, how long a run in flight keeps the next from starting (past it, it waits on its function). */
  laneMs?: number;
  /** The event loop's utilization (0–1, over the last 100 ms) from which runs yield to accepts. */
  saturatedAbove?: number;
};

/** The SDK documents returnPayload as at most 1 MB. */
const MAX_RETURN_PAYLOAD = 1024 * 1024;

/**
 * Takes due tasks off the queue, `concurrency` at a time, and records each attempt's outcome. While
 * accepts arrive on a saturated loop, runs yield to them: a run shares the event loop and the cores with
 * the intake (its instance's wake-up, the IPC, its commits) and each 202 waits for the loop. So until the
 * intake has been quiet for `busyMs`, one run at a time starts, at most one per `busyGapMs` (the queue
 * keeps draining); then the backlog drains at full concurrency. A run holds that one lane for at most
 * `laneMs`: a longer one is waiting on its function (a sleep, an upstream), which costs the loop nothing,
 * and must not hold every other task until it ends. A loop with time to spare (a steady stream it keeps
 * up with) runs at full concurrency throughout, so such a stream never builds a backlog.
 */
export function createAsyncWorker(options: WorkerOptions) {
  const { store, configs, run, now, concurrency, pollMs, backoffMs } = options;
  const busyMs = options.busyMs ?? 50;
  const busyGapMs = options.busyGapMs ?? 10;
  const laneMs = options.laneMs ?? 1000;
  const loop = loopLoad(options.saturatedAbove ?? 0.5);
  // Each run in flight, with when it started on the real clock.
  const running = new Map<string, { controller: AbortController; startedAt: number }>();
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let wakeScheduled = false;
  // performance.now() (a real clock: `now` may be a test's) until which the intake counts as busy,
  // and at which the last run started while it was.
  let busyUntil = 0;
  let lastBusyStart = -Infinity;
  let later: NodeJS.Timeout | undefined;
  let laterAt = Infinity;

  /** Pump again at `at` (the end of a gap, or when the intake may have gone quiet), unless sooner. */
  function pumpAt(at: number) {
    if (later && laterAt <= at) return;
    clearTimeout(later);
    laterAt = at;
    later = setTimeout(() => {
      later = undefined;
      laterAt = Infinity;
      pump();
    }, at - performance.now());
    later.unref();
  }

  function pump() {
    if (!timer) return;
    const at = performance.now();
    if (busyUntil > at && loop.saturated(at)) {
      // The lane is free at the gap's end and once no run in flight is younger than `laneMs` (a run
      // that ends sooner pumps then).
      const freeAt = Math.max(lastBusyStart + busyGapMs, laneHeldUntil());
      pumpAt(freeAt > at ? Math.min(freeAt, busyUntil) : busyUntil);
      if (freeAt > at || running.size >= concurrency) return;
      const task = store.nextDue(now());
      if (!task) return;
      lastBusyStart = at;
      return claim(task);
    }
    while (running.size < concurrency) {
      const task = store.nextDue(now());
      if (!task) return;
      claim(task);
    }
  }

  function laneHeldUntil() {
    let until = -Infinity;
    for (const { startedAt } of running.values()) until = Math.max(until, startedAt + laneMs);
    return until;
  }

  /** Dequeued then Running (or Expired), in one transaction: one commit per run started. */
  function begin(task: StoredTask): { started: StoredTask; at: number } | undefined {
    const at = now();
    if (!store.move(task.taskId, ['Enqueued', 'Retrying'], 'Dequeued', at)) return undefined;
    const { maxAsyncEventAgeInSeconds } = configs.policy(task.functionName, task.qualifier);
    if (at - task.createdTime > maxAsyncEventAgeInSeconds * 1000) {
      const detail = `The event is older than maxAsyncEventAgeInSeconds (${maxAsyncEventAgeInSeconds}) and was not run.`;
      store.move(task.taskId, ['Dequeued'], 'Expired', at, { endTime: at }, detail);
      return undefined;
    }
    const started = store.transition(task.taskId, ['Dequeued'], 'Running', at, { startedTime: task.startedTime ?? at });
    return started && { started, at };
  }

  function claim(task: StoredTask) {
    const begun = store.atomically(() => begin(task));
    if (!begun) return;
    const { started, at } = begun;
    const controller = new AbortController();
    running.set(task.taskId, { controller, startedAt: performance.now() });
    const attempt = execute(started, controller.signal, at)
      .then((record) => {
        running.delete(task.taskId);
        // The outcome and the next claim share one commit: one per run instead of two.
        store.atomically(() => {
          record();
          pump();
        });
      })
      // The db may be closed under a run at shutdown: the task stays Running and start() requeues it.
      .catch(() => undefined)
      .finally(() => {
        running.delete(task.taskId);
        inFlight.delete(attempt);
      });
    inFlight.add(attempt);
  }

  /** Runs one attempt; resolves with what records its outcome (written by the caller, with the next claim). */
  async function execute(task: StoredTask, signal: AbortSignal, startedAt: number): Promise<() => void> {
    const { payload, taskId } = task;
    const queued: QueuedTask = {
      taskId,
      requestId: task.requestId,
      functionName: task.functionName,
      qualifier: task.qualifier,
      alreadyRetriedTimes: task.alreadyRetriedTimes,
      createdTime: task.createdTime,
      ...decodePayload(task.kind, payload as Buffer),
    };
    let result: RunResult;
    try {
      result = await run(queued, signal);
    } catch (error) {
      result = { ok: false, error: error instanceof Error ? error.message : String(error), retryable: true };
    }
    const end = now();
    const durationMs = end - startedAt;
    const { instanceId } = result;
    if (signal.aborted)
      return () => void store.move(taskId, ['Stopping'], 'Stopped', end, { endTime: end, durationMs });
    if (result.ok) {
      const returnPayload = result.returnPayload.slice(0, MAX_RETURN_PAYLOAD);
      return () =>
        void store.move(taskId, ['Running'], 'Succeeded', end, { endTime: end, durationMs, returnPayload, instanceId });
    }
    const { maxAsyncRetryAttempts } = configs.policy(task.functionName, task.qualifier);
    if (result.retryable && task.alreadyRetriedTimes < maxAsyncRetryAttempts) {
      const retries = task.alreadyRetriedTimes + 1;
      const patch = {
        durationMs,
        alreadyRetriedTimes: retries,
        nextAttemptAt: end + backoffMs(retries),
        taskErrorMessage: result.error,
        instanceId,
      };
      return () => void store.move(taskId, ['Running'], 'Retrying', end, patch, result.error);
    }
    return () =>
      void store.move(
        taskId,
        ['Running'],
        'Failed',
        end,
        { endTime: end, durationMs, taskErrorMessage: result.error, instanceId },
        result.error,
      );
  }

  /** Tasks a crash left half-done were accepted and never finished: run them again (at least once). */
  function recover() {
    const at = now();
    for (const taskId of store.idsIn(['Running', 'Dequeued'])) {
      if (running.has(taskId)) continue;
      const detail = 'The engine stopped before this attempt finished; the task was queued again.';
      store.move(taskId, ['Running', 'Dequeued'], 'Enqueued', at, { nextAttemptAt: at }, detail);
    }
    for (const taskId of store.idsIn(['Stopping'])) {
      if (!running.has(taskId)) store.move(taskId, ['Stopping'], 'Stopped', at, { endTime: at });
    }
  }

  return {
    start() {
      if (timer) return;
      recover();
      timer = setInterval(pump, pollMs);
      timer.unref();
      pump();
    },
    async stop() {
      clearInterval(timer);
      clearTimeout(later);
      timer = undefined;
      await Promise.allSettled([...inFlight]);
    },
    /**
     * A new task was accepted: the intake is busy for `busyMs`; look at once, after the caller has
     * answered (the 202 goes first).
     */
    wake() {
      busyUntil = performance.now() + busyMs;
      if (wakeScheduled || !timer) return;
      wakeScheduled = true;
      setImmediate(() => {
        wakeScheduled = false;
        pump();
      });
    },
    abort(taskId: string) {
      running.get(taskId)?.controller.abort(new Error('Stopped by StopAsyncTask.'));
    },
  };
}

/** Whether the event loop was busy more than `above` of the last ~100 ms (sampled when asked). */
function loopLoad(above: number) {
  let mark = performance.eventLoopUtilization();
  let markedAt = performance.now();
  let saturated = above <= 0;
  return {
    saturated(at: number) {
      if (at - markedAt < 100) return saturated;
      saturated = performance.eventLoopUtilization(mark).utilization >= above;
      mark = performance.eventLoopUtilization();
      markedAt = at;
      return saturated;
    },
  };
}
