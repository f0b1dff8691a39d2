import { z } from 'zod';
import type { MetricsBucket, MetricsQuery, RequestMetrics } from '../../contract/recorded-request';
import { METRICS_WINDOW_BUCKETS } from '../../contract/request-metrics-buckets';
import { parseAnswer } from '../views';
import type { CloudLogsContext } from './cloud-logs';
import { allOf, equals, searchable, term } from './log-query';
import { requestMetricsTopic } from './request-log-row';

/** A row's status as the Requests list reads it (request-log-row.ts `statusOf`): HTTP status, else 500 on a function error, else 200. */
const STATUS = `coalesce(try_cast(statusCode as bigint), if(hasFunctionError = 'true', 500, 200))`;

/** One statement per window: the buckets with requests, each with its counts and approximate p50/p99. */
export function figuresStatement(search: string, where: string, bucketSeconds: number): string {
  return (
    `${search} | select __time__ - __time__ % ${bucketSeconds} as bucket, count(*) as invocations, ` +
    'count_if(status between 400 and 499) as client_errors, count_if(status >= 500) as server_errors, ' +
    'count_if(status = 429) as throttles, approx_percentile(duration, 0.5) as p50, ' +
    'approx_percentile(duration, 0.99) as p99 ' +
    `from (select __time__, ${STATUS} as status, try_cast(durationMs as double) as duration from log where ${where}) ` +
    'group by bucket order by bucket limit 1000'
  );
}

export function qualifiersStatement(search: string, where: string): string {
  return `${search} | select qualifier, count(*) as invocations from log where ${where} group by qualifier order by invocations desc limit 100`;
}

const count = z.coerce.number().int().nonnegative();
/** SQL's null comes back as the string "null" (or nothing): a bucket without a duration has no percentile. */
const maybeMs = z
  .union([z.string().max(64), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || v === '' || v === 'null' ? undefined : Number(v)))
  .pipe(z.number().nonnegative().optional());

const figureRowSchema = z.object({
  bucket: z.coerce.number().int().nonnegative(),
  invocations: count,
  client_errors: count,
  server_errors: count,
  throttles: count,
  p50: maybeMs,
  p99: maybeMs,
});
const figureRowsSchema = z.array(figureRowSchema).max(1000);
const qualifierRowsSchema = z.array(z.object({ qualifier: z.string().max(128).optional() })).max(100);

/**
 * GetRequestMetrics in the cloud: Log Service's analytics (SQL) over the function's request metrics,
 * cut into the engine's buckets (the last hour by the minute, the last day by the quarter hour). The
 * percentiles are SLS's approx_percentile, not the engine's nearest rank. Needs field indexes with
 * analytics on statusCode, durationMs and qualifier; SLS's refusal is passed on with its code.
 */
export async function cloudRequestMetrics(
  ctx: CloudLogsContext,
  functionName: string,
  query: MetricsQuery,
): Promise<RequestMetrics> {
  const qualifier = searchable('qualifier', query.qualifier);
  const { connection, store } = await ctx.target(functionName);
  const { bucketSeconds, count: length } = METRICS_WINDOW_BUCKETS[query.window];
  const size = bucketSeconds * 1000;
  const now = Date.now();
  const first = (Math.floor(now / size) - (length - 1)) * size;
  const window = { from: first / 1000, to: Math.floor(now / 1000) + 1 };
  const topic = term('__topic__', requestMetricsTopic(functionName));
  const ofFunction = equals('functionName', functionName);
  const terms = [topic];
  const conditions = [ofFunction];
  const triggerQualifier = query.triggerName && (await ctx.triggerQualifier(functionName, query.triggerName));
  for (const value of [qualifier, triggerQualifier]) {
    if (!value) continue;
    terms.push(term('qualifier', value));
    conditions.push(equals('qualifier', value));
  }
  const [figures, qualifiers] = await Promise.all([
    ctx.getLogs(connection, store, {
      ...window,
      query: figuresStatement(allOf(terms), allOf(conditions), bucketSeconds),
    }),
    ctx.getLogs(connection, store, { ...window, query: qualifiersStatement(topic, ofFunction) }),
  ]);
  const byStart = new Map(
    parseAnswer(figureRowsSchema, figures, 'figures', 'Log Service').map((row) => [row.bucket * 1000, row]),
  );
  const buckets = Array.from({ length }, (_, i): MetricsBucket => {
    const start = first + i * size;
    const row = byStart.get(start);
    const bucket = {
      start: new Date(start).toISOString(),
      invocations: row?.invocations ?? 0,
      errors4xx: row?.client_errors ?? 0,
      errors5xx: row?.server_errors ?? 0,
      throttles: row?.throttles ?? 0,
    };
    return row?.p50 !== undefined && row.p99 !== undefined ? { ...bucket, p50Ms: row.p50, p99Ms: row.p99 } : bucket;
  });
  const named = parseAnswer(qualifierRowsSchema, qualifiers, 'qualifiers', 'Log Service').flatMap((row) =>
    row.qualifier ? [row.qualifier] : [],
  );
  return { window: query.window, bucketSeconds, buckets, qualifiers: [...new Set(named)].sort() };
}
