import { afterAll, beforeAll, expect, it } from 'vitest';
import { sandboxMode, startHarness, type Harness } from '../../conformance/harness';
import { getEngineExtension } from '../../conformance/testing/engine-extension';
import { findPython, pythonStatusOf } from '../python-interpreter';
import { detectSandbox } from './detect';
import { NOT_ISOLATED_WARNING } from './sandbox';
import { SANDBOX_STATUS_PATH } from './sandbox-routes';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

/** How the bff would ask: the SDK's generic signed call, as for the engine's other extensions. */
function sandboxStatus() {
  return getEngineExtension(h.client, 'GetEngineSandbox', SANDBOX_STATUS_PATH) as Promise<Record<string, unknown>>;
}

it('tells a signed caller whether functions are isolated on this machine, and why not', async () => {
  const { status } = await detectSandbox(sandboxMode());
  const { python, ...answer } = await sandboxStatus();
  if (status.isolated) expect(answer).toEqual({ isolated: true, tool: 'bubblewrap' });
  else expect(answer).toEqual({ isolated: false, reason: status.reason, warning: NOT_ISOLATED_WARNING });
  expect(python).toEqual(pythonStatusOf(await findPython({ sandboxed: status.isolated })));
  expect(h.engine.sandbox).toEqual(status);
});

it('refuses an unsigned caller', async () => {
  const reply = await fetch(`${h.engine.url}${SANDBOX_STATUS_PATH}`);
  expect(reply.status).toBeGreaterThanOrEqual(400);
  expect(await reply.text()).not.toContain('isolated');
});
