import * as $dara from '@darabonba/typescript';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { FcClientInstance } from '../../openapi/engine-test-kit';

/** A GET of one of the engine's own operations, signed and called as the SDK's own methods call theirs. */
export async function getEngineExtension(client: FcClientInstance, action: string, pathname: string): Promise<unknown> {
  const params = new $OpenApiUtil.Params({
    action,
    version: '2023-03-30',
    protocol: 'HTTP',
    pathname,
    method: 'GET',
    authType: 'AK',
    style: 'ROA',
    reqBodyType: 'json',
    bodyType: 'json',
  });
  const answer = await client.callApi(params, new $OpenApiUtil.OpenApiRequest({}), new $dara.RuntimeOptions({}));
  return (answer as { body?: unknown }).body;
}

/** The path of the engine's GetInvocationLogs. */
export function invocationLogsPath(functionName: string, requestId: string): string {
  return `/2023-03-30/functions/${encodeURIComponent(functionName)}/invocations/${encodeURIComponent(requestId)}/logs`;
}
