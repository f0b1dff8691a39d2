import * as $dara from '@darabonba/typescript';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { Harness } from '../harness';

export type CompleteLogs = { requestId: string; functionName: string; logs: string; truncated: boolean };

/** The engine-only GetInvocationLogs operation, signed and called as the SDK's own methods call theirs. */
export async function completeLogs(h: Harness, functionName: string, requestId: string): Promise<CompleteLogs> {
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
  const get = () =>
    h.client
      .callApi(params, new $OpenApiUtil.OpenApiRequest({}), new $dara.RuntimeOptions({}))
      .then((r) => r.body as CompleteLogs);
  try {
    return await get();
  } catch (error) {
    // The SDK's kept-alive connection can meet the engine's keep-alive timeout after a long test: once more.
    if (!String(error).includes('ECONNRESET')) throw error;
    return get();
  }
}
