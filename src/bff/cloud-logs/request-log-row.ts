import { z } from 'zod';
import { LATEST } from '../../contract/names';
import type { RecordedRequest, RecordedRequestSummary } from '../../contract/recorded-request';

/*
 * FC 3.0's request-level metrics, one row per invocation in the function's logstore (topic
 * `FCRequestMetrics:/<function>`). The reference names functionName, qualifier, versionId, requestId,
 * invocationType, durationMs, hasFunctionError and errorType; it says HTTP functions add the path,
 * status code and client IP without naming those fields, so `method`, `requestURI`, `statusCode`,
 * `clientIP` and `triggerType` are read when present and never required (decision 024).
 */
export const requestMetricsTopic = (functionName: string) => `FCRequestMetrics:/${functionName}`;
/** What the function printed (stdout/stderr), FC's documented topic. */
export const functionLogsTopic = (functionName: string) => `FCLogs:${functionName}`;

/** SLS answers every value as a string; a number or boolean is taken too. */
const value = z
  .union([z.string().max(8192), z.number(), z.boolean()])
  .transform(String)
  .optional();

/** The latest time a row may have (about 2255): its seq (ms × 1000 + spread) stays a safe integer and a Date. */
const LATEST_MS = 9_000_000_000_000;

export const requestLogRowSchema = z.object({
  __time__: z.coerce
    .number()
    .int()
    .nonnegative()
    .max(LATEST_MS / 1000),
  requestId: z.string().min(1).max(128),
  functionName: value,
  qualifier: value,
  invocationType: value,
  durationMs: value,
  statusCode: value,
  method: value,
  requestURI: value,
  clientIP: value,
  hasFunctionError: value,
  errorType: value,
  invocationStartTimestamp: value,
});
export type RequestLogRow = z.infer<typeof requestLogRowSchema>;

function numberOf(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** FNV-1a of the request id: the same row always gets the same seq, two rows of one millisecond rarely share one. */
function spread(requestId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < requestId.length; i++) hash = Math.imul(hash ^ requestId.charCodeAt(i), 0x01000193) >>> 0;
  return hash % 1000;
}

/** A row's seq: its millisecond times a thousand plus a spread of its id, so newer rows have larger ones. */
export const seqMs = (seq: number) => Math.floor(seq / 1000);

/**
 * The status a row stands for: its HTTP status when it has one, else (an event invocation) 500 when
 * the function failed and 200 when it did not. The Monitoring SQL counts the same way.
 */
export function statusOf(row: Pick<RequestLogRow, 'statusCode' | 'hasFunctionError'>): number {
  const status = numberOf(row.statusCode);
  if (status !== undefined && Number.isInteger(status) && status >= 100 && status <= 599) return status;
  return row.hasFunctionError === 'true' ? 500 : 200;
}

/** A request-metrics row as the Requests inspector lists it. What the logs do not say is left out or marked. */
export function toRecordedSummary(row: RequestLogRow, functionName: string): RecordedRequestSummary {
  const start = numberOf(row.invocationStartTimestamp);
  const ms = start !== undefined && start >= 0 && start <= LATEST_MS ? start : row.__time__ * 1000;
  const status = statusOf(row);
  const errorCode = row.errorType || undefined;
  return {
    seq: Math.floor(ms) * 1000 + spread(row.requestId),
    requestId: row.requestId,
    time: new Date(ms).toISOString(),
    functionName: row.functionName || functionName,
    qualifier: row.qualifier || LATEST,
    via: 'unknown',
    method: row.method ?? '',
    path: row.requestURI ?? '',
    sourceIp: row.clientIP ?? '',
    status,
    durationMs: Math.max(0, numberOf(row.durationMs) ?? 0),
    invocationType: /^async$/i.test(row.invocationType ?? '') ? 'async' : 'sync',
    ...(errorCode ? { errorCode } : {}),
    fromConsole: false,
    source: 'log-service',
  };
}

/** The detail: the summary, the logs FC kept for the invocation; no headers or bodies (the logs keep none). */
export function toRecordedRequest(summary: RecordedRequestSummary, logs: string | undefined): RecordedRequest {
  const pathWithQueryBytes = new TextEncoder().encode(summary.path).length;
  return {
    ...summary,
    sent: { headerBytes: 0, pathWithQueryBytes, bodyBytes: 0 },
    ...(logs === undefined ? {} : { logs }),
  };
}
