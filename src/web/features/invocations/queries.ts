import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  ASYNC_TASK_FINAL_STATUSES,
  asyncTaskListSchema,
  asyncTaskSchema,
  type AsyncTask,
  type AsyncTaskStatus,
} from '../../../contract/async-task';
import {
  invocationResultSchema,
  savedTestRequestSchema,
  type InvokeInput,
  type TestRequest,
} from '../../../contract/invocation';
import {
  invocationHistorySchema,
  savedTestRequestListSchema,
  type SavedTestRequestUpdate,
} from '../../../contract/test-function-api';
import { listSearch, type PageRequest } from '../../components/use-token-pages';
import { apiClient, apiPath } from '../../lib/api-client';

const fnPath = (fn: string) => apiPath('functions', fn);

export const invocationQueries = {
  all: (fn: string) => ['invocations', fn] as const,
  history: (fn: string) =>
    queryOptions({
      queryKey: [...invocationQueries.all(fn), 'history'] as const,
      queryFn: () => apiClient.get(`${fnPath(fn)}/invocations`, invocationHistorySchema),
    }),
};

export function invoke(fn: string, input: InvokeInput) {
  return apiClient.post(`${fnPath(fn)}/invocations`, input, invocationResultSchema);
}

export const isFinalTaskStatus = (status: string) => (ASYNC_TASK_FINAL_STATUSES as readonly string[]).includes(status);

/** How often a task that is not final yet is asked again. */
export const TASK_POLL_MS = 1000;

/** What the Async Tasks view filters by: FC's ListAsyncTasks `status` and task id `prefix`. */
export type AsyncTaskFilter = { status?: AsyncTaskStatus; prefix?: string };

function taskListSearch({ status, prefix }: AsyncTaskFilter, request: PageRequest): string {
  const search = new URLSearchParams(listSearch({ ...request, ...(prefix ? { prefix } : {}) }));
  if (status) search.set('status', status);
  return search.toString();
}

export const asyncTaskQueries = {
  all: (fn: string) => ['async-tasks', fn] as const,
  lists: (fn: string) => [...asyncTaskQueries.all(fn), 'list'] as const,
  /** One page of ListAsyncTasks, newest first, by status and task id prefix. */
  list: (fn: string, filter: AsyncTaskFilter, request: PageRequest) =>
    queryOptions({
      queryKey: [...asyncTaskQueries.lists(fn), filter, request] as const,
      queryFn: () => apiClient.get(`${fnPath(fn)}/async-tasks?${taskListSearch(filter, request)}`, asyncTaskListSchema),
      placeholderData: keepPreviousData,
      refetchInterval: (query) =>
        query.state.data?.tasks.some((t) => !isFinalTaskStatus(t.status)) ? TASK_POLL_MS * 2 : false,
    }),
  detail: (fn: string, taskId: string) =>
    queryOptions({
      queryKey: [...asyncTaskQueries.all(fn), 'detail', taskId] as const,
      queryFn: () => apiClient.get(`${fnPath(fn)}/async-tasks${apiPath(taskId)}`, asyncTaskSchema),
      refetchInterval: (query) =>
        query.state.data && isFinalTaskStatus(query.state.data.status) ? false : TASK_POLL_MS,
    }),
};

export function stopAsyncTask(fn: string, taskId: string): Promise<AsyncTask> {
  return apiClient.post(`${fnPath(fn)}/async-tasks${apiPath(taskId)}/stop`, {}, asyncTaskSchema);
}

export const testRequestQueries = {
  all: (fn: string) => ['test-requests', fn] as const,
  list: (fn: string) =>
    queryOptions({
      queryKey: [...testRequestQueries.all(fn), 'list'] as const,
      queryFn: () => apiClient.get(`${fnPath(fn)}/test-requests`, savedTestRequestListSchema),
    }),
};

export const testRequestsExportUrl = (fn: string) => `/api${fnPath(fn)}/test-requests/export`;

export function createTestRequest(fn: string, name: string, request: TestRequest) {
  return apiClient.post(`${fnPath(fn)}/test-requests`, { name, request }, savedTestRequestSchema);
}

export function updateTestRequest(fn: string, id: string, patch: SavedTestRequestUpdate) {
  return apiClient.put(`${fnPath(fn)}/test-requests${apiPath(id)}`, patch, savedTestRequestSchema);
}

export function deleteTestRequest(fn: string, id: string) {
  return apiClient.delete(`${fnPath(fn)}/test-requests${apiPath(id)}`);
}
