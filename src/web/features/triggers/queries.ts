import { queryOptions } from '@tanstack/react-query';
import { triggerListSchema, triggerSchema, type TriggerCreate, type TriggerUpdate } from '../../../contract/trigger';
import { apiClient, apiPath } from '../../lib/api-client';

const base = (fn: string) => `${apiPath('functions', fn)}/triggers`;

export const triggerQueries = {
  all: (fn: string) => ['triggers', fn] as const,
  list: (fn: string) =>
    queryOptions({
      queryKey: [...triggerQueries.all(fn), 'list'] as const,
      queryFn: () => apiClient.get(base(fn), triggerListSchema),
    }),
};

export function createTrigger(fn: string, input: TriggerCreate) {
  return apiClient.post(base(fn), input, triggerSchema);
}

export function updateTrigger(fn: string, triggerName: string, input: TriggerUpdate) {
  return apiClient.put(`${base(fn)}${apiPath(triggerName)}`, input, triggerSchema);
}

export function deleteTrigger(fn: string, triggerName: string) {
  return apiClient.delete(`${base(fn)}${apiPath(triggerName)}`);
}
