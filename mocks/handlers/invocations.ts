import { http, HttpResponse } from 'msw';
import { ASYNC_TASK_FINAL_STATUSES, type AsyncTask, type AsyncTaskStatus } from '../../src/contract/async-task';
import { LATEST } from '../../src/contract/names';
import { toBase64 } from '../bytes';
import { fcJson, MockFcError, requestId, withFcErrors } from '../fc-errors';
import { fcState, requireFunction, requireQualifier, type FunctionEntry, type StoredTrigger } from '../fc-state';

const FUNCTION = '*/2023-03-30/functions/:functionName';
const TASKS = `${FUNCTION}/async-tasks`;

type MockTask = AsyncTask & { status: AsyncTaskStatus; next: AsyncTaskStatus[] };

/** Kept beside the function's entry, so `fcState.reset()` clears them with it. */
const tasksOf = new WeakMap<FunctionEntry, Map<string, MockTask>>();
const logsOf = new WeakMap<FunctionEntry, Map<string, string>>();

function tasks(entry: FunctionEntry): Map<string, MockTask> {
  let map = tasksOf.get(entry);
  if (!map) tasksOf.set(entry, (map = new Map()));
  return map;
}

function keepLogs(entry: FunctionEntry, id: string, text: string): void {
  let map = logsOf.get(entry);
  if (!map) logsOf.set(entry, (map = new Map()));
  map.set(id, text);
}

/** The mock runs no code: a synchronous invocation answers its event back, and logs one line. */
function logLines(id: string, event: string): string {
  return `FC Invoke Start RequestId: ${id}\n${new Date().toISOString()} ${id} [INFO] event: ${event}\nFC Invoke End RequestId: ${id}\n`;
}

function requireTask(entry: FunctionEntry, taskId: string): MockTask {
  const task = tasks(entry).get(taskId);
  if (!task) throw new MockFcError('AsyncTaskNotExist', `The async task ${taskId} does not exist.`);
  return task;
}

function view(task: MockTask): AsyncTask {
  const { next: _next, ...rest } = task;
  return rest;
}

/** Each GetAsyncTask sees the task one step further: Enqueued → Running → Succeeded. */
function advance(task: MockTask): void {
  const status = task.next.shift();
  if (!status) return;
  task.status = status;
  task.events = [...(task.events ?? []), { eventId: (task.events?.length ?? 0) + 1, status, timestamp: Date.now() }];
  if (status === 'Succeeded') {
    task.endTime = Date.now();
    task.durationMs = task.endTime - (task.startedTime ?? task.endTime);
    task.returnPayload = task.taskPayload;
  }
}

/** The trigger whose public or internal URL the Host names. */
function triggerFor(host: string | null): { entry: FunctionEntry; trigger: StoredTrigger } | undefined {
  for (const entry of fcState.functions.values())
    for (const trigger of entry.triggers.values())
      if ([trigger.urls.urlInternet, trigger.urls.urlIntranet].some((url) => new URL(url).host === host))
        return { entry, trigger };
  return undefined;
}

function gatewayError(status: number, code: string, message: string) {
  const id = requestId();
  return HttpResponse.json(
    { Code: code, Message: message, RequestId: id },
    { status, headers: { 'x-fc-request-id': id } },
  );
}

/**
 * A trigger URL (Node reaches `*.fcapp.localhost` on 127.0.0.1 with the Host header): the method
 * and Basic/Bearer checks of the gateway, then a function that answers what it received.
 */
const triggerGateway = http.all('*', async ({ request }) => {
  const found = triggerFor(request.headers.get('host'));
  if (!found) return undefined; // not a trigger URL: the other handlers, or unhandled
  const { entry, trigger } = found;
  const config = trigger.config;
  if (!config.methods.includes(request.method as never))
    return gatewayError(403, 'MethodNotAllowed', `${request.method} is not allowed.`);
  const authorization = request.headers.get('authorization') ?? '';
  if (
    config.authType === 'basic' &&
    !config.authConfig.users.some((u) => authorization === `Basic ${btoa(`${u.username}:${u.password}`)}`)
  )
    return gatewayError(401, 'Unauthorized', 'invalid basic credentials');
  if (config.authType === 'bearer' && !config.authConfig.tokens.some((t) => authorization === `Bearer ${t.token}`))
    return gatewayError(401, 'Unauthorized', 'access denied due to invalid bearer token');
  const url = new URL(request.url);
  const id = requestId();
  const body = await request.text();
  if (request.headers.get('x-fc-invocation-type')?.toLowerCase() === 'async') {
    tasks(entry).set(id, {
      taskId: id,
      requestId: id,
      qualifier: trigger.qualifier,
      status: 'Enqueued',
      next: ['Running', 'Succeeded'],
      startedTime: Date.now(),
      alreadyRetriedTimes: 0,
      taskPayload: body,
      events: [],
    });
    return new HttpResponse(null, { status: 202, headers: { 'x-fc-request-id': id, 'x-fc-async-task-id': id } });
  }
  const headers = Object.fromEntries(
    [...request.headers].filter(([name]) => !name.startsWith('x-fc-') && name !== 'authorization'),
  );
  const logs = logLines(id, `${request.method} ${url.pathname}`);
  keepLogs(entry, id, logs);
  const answer: Record<string, string> = { 'content-type': 'application/json', 'x-fc-request-id': id };
  if (request.headers.get('x-fc-log-type')?.toLowerCase() === 'tail')
    answer['x-fc-log-result'] = toBase64(new TextEncoder().encode(logs));
  const received = {
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
  };
  return HttpResponse.json(received, { headers: answer });
});

