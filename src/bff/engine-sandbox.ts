import type { FunctionIsolation } from '../contract/console-api';
import { SANDBOX_STATUS_PATH, sandboxStatusAnswerSchema } from '../contract/engine-sandbox';
import { getEngineExtension } from './engine-extension';
import type { FcCall } from './fc-client';
import { FcError } from './fc-error';

/**
 * Whether the local engine runs functions isolated, and with which python3 (when it says). An engine that does not know the route (an
 * older one: 404), or does not answer at all, is "unknown": the settings must load without it.
 */
export async function functionIsolation(fcCall: FcCall): Promise<FunctionIsolation> {
  try {
    const answer = await getEngineExtension(fcCall, 'GetEngineSandbox', SANDBOX_STATUS_PATH);
    const parsed = sandboxStatusAnswerSchema.safeParse(answer);
    if (!parsed.success) return { functionIsolation: 'unknown' };
    const python = parsed.data.python ? { python: parsed.data.python } : {};
    return parsed.data.isolated
      ? { functionIsolation: 'isolated', ...python }
      : { functionIsolation: 'not-isolated', isolationReason: parsed.data.reason, ...python };
  } catch (err) {
    if (err instanceof FcError) return { functionIsolation: 'unknown' };
    throw err;
  }
}
