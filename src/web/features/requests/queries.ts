import { queryOptions } from '@tanstack/react-query';
import {
  recordedRequestSchema,
  recordedRequestsPageSchema,
  type RecordedRequestsQuery,
} from '../../../contract/recorded-request';
import { apiClient, apiPath } from '../../lib/api-client';

/** How often the open Requests tab asks for rows newer than the newest it has. */
export const LIVE_POLL_MS = 1000;

export type RequestFilters = Pick<
  RecordedRequestsQuery,
  'statusClass' | 'method' | 'path' | 'since' | 'triggerName' | 'requestId'
>;

const requestsPath = (fn: string) => `${apiPath('functions', fn)}/requests`;

export function listSearch(query: RecordedRequestsQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

export function fetchRequests(fn: string, query: RecordedRequestsQuery) {
  return apiClient.get(`${requestsPath(fn)}?${listSearch(query)}`, recordedRequestsPageSchema);
}

export const requestQueries = {
  all: (fn: string) => ['recorded-requests', fn] as const,
  page: (fn: string, query: RecordedRequestsQuery) =>
    queryOptions({
      queryKey: [...requestQueries.all(fn), 'page', query] as const,
      queryFn: () => fetchRequests(fn, query),
    }),
  detail: (fn: string, requestId: string) =>
    queryOptions({
      queryKey: [...requestQueries.all(fn), 'detail', requestId] as const,
      queryFn: () => apiClient.get(`${requestsPath(fn)}${apiPath(requestId)}`, recordedRequestSchema),
    }),
};
