import { queryOptions } from '@tanstack/react-query';
import { functionCodeFilesSchema, functionSchema, type CodeDeploy } from '../../../contract/function';
import { apiClient, apiPath } from '../../lib/api-client';

export const codeQueries = {
  all: (fn: string) => ['code', fn] as const,
  files: (fn: string) =>
    queryOptions({
      queryKey: [...codeQueries.all(fn), 'files'] as const,
      queryFn: () => apiClient.get(`${apiPath('functions', fn)}/code`, functionCodeFilesSchema),
    }),
};

/** Deploy: the changed text files replace theirs in the code zip (UpdateFunction); answers the function. */
export function deployCode(fn: string, files: CodeDeploy['files']) {
  return apiClient.put(`${apiPath('functions', fn)}/code`, { files } satisfies CodeDeploy, functionSchema);
}
