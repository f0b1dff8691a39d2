import { queryOptions } from '@tanstack/react-query';
import {
  aliasListSchema,
  aliasSchema,
  versionListSchema,
  versionSchema,
  type AliasCreate,
  type AliasUpdate,
} from '../../../contract/function';
import { apiClient, apiPath } from '../../lib/api-client';

const base = (fn: string) => apiPath('functions', fn);

export const versionQueries = {
  all: (fn: string) => ['versions', fn] as const,
  list: (fn: string) =>
    queryOptions({
      queryKey: [...versionQueries.all(fn), 'list'] as const,
      queryFn: () => apiClient.get(`${base(fn)}/versions`, versionListSchema),
    }),
  aliases: (fn: string) =>
    queryOptions({
      queryKey: [...versionQueries.all(fn), 'aliases'] as const,
      queryFn: () => apiClient.get(`${base(fn)}/aliases`, aliasListSchema),
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
