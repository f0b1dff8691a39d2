import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { functionListSchema, functionSchema, type FunctionFromTemplate } from '../../../contract/function';
import { templateSupportSchema } from '../../../contract/template-support';
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
  /** GetFunction: LATEST, or as a published version or alias runs it (`qualifier`). */
  detail: (name: string, qualifier?: string) =>
    queryOptions({
      queryKey: [...functionQueries.all(), 'detail', name, ...(qualifier ? [qualifier] : [])] as const,
      queryFn: () =>
        apiClient.get(
          `${apiPath('functions', name)}${qualifier ? `?${new URLSearchParams({ qualifier })}` : ''}`,
          functionSchema,
        ),
    }),
};

/** What the engine's machine lacks for a template; checked once by the bff, so it stays fresh for the session. */
export const templateSupportQuery = queryOptions({
  queryKey: ['function-templates', 'support'] as const,
  queryFn: () => apiClient.get('/function-templates', templateSupportSchema),
  staleTime: Infinity,
});

export function createFunction(input: FunctionFromTemplate) {
  return apiClient.post('/functions', input, functionSchema);
}

export function deleteFunction(name: string) {
  return apiClient.delete(apiPath('functions', name));
}
