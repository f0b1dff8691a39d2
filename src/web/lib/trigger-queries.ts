import { queryOptions } from '@tanstack/react-query';
import { triggerListSchema } from '../../contract/trigger';
import { apiClient, apiPath } from './api-client';

export const triggersPath = (fn: string) => `${apiPath('functions', fn)}/triggers`;

/**
 * A function's triggers, shared by the Triggers tab and Test Function: one key, so a trigger
 * created or changed on one tab is what the other sees.
 */
export const triggerQueries = {
  all: (fn: string) => ['triggers', fn] as const,
  list: (fn: string) =>
    queryOptions({
      queryKey: [...triggerQueries.all(fn), 'list'] as const,
      queryFn: () => apiClient.get(triggersPath(fn), triggerListSchema),
    }),
};
