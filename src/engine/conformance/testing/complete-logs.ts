import * as $dara from '@darabonba/typescript';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { Harness } from '../harness';

export type CompleteLogs = { requestId: string; functionName: string; logs: string; truncated: boolean };

/** The engine-only GetInvocationLogs operation, signed and called as the SDK's own methods call theirs. */
export function completeLogs(h: Harness, functionName: string, requestId: string): Promise<CompleteLogs> {
  const params = new $OpenApiUtil.Params({
    action: 'GetInvocationLogs',
    version: '2023-03-30',
    protocol: 'HTTP',
    pathname: `/2023-03-30/functions/${encodeURIComponent(functionName)}/invocations/${encodeURIComponent(requestId)}/logs`,
    method: 'GET',
    authType: 'AK',
    style: 'ROA',
    reqBodyType: 'json',
    bodyType: 'json',
  });
  return h.client
    .callApi(params, new $OpenApiUtil.OpenApiRequest({}), new $dara.RuntimeOptions({}))
    .then((r) => r.body as CompleteLogs);
}
