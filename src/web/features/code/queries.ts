import { queryOptions } from '@tanstack/react-query';
import { functionCodeFilesSchema, functionSchema, type CodeDeploy } from '../../../contract/function';
import { apiClient, apiPath, ifMatchHeader } from '../../lib/api-client';

export const codeQueries = {
  all: (fn: string) => ['code', fn] as const,
  files: (fn: string) =>
    queryOptions({
      queryKey: [...codeQueries.all(fn), 'files'] as const,
      queryFn: () => apiClient.get(`${apiPath('functions', fn)}/code`, functionCodeFilesSchema),
    }),
  /** The code a published version or alias runs (it never changes under a version). */
  published: (fn: string, qualifier: string) =>
    queryOptions({
      queryKey: [...codeQueries.all(fn), 'published', qualifier] as const,
      queryFn: () =>
        apiClient.get(
          `${apiPath('functions', fn)}/code?${new URLSearchParams({ qualifier })}`,
          functionCodeFilesSchema,
        ),
    }),
};

/**
 * Deploy: the changed text files replace theirs in the code zip (UpdateFunction); answers the function.
 * `base` is the checksum the edits were made on: a deploy by someone else since then is 412 CodeChanged.
 * Without it the files overwrite whatever is current.
 */
export function deployCode(fn: string, files: CodeDeploy['files'], base: string | undefined) {
  return apiClient.put(
    `${apiPath('functions', fn)}/code`,
    { files } satisfies CodeDeploy,
    functionSchema,
    ifMatchHeader(base),
  );
}
