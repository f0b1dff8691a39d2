import { invocationLogsPath } from '../../contract/engine-operation';
import { getEngineExtension } from '../engine-extension';
import type { FcCall } from '../fc-client';

export const CLOUD_LOGS_NOTE =
  '(The last 4 KB of the log. The complete logs of this invocation are in Simple Log Service, in the log store configured for the function.)';

/** The engine-only `GET …/invocations/{requestId}/logs` (the local stand-in for Simple Log Service). */
async function completeLogs(fcCall: FcCall, functionName: string, requestId: string): Promise<string | undefined> {
  const pathname = invocationLogsPath(functionName, requestId);
  const answer = await getEngineExtension(fcCall, 'GetInvocationLogs', pathname);
  const logs = (answer as { logs?: unknown } | undefined)?.logs;
  return typeof logs === 'string' ? logs : undefined;
}

/**
 * The logs a result shows: the local engine's complete logs, else the tail from x-fc-log-result
 * (in the cloud with a note where the rest is). Undefined when the function did not run.
 */
export async function logsOf(
  context: { fcCall: FcCall; mode: 'local' | 'cloud'; functionName: string },
  headers: ReadonlyArray<[string, string]>,
): Promise<string | undefined> {
  const tail = headers.find(([name]) => name === 'x-fc-log-result')?.[1];
  if (tail === undefined) return undefined;
  const decoded = Buffer.from(tail, 'base64').toString('utf8');
  const requestId = headers.find(([name]) => name === 'x-fc-request-id')?.[1];
  if (context.mode === 'cloud' || !requestId)
    return context.mode === 'cloud' ? `${decoded}\n${CLOUD_LOGS_NOTE}\n` : decoded;
  try {
    return (await completeLogs(context.fcCall, context.functionName, requestId)) ?? decoded;
  } catch {
    return decoded; // an engine that keeps no logs (or not this one's): the tail is what there is
  }
}
