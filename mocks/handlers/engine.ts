import { http } from 'msw';
import { SANDBOX_STATUS_PATH, type SandboxStatusAnswer } from '../../src/contract/engine-sandbox';
import { fcJson } from '../fc-errors';

/** The local engine's own extension: functions run in bubblewrap. Tests override it with `server.use`. */
export function sandboxStatusHandler(answer: SandboxStatusAnswer = { isolated: true, tool: 'bubblewrap' }) {
  return http.get(`*${SANDBOX_STATUS_PATH}`, () => fcJson(answer));
}

export const engineHandlers = [sandboxStatusHandler()];
