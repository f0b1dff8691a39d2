import type Database from 'better-sqlite3';
import type { AsyncTaskEvent, AsyncTaskStatus } from '../../contract/async-task';
import { insertAllIn } from './async-insert';

/** One async invocation as stored. Times are epoch milliseconds. */
export type StoredTask = {
  taskId: string;
  requestId: string;
  functionName: string;
  qualifier: string;
  status: AsyncTaskStatus;
  kind: 'http' | 'event';
  /** Undefined when a list was read without payloads. */
  payload: Buffer | undefined;
  createdTime: number;
  startedTime: number | undefined;
  endTime: number | undefined;
  durationMs: number | undefined;
  alreadyRetriedTimes: number;
  nextAttemptAt: number;
  returnPayload: string | undefined;
  taskErrorMessage: string | undefined;
  /** The instance that ran the last attempt. */
  instanceId: string | undefined;
  events: AsyncTaskEvent[];
};

/** The fields a status change may set. */
export type TaskPatch = Partial<
  Pick<
    StoredTask,
    | 'startedTime'
    | 'endTime'
    | 'durationMs'
    | 'alreadyRetriedTimes'
    | 'nextAttemptAt'
    | 'returnPayload'
    | 'taskErrorMessage'
    | 'instanceId'
  >
>;

export type TaskListFilter = {
  functionName: string;
  qualifier?: string;
  prefix?: string;
  status?: AsyncTaskStatus;
  startedTimeBegin?: number;
  startedTimeEnd?: number;
  order: 'asc' | 'desc';
  includePayload: boolean;
  /** The first task of the page, from a previous page's last read. */
  from?: { createdTime: number; taskId: string };
  limit: number;
};

const COLUMNS: Record<keyof StoredTask, string> = {
  taskId: 'task_id',
  requestId: 'request_id',
  functionName: 'function_name',
  qualifier: 'qualifier',
  status: 'status',
  kind: 'kind',
  payload: 'payload',
  createdTime: 'created_time',
  startedTime: 'started_time',
  endTime: 'end_time',
  durationMs: 'duration_ms',
  alreadyRetriedTimes: 'already_retried_times',
  nextAttemptAt: 'next_attempt_at',
  returnPayload: 'return_payload',
  taskErrorMessage: 'task_error_message',
  instanceId: 'instance_id',
  events: 'events',
};

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS async_tasks (
    task_id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL,
    function_name TEXT NOT NULL,
    qualifier TEXT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('http', 'event')),
    payload BLOB NOT NULL,
    created_time INTEGER NOT NULL,
    started_time INTEGER,
    end_time INTEGER,
    duration_ms INTEGER,
    already_retried_times INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    return_payload TEXT,
    task_error_message TEXT,
    instance_id TEXT,
    events TEXT NOT NULL DEFAULT '[]'
  );
  DROP INDEX IF EXISTS async_tasks_due;
  CREATE INDEX IF NOT EXISTS async_tasks_next_due ON async_tasks (status, next_attempt_at, created_time);
  CREATE INDEX IF NOT EXISTS async_tasks_by_function ON async_tasks (function_name, created_time, task_id);
