import * as $dara from '@darabonba/typescript';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { FcCall } from './fc-client';

/**
 * A GET of one of the local engine's own operations (complete invocation logs, the sandbox status),
 * signed and sent as the SDK sends its own methods. The client's configured protocol wins over the
 * one named here, so the same call works against the engine (http) and is never made to the cloud.
 */
export async function getEngineExtension(fcCall: FcCall, action: string, pathname: string): Promise<unknown> {
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
  const answer = await fcCall((fc) =>
    fc.callApi(params, new $OpenApiUtil.OpenApiRequest({}), new $dara.RuntimeOptions({})),
  );
  return (answer as { body?: unknown } | undefined)?.body;
}