export const invocationHandlers = [
  http.post(
    `${FUNCTION}/invocations`,
    withFcErrors(async ({ request, params }) => {
      const entry = requireFunction(String(params.functionName));
      const qualifier = new URL(request.url).searchParams.get('qualifier') || LATEST;
      requireQualifier(entry, qualifier);
      const event = await request.text();
      const id = requestId();
      if (request.headers.get('x-fc-invocation-type')?.toLowerCase() === 'async') {
        const taskId = request.headers.get('x-fc-async-task-id') || id;
        const task: MockTask = {
          taskId,
          requestId: id,
          qualifier,
          status: 'Enqueued',
          next: ['Running', 'Succeeded'],
          startedTime: Date.now(),
          alreadyRetriedTimes: 0,
          taskPayload: event,
          functionArn: entry.fn.functionArn,
          events: [{ eventId: 1, status: 'Enqueued', timestamp: Date.now() }],
        };
        tasks(entry).set(taskId, task);
        return new HttpResponse(null, {
          status: 202,
          headers: { 'x-fc-request-id': id, 'x-fc-async-task-id': taskId },
        });
      }
      const logs = logLines(id, event);
      keepLogs(entry, id, logs);
      const headers: Record<string, string> = { 'x-fc-request-id': id, 'content-type': 'application/octet-stream' };
      if (request.headers.get('x-fc-log-type')?.toLowerCase() === 'tail')
        headers['x-fc-log-result'] = toBase64(new TextEncoder().encode(logs));
      return new HttpResponse(event, { status: 200, headers });
    }),
  ),

  // The local engine's extension: the complete logs of a recent invocation.
  http.get(
    `${FUNCTION}/invocations/:requestId/logs`,
    withFcErrors(({ params }) => {
      const entry = requireFunction(String(params.functionName));
      const id = String(params.requestId);
      const logs = logsOf.get(entry)?.get(id);
      if (logs === undefined) throw new MockFcError('RouteNotFound', `No logs are kept for request ${id}.`);
      return fcJson({ requestId: id, functionName: entry.fn.functionName, logs, truncated: false });
    }),
  ),

  http.get(
    TASKS,
    withFcErrors(({ request, params }) => {
      const entry = requireFunction(String(params.functionName));
      const query = new URL(request.url).searchParams;
      const status = query.get('status');
      const limit = Math.min(Math.max(Number(query.get('limit')) || 20, 1), 100);
      const start = Number(query.get('nextToken') || 0);
      const all = [...tasks(entry).values()]
        .filter((t) => !status || t.status === status)
        .sort((a, b) => (b.startedTime ?? 0) - (a.startedTime ?? 0));
      const page = all.slice(start, start + limit);
      const nextToken = start + limit < all.length ? String(start + limit) : undefined;
      return fcJson({ tasks: page.map(view), ...(nextToken ? { nextToken } : {}) });
    }),
  ),

  http.get(
    `${TASKS}/:taskId`,
    withFcErrors(({ params }) => {
      const task = requireTask(requireFunction(String(params.functionName)), String(params.taskId));
      const seen = view(task);
      advance(task);
      return fcJson(seen);
    }),
  ),

  http.put(
    `${TASKS}/:taskId/stop`,
    withFcErrors(({ params }) => {
      const task = requireTask(requireFunction(String(params.functionName)), String(params.taskId));
      if (ASYNC_TASK_FINAL_STATUSES.includes(task.status))
        throw new MockFcError(
          'InvalidArgument',
          `The async task ${task.taskId} is ${task.status} and cannot be stopped.`,
        );
      task.status = 'Stopped';
      task.next = [];
      task.endTime = Date.now();
      return fcJson({});
    }),
  ),
  triggerGateway,
];
