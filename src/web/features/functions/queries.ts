import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { functionListSchema, functionSchema, type FunctionFromTemplate } from '../../../contract/function';
import { listSearch, type PageRequest } from '../../components/use-token-pages';
import { apiClient, apiPath } from '../../lib/api-client';

export const functionQueries = {
  all: () => ['functions'] as const,
  lists: () => [...functionQueries.all(), 'list'] as const,
  /** One page of ListFunctions, its names starting with `prefix`; FC's nextToken leads to the next. */
  list: (request: PageRequest & { prefix?: string }) =>
    queryOptions({
      queryKey: [...functionQueries.lists(), request] as const,
      queryFn: () => apiClient.get(`/functions?${listSearch(request)}`, functionListSchema),
      placeholderData: keepPreviousData,
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