`;

const selectList = (withPayload: boolean) =>
  (Object.keys(COLUMNS) as (keyof StoredTask)[])
    .map((key) => (key === 'payload' && !withPayload ? `NULL AS payload` : `${COLUMNS[key]} AS ${key}`))
    .join(', ');
const ALL = selectList(true);

type Row = Omit<StoredTask, 'events'> & { events: string };

function fromRow(row: Row): StoredTask {
  const task = { ...row, events: JSON.parse(row.events) as AsyncTaskEvent[] } as Record<string, unknown>;
  for (const key of Object.keys(task)) if (task[key] === null) task[key] = undefined;
  for (const event of task.events as Record<string, unknown>[])
    if (event.eventDetail === null) delete event.eventDetail;
  return task as StoredTask;
}

export type NewTask = Pick<
  StoredTask,
  'taskId' | 'requestId' | 'functionName' | 'qualifier' | 'kind' | 'createdTime'
> & {
  payload: Buffer;
};

/** The row `insertAll` stores for a new task (as `get` would read it without its payload). */
export function enqueuedTask(task: NewTask): StoredTask {
  const { createdTime } = task;
  return {
    ...task,
    payload: undefined,
    status: 'Enqueued',
    startedTime: undefined,
    endTime: undefined,
    durationMs: undefined,
    alreadyRetriedTimes: 0,
    nextAttemptAt: createdTime,
    returnPayload: undefined,
    taskErrorMessage: undefined,
    instanceId: undefined,
    events: [{ eventId: 1, status: 'Enqueued', timestamp: createdTime }],
  };
}

/** The async queue's tables, created if missing, and the statements over them. */
export function createAsyncStore(db: Database.Database) {
  db.exec(SCHEMA);
  // Data dirs from before the engine recorded which instance ran a task.
  const columns = db.prepare(`SELECT name FROM pragma_table_info('async_tasks')`).pluck().all();
  if (!columns.includes('instance_id')) db.exec('ALTER TABLE async_tasks ADD COLUMN instance_id TEXT');
  const byId = db.prepare(`SELECT ${ALL} FROM async_tasks WHERE task_id = ?`);
  // One index seek per status: with `status IN (...)`, SQLite sorted the whole backlog on every call.
  const firstDue = (status: AsyncTaskStatus) => `SELECT * FROM (SELECT task_id, next_attempt_at, created_time
    FROM async_tasks WHERE status = '${status}' AND next_attempt_at <= @now
    ORDER BY next_attempt_at, created_time LIMIT 1)`;
  const due = db.prepare(`SELECT ${ALL} FROM async_tasks WHERE task_id = (SELECT task_id
    FROM (${firstDue('Enqueued')} UNION ALL ${firstDue('Retrying')}) ORDER BY next_attempt_at, created_time LIMIT 1)`);
  const transitions = new Map<string, Database.Statement>();
  const patchKeys = (patch: TaskPatch) =>
    (Object.keys(patch) as (keyof TaskPatch)[]).filter((k) => patch[k] !== undefined);
  function transitionStatement(from: readonly AsyncTaskStatus[], patch: TaskPatch, returning: boolean) {
    const sql = `UPDATE async_tasks SET status = @to, ${patchKeys(patch)
      .map((k) => `${COLUMNS[k]} = @${k}, `)
      .join('')}
        events = json_insert(events, '$[#]', json_object('eventId', json_array_length(events) + 1,
          'status', @to, 'timestamp', @at, 'eventDetail', @detail))
        WHERE task_id = @taskId AND status IN (${from.map((s) => `'${s}'`).join(', ')})
        ${returning ? `RETURNING ${ALL}` : ''}`;
    let statement = transitions.get(sql);
    if (!statement) transitions.set(sql, (statement = db.prepare(sql)));
    return statement;
  }
  const transitionValues = (taskId: string, to: AsyncTaskStatus, at: number, patch: TaskPatch, detail?: string) => ({
    ...Object.fromEntries(patchKeys(patch).map((k) => [k, patch[k]])),
    taskId,
    to,
    at,
    detail: detail ?? null,
  });

  return {
    insertAll: insertAllIn(db),

    /** `write` in one transaction (one commit for several changes). */
    atomically<T>(write: () => T): T {
      return db.transaction(write)();
    },

    get(taskId: string): StoredTask | undefined {
      const row = byId.get(taskId) as Row | undefined;
      return row && fromRow(row);
    },

    /** The next task to run at `now`, oldest first. */
    nextDue(now: number): StoredTask | undefined {
      const row = due.get({ now }) as Row | undefined;
      return row && fromRow(row);
    },

    /**
     * Move a task to `to` if its status is one of `from`, setting `patch` and adding the event, in
     * one statement. Undefined when the task is gone or was in another status.
     */
    transition(
      taskId: string,
      from: readonly AsyncTaskStatus[],
      to: AsyncTaskStatus,
      at: number,
      patch: TaskPatch = {},
      detail?: string,
    ): StoredTask | undefined {
      const row = transitionStatement(from, patch, true).get(transitionValues(taskId, to, at, patch, detail)) as
        Row | undefined;
      return row && fromRow(row);
    },

    /** `transition` without reading the row back (the worker's steps that need only whether it moved). */
    move(
      taskId: string,
      from: readonly AsyncTaskStatus[],
      to: AsyncTaskStatus,
      at: number,
      patch: TaskPatch = {},
      detail?: string,
    ): boolean {
      return transitionStatement(from, patch, false).run(transitionValues(taskId, to, at, patch, detail)).changes === 1;
    },

    /** Task ids in any of the statuses (crash recovery). */
    idsIn(statuses: readonly AsyncTaskStatus[]): string[] {
      const marks = statuses.map(() => '?').join(', ');
      return db
        .prepare(`SELECT task_id FROM async_tasks WHERE status IN (${marks})`)
        .pluck()
        .all(...statuses) as string[];
    },

    /** One page and the task that starts the next one, if any. */
    list(filter: TaskListFilter): { tasks: StoredTask[]; next?: StoredTask } {
      const where = ['function_name = @functionName'];
      if (filter.qualifier) where.push('qualifier = @qualifier');
      // substr, not LIKE: `_` is a wildcard there, and task ids are full of them.
      if (filter.prefix) where.push('substr(task_id, 1, length(@prefix)) = @prefix');
      if (filter.status) where.push('status = @status');
      // A task that has not run yet counts at the time it was accepted.
      if (filter.startedTimeBegin !== undefined)
        where.push('COALESCE(started_time, created_time) >= @startedTimeBegin');
      if (filter.startedTimeEnd !== undefined) where.push('COALESCE(started_time, created_time) <= @startedTimeEnd');
      const cmp = filter.order === 'asc' ? '>=' : '<=';
      if (filter.from) where.push(`(created_time, task_id) ${cmp} (@fromTime, @fromId)`);
      const dir = filter.order === 'asc' ? 'ASC' : 'DESC';
      const sql = `SELECT ${selectList(filter.includePayload)} FROM async_tasks WHERE ${where.join(' AND ')}
        ORDER BY created_time ${dir}, task_id ${dir} LIMIT @take`;
      const rows = db.prepare(sql).all({
        ...filter,
        includePayload: undefined,
        order: undefined,
        from: undefined,
        fromTime: filter.from?.createdTime,
        fromId: filter.from?.taskId,
        take: filter.limit + 1,
      }) as Row[];
      const tasks = rows.map(fromRow);
      return { tasks: tasks.slice(0, filter.limit), next: tasks[filter.limit] };
    },

    /** A deleted function takes its tasks with it. */
    deleteFunction(functionName: string): void {
      db.prepare('DELETE FROM async_tasks WHERE function_name = ?').run(functionName);
    },
  };
}

export type AsyncStore = ReturnType<typeof createAsyncStore>;
