import type Database from 'better-sqlite3';
import {
  ASYNC_TASK_LIST_DEFAULTS,
  type AsyncConfig,
  type AsyncTask,
  type AsyncTaskList,
  type AsyncTaskListQuery,
} from '../../contract/async-task';
import { openApiErrors } from '../../contract/openapi-errors';
import { createAsyncConfigStore, type AsyncInvokeConfigInput } from './async-config-store';
import { fail, failWith, taskIdTaken, taskToInsert, type AsyncResult, type EnqueueInput } from './async-enqueue';
import { createTaskCommits } from './async-insert';
import { createAsyncStore, enqueuedTask, type StoredTask } from './async-store';
import { decodeToken, encodeToken, toAsyncTask } from './async-task-view';
import { createAsyncWorker, type RunTask } from './async-worker';
import { checkpointOffTheLoop } from './wal-checkpointer';
import { createWalSync } from './wal-sync';

export type { QueuedTask, RunResult, RunTask } from './async-worker';
export type { AsyncQueueError, AsyncResult, EnqueueInput } from './async-enqueue';

export type AsyncQueueOptions = {
  /** WAL with synchronous=FULL (the opener sets it): a commit is on disk when it returns; accepts sync off the loop. */
  db: Database.Database;
  run: RunTask;
  concurrency?: number;
  now?: () => number;
  /** How often due tasks (retries) are looked for; an enqueue wakes the worker at once. */
  pollMs?: number;
  /** Wait before the n-th retry (1-based). */
  backoffMs?: (retry: number) => number;
  /** How long after an accept the intake counts as busy, running one task at a time (50 ms unless told). */
  busyMs?: number;
  /** The loop utilization (0–1) from which runs yield to accepts (0.5 unless told; 0: always). */
  saturatedAbove?: number;
  /** While they yield, how long a run in flight holds the one lane (1 s unless told). */
  laneMs?: number;
  functionArn?: (functionName: string) => string;
};

/** FC retries a failed async invocation with exponential backoff; the exact delays are unconfirmed. */
const defaultBackoff = (retry: number) => Math.min(1000 * 2 ** (retry - 1), 60_000);

