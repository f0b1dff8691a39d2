import { queryOptions } from '@tanstack/react-query';
import { functionListSchema, functionSchema, type FunctionFromTemplate } from '../../../contract/function';
import { apiClient, apiPath } from '../../lib/api-client';

export const functionQueries = {
  all: () => ['functions'] as const,
  lists: () => [...functionQueries.all(), 'list'] as const,
  list: () =>
    queryOptions({
      queryKey: functionQueries.lists(),
      queryFn: () => apiClient.get('/functions?limit=100', functionListSchema),
    }),
  detail: (name: string) =>
    queryOptions({
      queryKey: [...functionQueries.all(), 'detail', name] as const,
      queryFn: () => apiClient.get(apiPath('functions', name), functionSchema),
    }),
};

export function createFunction(input: FunctionFromTemplate) {
  return apiClient.post('/functions', input, functionSchema);
}

export function deleteFunction(name: string) {
  return apiClient.delete(apiPath('functions', name));
}
