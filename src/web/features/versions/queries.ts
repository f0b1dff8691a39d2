import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  aliasListSchema,
  aliasSchema,
  versionListSchema,
  versionSchema,
  type AliasCreate,
  type AliasUpdate,
} from '../../../contract/function';
import { listSearch, type PageRequest } from '../../components/use-token-pages';
import { apiClient, apiPath } from '../../lib/api-client';
import { qualifierQueries } from '../../lib/qualifier-queries';

const base = (fn: string) => apiPath('functions', fn);

// The qualifier selectors' choices (lib/qualifier-queries.ts) sit under the same keys, so what
// invalidates these lists refreshes them too.

export const versionQueries = {
  all: qualifierQueries.all,
  /** Every list of aliases: the Versions tab's pages and the selectors' choices. */
  allAliases: qualifierQueries.aliases,
  /** One page of ListFunctionVersions; FC's nextToken leads to the next. */
  page: (fn: string, request: PageRequest) =>
    queryOptions({
      queryKey: [...versionQueries.all(fn), 'list', request] as const,
      queryFn: () => apiClient.get(`${base(fn)}/versions?${listSearch(request)}`, versionListSchema),
      placeholderData: keepPreviousData,
    }),
  aliasPage: (fn: string, request: PageRequest) =>
    queryOptions({
      queryKey: [...versionQueries.allAliases(fn), request] as const,
      queryFn: () => apiClient.get(`${base(fn)}/aliases?${listSearch(request)}`, aliasListSchema),
      placeholderData: keepPreviousData,
    }),
};

export function publishVersion(fn: string, input: { description?: string }) {
  return apiClient.post(`${base(fn)}/versions`, input, versionSchema);
}

export function deleteVersion(fn: string, versionId: string) {
  return apiClient.delete(`${base(fn)}${apiPath('versions', versionId)}`);
}

export function createAlias(fn: string, input: AliasCreate) {
  return apiClient.post(`${base(fn)}/aliases`, input, aliasSchema);
}

export function updateAlias(fn: string, aliasName: string, input: AliasUpdate) {
  return apiClient.put(`${base(fn)}${apiPath('aliases', aliasName)}`, input, aliasSchema);
}

export function deleteAlias(fn: string, aliasName: string) {
  return apiClient.delete(`${base(fn)}${apiPath('aliases', aliasName)}`);
}