export function createAsyncQueue(options: AsyncQueueOptions) {
  const now = options.now ?? Date.now;
  const store = createAsyncStore(options.db);
  const configs = createAsyncConfigStore(options.db, now);
  const arnOf = (functionName: string) => options.functionArn?.(functionName);
  const wal = createWalSync(options.db);
  const stopCheckpoints = checkpointOffTheLoop(options.db);
  const worker = createAsyncWorker({
    // A run's status changes skip their own fsync: one lost to a power cut leaves the task to be
    // run again (at least once, as after a crash), and the next durable commit syncs them anyway.
    // Without this, three fsyncs per run block the loop the intake answers on.
    store: {
      ...store,
      transition: (...args) => wal.withoutFsync(() => store.transition(...args)),
      move: (...args) => wal.withoutFsync(() => store.move(...args)),
      atomically: (write) => wal.withoutFsync(() => store.atomically(write)),
    },
    configs,
    run: options.run,
    now,
    concurrency: options.concurrency ?? 4,
    pollMs: options.pollMs ?? 500,
    backoffMs: options.backoffMs ?? defaultBackoff,
    busyMs: options.busyMs,
    saturatedAbove: options.saturatedAbove,
    laneMs: options.laneMs,
  });
  const commits = createTaskCommits(store.insertAll, wal);
  const view = (task: StoredTask, includePayload = true) => toAsyncTask(task, arnOf(task.functionName), includePayload);
  const find = (functionName: string, taskId: string) => {
    const task = store.get(taskId);
    return task?.functionName === functionName ? task : undefined;
  };

  return {
    /**
     * Accept an invocation. Resolves once the task is committed to disk (in a group with the others
     * accepted in the same turn), so the caller may answer 202 and a `kill -9` right after loses nothing.
     */
    async enqueue(input: EnqueueInput): Promise<AsyncResult<AsyncTask>> {
      const prepared = taskToInsert(input, now());
      if (!prepared.ok) return prepared;
      const task = prepared.value;
      if (!(await commits.add(task))) return taskIdTaken(task.taskId);
      worker.wake();
      // Built, not read back: a read per accepted task was a tenth of the intake's time.
      return { ok: true, value: view(enqueuedTask(task), false) };
    },

    start: worker.start,
    /** A gateway process committed tasks (decision 048): as after an accept here, runs start at once. */
    wake: worker.wake,
    /** Stop taking tasks; resolves when the accepted ones are committed and the runs in flight recorded. */
    async stop(): Promise<void> {
      await commits.drain();
      wal.close();
      stopCheckpoints();
      await worker.stop();
    },

    /** GetAsyncTask, with its payload. */
    get(functionName: string, taskId: string): AsyncTask | undefined {
      const task = find(functionName, taskId);
      return task && view(task);
    },

    /** ListAsyncTasks; the query is parsed by asyncTaskListQuerySchema at the edge. */
    list(functionName: string, query: AsyncTaskListQuery): AsyncResult<AsyncTaskList> {
      const from = query.nextToken ? decodeToken(query.nextToken) : undefined;
      if (query.nextToken && !from) return fail('InvalidArgument', 400, 'nextToken: not a token from a previous page.');
      const includePayload = query.includePayload ?? false;
      const page = store.list({
        functionName,
        qualifier: query.qualifier,
        prefix: query.prefix,
        status: query.status,
        startedTimeBegin: query.startedTimeBegin,
        startedTimeEnd: query.startedTimeEnd,
        order: query.sortOrderByTime ?? ASYNC_TASK_LIST_DEFAULTS.sortOrderByTime,
        includePayload,
        from,
        limit: query.limit ?? ASYNC_TASK_LIST_DEFAULTS.limit,
      });
      const tasks = page.tasks.map((task) => view(task, includePayload));
      return { ok: true, value: page.next ? { tasks, nextToken: encodeToken(page.next) } : { tasks } };
    },

    /**
     * StopAsyncTask: a task waiting to run stops at once; a running one becomes Stopping, its run
     * is aborted, and it is Stopped when the run returns.
     */
    stopTask(functionName: string, taskId: string): AsyncResult<AsyncTask> {
      const task = find(functionName, taskId);
      if (!task) return failWith(openApiErrors.asyncTaskNotExist(taskId));
      const at = now();
      const stopped =
        store.transition(
          taskId,
          ['Enqueued', 'Retrying', 'Dequeued'],
          'Stopped',
          at,
          { endTime: at },
          'Stopped by StopAsyncTask.',
        ) ?? store.transition(taskId, ['Running'], 'Stopping', at, {}, 'Stopped by StopAsyncTask.');
      if (stopped?.status === 'Stopping') worker.abort(taskId);
      if (stopped) return { ok: true, value: view(stopped) };
      if (task.status === 'Stopping' || task.status === 'Stopped') return { ok: true, value: view(task) };
      // The service's answer for stopping a finished task is unconfirmed; 412 says why it was refused.
      return failWith(openApiErrors.asyncTaskNotStoppable(taskId, task.status));
    },

    putConfig(functionName: string, qualifier: string, input: AsyncInvokeConfigInput): AsyncConfig {
      return withArn(configs.put(functionName, qualifier, input), arnOf(functionName));
    },
    getConfig(functionName: string, qualifier: string): AsyncConfig | undefined {
      const config = configs.get(functionName, qualifier);
      return config && withArn(config, arnOf(functionName));
    },
    deleteConfig(functionName: string, qualifier: string): boolean {
      return configs.delete(functionName, qualifier);
    },
    /** Every stored config, a page at a time, with the function and qualifier it belongs to. */
    listConfigs(page: { functionName?: string; limit: number; nextToken?: string }) {
      return configs.list(page);
    },

    /** DeleteFunction: its tasks and configs go with it; a run in flight finishes unrecorded. */
    deleteFunction(functionName: string): void {
      store.deleteFunction(functionName);
      configs.deleteFunction(functionName);
    },
  };
}

export type AsyncQueue = ReturnType<typeof createAsyncQueue>;

function withArn(config: AsyncConfig, functionArn: string | undefined): AsyncConfig {
  return functionArn ? { ...config, functionArn } : config;
}
