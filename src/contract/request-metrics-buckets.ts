import type { MetricsBucket, MetricsQuery, RecordedRequestSummary, RequestMetrics } from './recorded-request';

/** How each window is cut: the last hour by the minute, the last day by the quarter hour. */
export const METRICS_WINDOW_BUCKETS = {
  '1h': { bucketSeconds: 60, count: 60 },
  '1d': { bucketSeconds: 15 * 60, count: 96 },
} as const satisfies Record<MetricsQuery['window'], { bucketSeconds: number; count: number }>;

/** What of a recorded request the figures need (the engine may read only these columns). */
export type MetricsRow = Pick<RecordedRequestSummary, 'time' | 'status' | 'durationMs' | 'qualifier' | 'triggerName'>;

/** The nearest-rank percentile of values sorted ascending: the smallest value with `p`% of them at or below it. */
export function nearestRank(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

function emptyBucket(start: number): MetricsBucket & { durations: number[] } {
  return {
    start: new Date(start).toISOString(),
    invocations: 0,
    errors4xx: 0,
    errors5xx: 0,
    throttles: 0,
    durations: [],
  };
}

/**
 * The Monitoring figures of one function's recorded requests: every bucket of the window, empty ones
 * included, oldest first, the last one holding `now`. Every request counts as an invocation, every 4xx or
 * 5xx as an error of its status class, and a 429 as a throttle too (the throttles are a part of the 4xx).
 * Rows of other triggers or qualifiers (when the query names one) and rows outside the window are left out.
 * One implementation for the engine and the mock, so their charts cannot disagree.
 */
export function requestMetricsOf(rows: Iterable<MetricsRow>, query: MetricsQuery, now = Date.now()): RequestMetrics {
  const { bucketSeconds, count } = METRICS_WINDOW_BUCKETS[query.window];
  const size = bucketSeconds * 1000;
  const first = (Math.floor(now / size) - (count - 1)) * size;
  const buckets = Array.from({ length: count }, (_, i) => emptyBucket(first + i * size));
  const qualifiers = new Set<string>();
  for (const row of rows) {
    const time = Date.parse(row.time);
    const index = Math.floor((time - first) / size);
    if (!(index >= 0 && index < count)) continue; // outside the window (or an unreadable time)
    qualifiers.add(row.qualifier);
    if (query.triggerName !== undefined && row.triggerName !== query.triggerName) continue;
    if (query.qualifier !== undefined && row.qualifier !== query.qualifier) continue;
    const bucket = buckets[index]!;
    bucket.invocations += 1;
    if (row.status >= 500) bucket.errors5xx += 1;
    else if (row.status >= 400) bucket.errors4xx += 1;
    if (row.status === 429) bucket.throttles += 1;
    bucket.durations.push(row.durationMs);
  }
  return {
    window: query.window,
    bucketSeconds,
    buckets: buckets.map(({ durations, ...bucket }) => {
      const sorted = durations.sort((a, b) => a - b);
      const p50Ms = nearestRank(sorted, 50);
      const p99Ms = nearestRank(sorted, 99);
      return p50Ms === undefined || p99Ms === undefined ? bucket : { ...bucket, p50Ms, p99Ms };
    }),
    qualifiers: [...qualifiers].sort(),
  };
}
