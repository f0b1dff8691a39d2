import type { AsyncTask, AsyncTaskStatus } from '../src/contract/async-task';
import { openApiErrors } from '../src/contract/openapi-errors';
import { MockFcError } from './fc-errors';
import type { FunctionEntry } from './fc-state';

export type MockTask = AsyncTask & { status: AsyncTaskStatus; next: AsyncTaskStatus[] };

/** Kept beside the function's entry, so `fcState.reset()` clears them with it. */
const tasksOf = new WeakMap<FunctionEntry, Map<string, MockTask>>();
const logsOf = new WeakMap<FunctionEntry, Map<string, string>>();

export function tasks(entry: FunctionEntry): Map<string, MockTask> {
  let map = tasksOf.get(entry);
  if (!map) tasksOf.set(entry, (map = new Map()));
  return map;
}

export function requireTask(entry: FunctionEntry, taskId: string): MockTask {
  const task = tasks(entry).get(taskId);
  if (!task) throw new MockFcError(...openApiErrors.asyncTaskNotExist(taskId));
  return task;
}

/** A new task, Enqueued; each GetAsyncTask then sees it one step further: Running, Succeeded. */
export function enqueueTask(entry: FunctionEntry, task: Omit<MockTask, 'status' | 'next' | 'events'>): void {
  if (tasks(entry).has(task.taskId)) throw new MockFcError(...openApiErrors.asyncTaskAlreadyExists(task.taskId));
  const events = [{ eventId: 1, status: 'Enqueued', timestamp: Date.now() }];
  tasks(entry).set(task.taskId, { ...task, status: 'Enqueued', next: ['Running', 'Succeeded'], events });
}

export function keepLogs(entry: FunctionEntry, id: string, text: string): void {
  let map = logsOf.get(entry);
  if (!map) logsOf.set(entry, (map = new Map()));
  map.set(id, text);
}

export function keptLogs(entry: FunctionEntry, id: string): string | undefined {
  return logsOf.get(entry)?.get(id);
}

/** The mock runs no code: a synchronous invocation answers its event back, and logs one line. */
export function logLines(id: string, event: string): string {
  return `FC Invoke Start RequestId: ${id}\n${new Date().toISOString()} ${id} [INFO] event: ${event}\nFC Invoke End RequestId: ${id}\n`;
}
