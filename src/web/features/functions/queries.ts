import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { FunctionFromTemplate } from '../../../contract/function';
import { DEFAULT_PAGE_SIZE, listSearch, type PageRequest } from '../../components/use-token-pages';
import { apiClient, apiPath } from '../../lib/api-client';

// The function list is the first page: its schemas (and zod) load beside its first request.
const functionListSchema = () => import('../../../contract/function-answer').then((m) => m.functionListSchema);
const functionSchema = () => import('../../../contract/function-answer').then((m) => m.functionSchema);
const templateSupportSchema = () => import('../../../contract/template-support').then((m) => m.templateSupportSchema);

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

/**
 * The Functions page's first list, asked for as soon as the console's script has run rather than once
 * the page has rendered: on a slow phone its answer (and its schema's chunk) arrive that much sooner.
 */
export function prefetchFirstFunctions(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(functionQueries.list({ limit: DEFAULT_PAGE_SIZE }));
}

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
