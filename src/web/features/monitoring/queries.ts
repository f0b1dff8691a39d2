import { queryOptions } from '@tanstack/react-query';
import { requestMetricsSchema, type MetricsQuery } from '../../../contract/recorded-request';
import { apiClient, apiPath } from '../../lib/api-client';

/** How often the tab asks again while it is open and the page is visible. */
export const METRICS_POLL_MS = 5000;

function search(query: MetricsQuery): string {
  const params = new URLSearchParams({ window: query.window });
  if (query.triggerName) params.set('triggerName', query.triggerName);
  if (query.qualifier) params.set('qualifier', query.qualifier);
  return params.toString();
}

export const monitoringQueries = {
  all: (fn: string) => ['metrics', fn] as const,
  metrics: (fn: string, query: MetricsQuery) =>
    queryOptions({
      queryKey: [...monitoringQueries.all(fn), query] as const,
      queryFn: () => apiClient.get(`${apiPath('functions', fn)}/metrics?${search(query)}`, requestMetricsSchema),
      // TanStack Query pauses the interval while the page is hidden (refetchIntervalInBackground: false).
      refetchInterval: METRICS_POLL_MS,
      placeholderData: (previous) => previous,
    }),
};
