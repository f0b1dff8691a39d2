import * as $dara from '@darabonba/typescript';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sandboxMode, startHarness, type Harness } from '../../conformance/harness';
import { detectSandbox } from './detect';
import { NOT_ISOLATED_WARNING } from './sandbox';
import { SANDBOX_STATUS_PATH } from './sandbox-routes';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

/** How the bff would ask: the SDK's generic signed call, as for the engine's other extensions. */
function sandboxStatus() {
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
  return h.client
    .callApi(params, new $OpenApiUtil.OpenApiRequest({}), new $dara.RuntimeOptions({}))
    .then((r) => r.body as Record<string, unknown>);
}

it('tells a signed caller whether functions are isolated on this machine, and why not', async () => {
  const { status } = await detectSandbox(sandboxMode());
  const answer = await sandboxStatus();
  if (status.isolated) expect(answer).toEqual({ isolated: true, tool: 'bubblewrap' });
  else expect(answer).toEqual({ isolated: false, reason: status.reason, warning: NOT_ISOLATED_WARNING });
  expect(h.engine.sandbox).toEqual(status);
});

it('refuses an unsigned caller', async () => {
  const reply = await fetch(`${h.engine.url}${SANDBOX_STATUS_PATH}`);
  expect(reply.status).toBeGreaterThanOrEqual(400);
  expect(await reply.text()).not.toContain('isolated');
});
