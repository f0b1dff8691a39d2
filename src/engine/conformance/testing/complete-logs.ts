import type { Harness } from '../harness';
import { getEngineExtension, invocationLogsPath } from './engine-extension';

export type CompleteLogs = { requestId: string; functionName: string; logs: string; truncated: boolean };

/** The engine-only GetInvocationLogs operation, signed and called as the SDK's own methods call theirs. */
export async function completeLogs(h: Harness, functionName: string, requestId: string): Promise<CompleteLogs> {
  const get = () =>
    getEngineExtension(
      h.client,
      'GetInvocationLogs',
      invocationLogsPath(functionName, requestId),
    ) as Promise<CompleteLogs>;
  try {
    return await get();
  } catch (error) {
    // The SDK's kept-alive connection can meet the engine's keep-alive timeout after a long test: once more.
    if (!String(error).includes('ECONNRESET')) throw error;
    return get();
  }
}
