import { queryOptions } from '@tanstack/react-query';
import { functionCodeFilesSchema } from '../../../contract/function';
import { apiClient, apiPath } from '../../lib/api-client';

export const codeQueries = {
  all: (fn: string) => ['code', fn] as const,
  files: (fn: string) =>
    queryOptions({
      queryKey: [...codeQueries.all(fn), 'files'] as const,
      queryFn: () => apiClient.get(`${apiPath('functions', fn)}/code`, functionCodeFilesSchema),
    }),
};
