import * as $FC from '@alicloud/fc20230330';
import { consoleErrorMessage, CONSOLE_ERRORS } from '../../contract/console-errors';
import type { FcCall } from '../fc-client';
import { FcError } from '../fc-error';
import { logStoreSchema, type LogStore } from './sls-client';

/** How long a function's log config or a trigger's qualifier is reused: the Requests tab asks every second. */
const KEEP_MS = 10_000;
const MAX_KEPT = 100;

/** An answer kept for a few seconds per key (bounded); failures are not kept. */
function kept<T>(read: (key: string[]) => Promise<T>) {
  const answers = new Map<string, { value: T; until: number }>();
  return async (...key: string[]): Promise<T> => {
    const name = key.join('\n');
    const hit = answers.get(name);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = await read(key);
    if (answers.size >= MAX_KEPT) answers.delete(answers.keys().next().value as string);
    answers.set(name, { value, until: Date.now() + KEEP_MS });
    return value;
  };
}

function loggingOff(functionName: string, what: string): FcError {
  const detail = `The function ${functionName} ${what}.`;
  const { status } = CONSOLE_ERRORS.RequestLogsOff;
  return new FcError(status, 'RequestLogsOff', consoleErrorMessage('RequestLogsOff', detail));
}

/**
 * Where a function's request logs are: its `logConfig` (GetFunction), which must name a project and a
 * logstore and keep request-level metrics. Asked with the region, so one region's answer serves no other.
 */
export function createLogStoreLookup(fcCall: FcCall) {
  return kept(async ([, functionName = '']): Promise<LogStore> => {
    const { body } = await fcCall((fc) => fc.getFunction(functionName, new $FC.GetFunctionRequest({})));
    const config = body?.logConfig;
    if (!config?.project || !config.logstore) throw loggingOff(functionName, 'has no log project and logstore');
    if (config.enableRequestMetrics === false) throw loggingOff(functionName, 'has request-level metrics turned off');
    const parsed = logStoreSchema.safeParse({ project: config.project, logstore: config.logstore });
    if (parsed.success) return parsed.data;
    const what = `The log config of ${functionName} names a project or logstore that is not a Log Service name.`;
    throw new FcError(502, 'InvalidResponse', what);
  });
}

/** The qualifier a trigger invokes (GetTrigger): the request logs do not name the trigger, so its filter narrows to it. */
export function createTriggerQualifierLookup(fcCall: FcCall) {
  return kept(async ([, functionName = '', triggerName = '']) => {
    const { body } = await fcCall((fc) => fc.getTrigger(functionName, triggerName));
    return body?.qualifier || undefined;
  });
}
