import type { FunctionCreate } from '../src/contract/function';
import type { RecordedRequest } from '../src/contract/recorded-request';
import { fcState, type StoredFunction } from './fc-state';
import { recordedRequests } from './recorded-requests';

/** One row of a logstore as GetLogs answers it: every value a string. */
export type SlsRow = Record<string, string>;

/** The stored function keeps the log config it was created or updated with (the FC view type leaves it out). */
const logConfigOf = (fn: StoredFunction | undefined) =>
  (fn as { logConfig?: FunctionCreate['logConfig'] } | undefined)?.logConfig;

const secondsOf = (time: string) => String(Math.floor(Date.parse(time) / 1000));

/** A recorded request as FC 3.0 writes its request-level metrics row (the HTTP fields public clients read). */
function metricsRow(row: RecordedRequest): SlsRow {
  const failed = row.status >= 500 && row.errorCode !== undefined;
  return {
    __time__: secondsOf(row.time),
    __topic__: `FCRequestMetrics:/${row.functionName}`,
    __source__: '',
    functionName: row.functionName,
    qualifier: row.qualifier,
    versionId: '',
    requestId: row.requestId,
    operation: 'InvokeFunction',
    invocationType: row.invocationType === 'async' ? 'Async' : 'Sync',
    durationMs: row.durationMs.toFixed(2),
    memoryMB: '512',
    memoryUsageMB: '40.12',
    isColdStart: 'false',
    hasFunctionError: String(failed),
    ...(failed ? { errorType: row.errorCode! } : {}),
    invocationStartTimestamp: String(Date.parse(row.time)),
    method: row.method,
    requestURI: row.path,
    statusCode: String(row.status),
    clientIP: row.sourceIp,
    triggerType: row.via === 'custom-domain' ? 'custom-domain' : 'http',
  };
}

/** What the function printed for the request: one `FCLogs:<function>` row per line. */
function logRows(row: RecordedRequest): SlsRow[] {
  const lines = row.logs?.split('\n').filter((line) => line !== '') ?? [];
  return lines.map((message) => ({
    __time__: secondsOf(row.time),
    __topic__: `FCLogs:${row.functionName}`,
    __source__: '',
    functionName: row.functionName,
    qualifier: row.qualifier,
    versionId: '',
    message,
  }));
}

/**
 * A logstore's rows, made from what the mock gateway recorded for the functions whose log config names
 * it (request-level metrics on): the mock needs no state of its own and is reset with fcState.
 */
export function logstoreRows(project: string, logstore: string): SlsRow[] {
  const functions = new Set<string>();
  for (const [name, entry] of fcState.functions) {
    const config = logConfigOf(entry.fn);
    if (config?.project === project && config.logstore === logstore) functions.add(name);
  }
  const metricsOn = (name: string) => logConfigOf(fcState.functions.get(name)?.fn)?.enableRequestMetrics !== false;
  return recordedRequests.rows
    .filter((row) => functions.has(row.functionName))
    .flatMap((row) => [...(metricsOn(row.functionName) ? [metricsRow(row)] : []), ...logRows(row)]);
}

/** The log config of a function that writes its request logs to the mock's Log Service. */
export const LOGGING_CONFIG = {
  project: 'fc-console-logs',
  logstore: 'function-requests',
  enableRequestMetrics: true,
  enableInstanceMetrics: false,
  logBeginRule: 'DefaultRegex',
} as const;
