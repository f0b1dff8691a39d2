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

const base = (fn: string) => apiPath('functions', fn);
/** The choices a form or the qualifier selector offers: one List call's most, the newest versions first. */
const CHOICES: PageRequest = { limit: 100 };

// The choices' key is the prefix of the pages' keys, so invalidating the choices refreshes every page.

export const versionQueries = {
  all: (fn: string) => ['versions', fn] as const,
  /** Versions to choose from (the newest 100). */
  list: (fn: string) =>
    queryOptions({
      queryKey: [...versionQueries.all(fn), 'list'] as const,
      queryFn: () => apiClient.get(`${base(fn)}/versions?${listSearch(CHOICES)}`, versionListSchema),
    }),
  /** One page of ListFunctionVersions; FC's nextToken leads to the next. */
  page: (fn: string, request: PageRequest) =>
    queryOptions({
      queryKey: [...versionQueries.all(fn), 'list', request] as const,
      queryFn: () => apiClient.get(`${base(fn)}/versions?${listSearch(request)}`, versionListSchema),
      placeholderData: keepPreviousData,
    }),
  /** Aliases to choose from (the first 100 by name). */
  aliases: (fn: string) =>
    queryOptions({
      queryKey: [...versionQueries.all(fn), 'aliases'] as const,
      queryFn: () => apiClient.get(`${base(fn)}/aliases?${listSearch(CHOICES)}`, aliasListSchema),
    }),
  aliasPage: (fn: string, request: PageRequest) =>
    queryOptions({
      queryKey: [...versionQueries.all(fn), 'aliases', request] as const,
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
