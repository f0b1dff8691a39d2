import { http, HttpResponse } from 'msw';
import { asyncTaskIdHeaderSchema, ASYNC_TASK_FINAL_STATUSES, type AsyncTask } from '../../src/contract/async-task';
import { LATEST } from '../../src/contract/names';
import { openApiErrors } from '../../src/contract/openapi-errors';
import { describeIssues } from '../../src/contract/validation-messages';
import { toBase64 } from '../bytes';
import { fcJson, MockFcError, requestId, withFcErrors } from '../fc-errors';
import { requireFunction, requireQualifier } from '../fc-state';
import { enqueueTask, keepLogs, keptLogs, logLines, requireTask, tasks, type MockTask } from '../invocation-state';
import { triggerGateway } from './trigger-gateway';

const FUNCTION = '*/2023-03-30/functions/:functionName';
const TASKS = `${FUNCTION}/async-tasks`;

function view({ next: _next, ...task }: MockTask, includePayload = true): AsyncTask {
  if (includePayload) return task;
  const { taskPayload: _payload, ...rest } = task;
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

/** The client's `x-fc-async-task-id`, checked by the contract's rule, or the request id. */
function taskIdOf(request: Request, id: string): string {
  const header = request.headers.get('x-fc-async-task-id');
  if (header === null) return id;
  const parsed = asyncTaskIdHeaderSchema.safeParse(header);
  if (!parsed.success)
    throw new MockFcError('InvalidArgument', describeIssues(parsed.error.issues, 'x-fc-async-task-id'));
  return parsed.data;
}

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
        const taskId = taskIdOf(request, id);
        const task = { taskId, requestId: id, qualifier, startedTime: Date.now(), alreadyRetriedTimes: 0 };
        enqueueTask(entry, { ...task, taskPayload: event, functionArn: entry.fn.functionArn });
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
      const logs = keptLogs(entry, id);
      if (logs === undefined) throw new MockFcError(...openApiErrors.invocationLogNotFound(entry.fn.functionName, id));
      return fcJson({ requestId: id, functionName: entry.fn.functionName, logs, truncated: false });
    }),
  ),

  http.get(
    TASKS,
    withFcErrors(({ request, params }) => {
      const entry = requireFunction(String(params.functionName));
      const query = new URL(request.url).searchParams;
      const status = query.get('status');
      const prefix = query.get('prefix') ?? '';
      const limit = Math.min(Math.max(Number(query.get('limit')) || 20, 1), 100);
      const start = Number(query.get('nextToken') || 0);
      const all = [...tasks(entry).values()]
        .filter((t) => (!status || t.status === status) && t.taskId.startsWith(prefix))
        .sort((a, b) => (b.startedTime ?? 0) - (a.startedTime ?? 0));
      const page = all.slice(start, start + limit).map((task) => view(task, query.get('includePayload') === 'true'));
      const nextToken = start + limit < all.length ? String(start + limit) : undefined;
      return fcJson({ tasks: page, ...(nextToken ? { nextToken } : {}) });
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
        throw new MockFcError(...openApiErrors.asyncTaskNotStoppable(task.taskId, task.status));
      task.status = 'Stopped';
      task.next = [];
      task.endTime = Date.now();
      return fcJson({});
    }),
  ),
  triggerGateway,
];
