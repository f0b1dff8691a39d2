import * as $dara from '@darabonba/typescript';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { FunctionIsolation } from '../contract/console-api';
import { SANDBOX_STATUS_PATH, sandboxStatusAnswerSchema } from '../contract/engine-sandbox';
import type { FcCall } from './fc-client';
import { FcError } from './fc-error';

const params = new $OpenApiUtil.Params({
  action: 'GetEngineSandbox',
  version: '2023-03-30',
  protocol: 'HTTP',
  pathname: SANDBOX_STATUS_PATH,
  method: 'GET',
  authType: 'AK',
  style: 'ROA',
  reqBodyType: 'json',
  bodyType: 'json',
});

/**
 * Whether the local engine runs functions isolated. An engine that does not know the route (an
 * older one: 404), or does not answer at all, is "unknown": the settings must load without it.
 */
export async function functionIsolation(fcCall: FcCall): Promise<FunctionIsolation> {
  try {
    const answer = await fcCall((client) =>
      client.callApi(params, new $OpenApiUtil.OpenApiRequest({}), new $dara.RuntimeOptions({})),
    );
    const parsed = sandboxStatusAnswerSchema.safeParse((answer as { body?: unknown }).body);
    if (!parsed.success) return { functionIsolation: 'unknown' };
    return parsed.data.isolated
      ? { functionIsolation: 'isolated' }
      : { functionIsolation: 'not-isolated', isolationReason: parsed.data.reason };
  } catch (err) {
    if (err instanceof FcError) return { functionIsolation: 'unknown' };
    throw err;
  }
}
