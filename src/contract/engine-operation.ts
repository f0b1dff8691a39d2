import * as $dara from '@darabonba/typescript';
import { $OpenApiUtil } from '@alicloud/openapi-core';

/** What of the SDK's client a call needs: its generic, signed `callApi`. */
type SdkClient = {
  callApi(
    params: $OpenApiUtil.Params,
    request: $OpenApiUtil.OpenApiRequest,
    runtime: $dara.RuntimeOptions,
  ): Promise<unknown>;
};

/**
 * A GET of one of the local engine's own operations (complete invocation logs, the sandbox status),
 * signed and sent as the SDK sends its own methods. The client's configured protocol wins over the
 * one named here, so the same call works against the engine (http).
 */
export async function getEngineOperation(
  client: SdkClient,
  action: string,
  pathname: string,
  query: Record<string, string> = {},
): Promise<unknown> {
  const params = new $OpenApiUtil.Params({
    action,
    version: '2023-03-30',
    protocol: 'HTTPS',
    pathname,
    method: 'GET',
    authType: 'AK',
    style: 'ROA',
    reqBodyType: 'json',
    bodyType: 'json',
  });
  const answer = await client.callApi(params, new $OpenApiUtil.OpenApiRequest({ query }), new $dara.RuntimeOptions({}));
  return (answer as { body?: unknown } | undefined)?.body;
}

/** The path of the engine's GetInvocationLogs (the local stand-in for Simple Log Service). */
export function invocationLogsPath(functionName: string, requestId: string): string {
  return `/2023-03-30/functions/${encodeURIComponent(functionName)}/invocations/${encodeURIComponent(requestId)}/logs`;
}
