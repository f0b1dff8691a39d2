import { z } from 'zod';
import { listLimitSchema, nextTokenSchema } from './list-query';
import { responseBodySchema } from './invocation';

/**
 * The Requests inspector and Monitoring (issue 11): every request the engine's gateway answered for a
 * function, recorded off the hot path with its secrets redacted, and the per-minute figures charted
 * from it. The engine serves them as its own signed operations (like GetInvocationLogs); the bff
 * passes them on; the MSW mock records what its gateway answers in the same shapes. In cloud mode the
 * bff answers the same shapes from the function's request logs in Log Service (src/bff/cloud-logs/).
 */

/**
 * How the request reached the function. `unknown`: a request read from FC's request logs in Log
 * Service (cloud mode), which do not say which endpoint it came through.
 */
export const RECORDED_VIA = ['internet', 'intranet', 'custom-domain', 'unknown'] as const;
export const recordedViaSchema = z.enum(RECORDED_VIA);

const headerPairsSchema = z.array(z.tuple([z.string(), z.string()]));

/** Shown where a value was redacted before it was stored (Authorization, cookies, tokens, signatures). */
export const REDACTED = '[redacted]';

/** One row of the list: enough to filter, sort and explain at a glance. */
export const recordedRequestSummarySchema = z.object({
  /** Increases with every recorded request across the engine: the live view asks for `after` it. */
  seq: z.number().int().nonnegative(),
  requestId: z.string(),
  /** ISO time the request arrived. */
  time: z.string(),
  functionName: z.string(),
  qualifier: z.string(),
  /** The HTTP trigger, absent when a custom domain routed the request. */
  triggerName: z.string().optional(),
  domainName: z.string().optional(),
  via: recordedViaSchema,
  method: z.string(),
  /** Path as the client sent it, with `?query` when there was one (redacted query values stay `[redacted]`). */
  path: z.string(),
  sourceIp: z.string(),
  status: z.number().int(),
  durationMs: z.number().nonnegative(),
  invocationType: z.enum(['sync', 'async']),
  /** The gateway's error Code or the function's x-fc-error-type, for an error status. */
  errorCode: z.string().optional(),
  /** Sent by the console's Test Function (it marks its requests); everything else came from outside. */
  fromConsole: z.boolean(),
  /** `log-service`: read from the function's request logs in Simple Log Service (cloud mode), which keep no headers or bodies. */
  source: z.enum(['log-service']).optional(),
});
export type RecordedRequestSummary = z.infer<typeof recordedRequestSummarySchema>;

/** One request in full. Bodies are bounded; `detailDropped` when back-pressure kept only the summary. */
export const recordedRequestSchema = recordedRequestSummarySchema.extend({
  request: z.object({ headers: headerPairsSchema, body: responseBodySchema }).optional(),
  response: z.object({ headers: headerPairsSchema, body: responseBodySchema }).optional(),
  /** The sizes the gateway measured against its limits (the error panel shows them beside the limit). */
  sent: z.object({ headerBytes: z.number(), pathWithQueryBytes: z.number(), bodyBytes: z.number() }),
  /** The function's log lines for this invocation, when it ran and they are still kept. */
  logs: z.string().optional(),
  detailDropped: z.boolean().optional(),
});
export type RecordedRequest = z.infer<typeof recordedRequestSchema>;

export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'] as const;
export const statusClassSchema = z.enum(STATUS_CLASSES);

/** Filters of the list; every one optional. Newest first; `after` answers only rows newer than a seq. */
export const recordedRequestsQuerySchema = z.object({
  limit: listLimitSchema.optional(),
  nextToken: nextTokenSchema.optional(),
  after: z.coerce.number().int().nonnegative().optional(),
  triggerName: z.string().max(128).optional(),
  statusClass: statusClassSchema.optional(),
  method: z.string().max(16).optional(),
  /** A substring of the path. */
  path: z.string().max(1024).optional(),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  requestId: z.string().max(128).optional(),
});
export type RecordedRequestsQuery = z.infer<typeof recordedRequestsQuerySchema>;

/**
 * A list's `nextToken` is the seq its next page continues below (the engine's store, the mock and the
 * cloud reading of Log Service alike): the page of rows older than a row the console already holds.
 */
export const olderThanToken = (seq: number): string => String(seq);

export const recordedRequestsPageSchema = z.object({
  requests: z.array(recordedRequestSummarySchema),
  nextToken: z.string().optional(),
  /** The newest seq the engine has recorded (for any function): the next live poll asks `after` it. */
  latestSeq: z.number().int().nonnegative(),
});
export type RecordedRequestsPage = z.infer<typeof recordedRequestsPageSchema>;

export const METRICS_WINDOWS = ['1h', '1d'] as const;
export const metricsQuerySchema = z.object({
  window: z.enum(METRICS_WINDOWS).default('1h'),
  triggerName: z.string().max(128).optional(),
  qualifier: z.string().max(128).optional(),
});
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

/** One bucket of the chart (a minute over the last hour, 15 minutes over the last day). */
export const metricsBucketSchema = z.object({
  start: z.string(),
  invocations: z.number().int().nonnegative(),
  /** Counts by status class of the answers that were errors. */
  errors4xx: z.number().int().nonnegative(),
  errors5xx: z.number().int().nonnegative(),
  throttles: z.number().int().nonnegative(),
  p50Ms: z.number().nonnegative().optional(),
  p99Ms: z.number().nonnegative().optional(),
});
export type MetricsBucket = z.infer<typeof metricsBucketSchema>;

export const requestMetricsSchema = z.object({
  window: z.enum(METRICS_WINDOWS),
  bucketSeconds: z.number().int().positive(),
  buckets: z.array(metricsBucketSchema),
  /** The qualifiers the window's requests named (whatever the filters), for the qualifier selector. */
  qualifiers: z.array(z.string()).optional(),
});
export type RequestMetrics = z.infer<typeof requestMetricsSchema>;

/** The engine's own signed operations (engine-operation.ts sends them; never made to the cloud). */
export function recordedRequestsPath(functionName: string): string {
  return `/2023-03-30/functions/${encodeURIComponent(functionName)}/requests`;
}
export function recordedRequestPath(functionName: string, requestId: string): string {
  return `${recordedRequestsPath(functionName)}/${encodeURIComponent(requestId)}`;
}
export function requestMetricsPath(functionName: string): string {
  return `/2023-03-30/functions/${encodeURIComponent(functionName)}/request-metrics`;
}

/** The header the bff's Test Function sets so the inspector can tell the console's requests apart. */
export const CONSOLE_REQUEST_HEADER = 'x-fc-console-test';

/** Recording limits (engine environment): per function rows, total stored bytes; `0` rows turns it off. */
export const RECORDING_ENV = {
  perFunction: 'FC_ENGINE_RECORDED_REQUESTS',
  totalMegabytes: 'FC_ENGINE_RECORDED_MB',
} as const;
export const RECORDING_DEFAULTS = { perFunction: 1000, totalMegabytes: 64, bodyBytes: 64 * 1024 } as const;
