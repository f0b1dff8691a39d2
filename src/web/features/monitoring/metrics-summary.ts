import type { MetricsBucket } from '../../../contract/recorded-request';

export type Figure = { total: number; peak: number };

export type MetricsSummary = {
  invocations: Figure;
  errors4xx: Figure;
  errors5xx: Figure;
  /** 4xx and 5xx together, as the stacked chart draws them. */
  errors: Figure;
  throttles: Figure;
  /** The highest bucket percentiles of the window (a window's own p99 needs every duration, which the buckets do not keep). */
  p50Max?: number;
  p99Max?: number;
};

function figure(buckets: readonly MetricsBucket[], value: (bucket: MetricsBucket) => number): Figure {
  return {
    total: buckets.reduce((sum, bucket) => sum + value(bucket), 0),
    peak: buckets.reduce((peak, bucket) => Math.max(peak, value(bucket)), 0),
  };
}

function highest(values: ReadonlyArray<number | undefined>): number | undefined {
  const known = values.filter((value) => value !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
}

/** The figures the totals, the chart summaries and the empty state read. */
export function summarize(buckets: readonly MetricsBucket[]): MetricsSummary {
  const summary: MetricsSummary = {
    invocations: figure(buckets, (b) => b.invocations),
    errors4xx: figure(buckets, (b) => b.errors4xx),
    errors5xx: figure(buckets, (b) => b.errors5xx),
    errors: figure(buckets, (b) => b.errors4xx + b.errors5xx),
    throttles: figure(buckets, (b) => b.throttles),
  };
  const p50Max = highest(buckets.map((b) => b.p50Ms));
  const p99Max = highest(buckets.map((b) => b.p99Ms));
  return { ...summary, ...(p50Max === undefined ? {} : { p50Max }), ...(p99Max === undefined ? {} : { p99Max }) };
}
