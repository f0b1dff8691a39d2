import * as $FC from '@alicloud/fc20230330';
import { consoleErrorMessage, CONSOLE_ERRORS } from '../../contract/console-errors';
import type { FcCall } from '../fc-client';
import { FcError } from '../fc-error';
import { logStoreSchema, type LogStore } from './sls-client';

/** How long a function's log config is reused: the Requests tab asks every second. */
const KEEP_MS = 10_000;
const MAX_KEPT = 100;

function loggingOff(functionName: string, what: string): FcError {
  const detail = `The function ${functionName} ${what}.`;
  return new FcError(
    CONSOLE_ERRORS.RequestLogsOff.status,
    'RequestLogsOff',
    consoleErrorMessage('RequestLogsOff', detail),
  );
}

/**
 * Where a function's request logs are: its `logConfig` (GetFunction), which must name a project and a
 * logstore and keep request-level metrics. Kept for a few seconds per region and function.
 */
export function createLogStoreLookup(fcCall: FcCall) {
  const kept = new Map<string, { store: LogStore; until: number }>();
  return async function logStoreOf(region: string, functionName: string): Promise<LogStore> {
    const key = `${region}\n${functionName}`;
    const hit = kept.get(key);
    if (hit && hit.until > Date.now()) return hit.store;
    const { body } = await fcCall((fc) => fc.getFunction(functionName, new $FC.GetFunctionRequest({})));
    const config = body?.logConfig;
    if (!config?.project || !config.logstore) throw loggingOff(functionName, 'has no log project and logstore');
    if (config.enableRequestMetrics === false) throw loggingOff(functionName, 'has request-level metrics turned off');
    const parsed = logStoreSchema.safeParse({ project: config.project, logstore: config.logstore });
    if (!parsed.success)
      throw new FcError(
        502,
        'InvalidResponse',
        `The log config of ${functionName} names a project or logstore that is not a Log Service name.`,
      );
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string);
    kept.set(key, { store: parsed.data, until: Date.now() + KEEP_MS });
    return parsed.data;
  };
}
