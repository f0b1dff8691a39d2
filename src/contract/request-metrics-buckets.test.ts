import { describe, expect, it } from 'vitest';
import { requestMetricsSchema } from './recorded-request';
import { nearestRank, requestMetricsOf, type MetricsRow } from './request-metrics-buckets';

const NOW = Date.parse('2026-11-29T12:34:56.789Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MINUTE = 60_000;

function row(overrides: Partial<MetricsRow> = {}): MetricsRow {
  return { time: ago(1000), status: 200, durationMs: 5, qualifier: 'LATEST', triggerName: 'http', ...overrides };
}

describe('nearestRank', () => {
  it('is the smallest value with p% of the values at or below it', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRank(hundred, 50)).toBe(50);
    expect(nearestRank(hundred, 99)).toBe(99);
    expect(nearestRank([10, 20], 50)).toBe(10);
    expect(nearestRank([10, 20], 99)).toBe(20);
    expect(nearestRank([7], 99)).toBe(7);
    expect(nearestRank([], 50)).toBeUndefined();
  });
});

describe('requestMetricsOf', () => {
  it('cuts the last hour into 60 one-minute buckets, oldest first, empty ones included, the last holding now', () => {
    const metrics = requestMetricsOf([], { window: '1h' }, NOW);
    expect(requestMetricsSchema.parse(metrics)).toEqual(metrics);
    expect(metrics.bucketSeconds).toBe(60);
    expect(metrics.buckets).toHaveLength(60);
    expect(metrics.buckets.at(-1)?.start).toBe('2026-11-29T12:34:00.000Z');
    expect(metrics.buckets[0]?.start).toBe('2026-11-29T11:35:00.000Z');
    expect(metrics.buckets[0]).toEqual({
      start: '2026-11-29T11:35:00.000Z',
      invocations: 0,
      errors4xx: 0,
      errors5xx: 0,
      throttles: 0,
    });
  });

  it('cuts the last day into 96 quarter hours', () => {
    const metrics = requestMetricsOf([row({ time: ago(23 * 60 * MINUTE) })], { window: '1d' }, NOW);
    expect(metrics.bucketSeconds).toBe(900);
    expect(metrics.buckets).toHaveLength(96);
    expect(metrics.buckets.at(-1)?.start).toBe('2026-11-29T12:30:00.000Z');
    expect(metrics.buckets[0]?.start).toBe('2026-11-28T12:45:00.000Z');
    expect(metrics.buckets.reduce((sum, b) => sum + b.invocations, 0)).toBe(1);
  });

  it('counts every request, errors by class, a 429 as a throttle too, and leaves out rows outside the window', () => {
    const rows = [200, 204, 403, 404, 429, 502, 503].map((status) => row({ status }));
    rows.push(row({ time: ago(61 * MINUTE) }), row({ time: new Date(NOW + MINUTE).toISOString() }));
    rows.push(row({ time: 'not a time' }), row({ time: ago(2 * MINUTE), status: 500 }));
    const { buckets } = requestMetricsOf(rows, { window: '1h' }, NOW);
    expect(buckets.at(-1)).toMatchObject({ invocations: 7, errors4xx: 3, errors5xx: 2, throttles: 1 });
    expect(buckets.at(-3)).toMatchObject({ invocations: 1, errors5xx: 1 });
    expect(buckets.reduce((sum, b) => sum + b.invocations, 0)).toBe(8);
  });

  it('gives each bucket with requests its p50 and p99 duration by nearest rank', () => {
    const rows = Array.from({ length: 100 }, (_, i) => row({ durationMs: 100 - i }));
    rows.push(row({ time: ago(10 * MINUTE), durationMs: 42 }));
    const { buckets } = requestMetricsOf(rows, { window: '1h' }, NOW);
    expect(buckets.at(-1)).toMatchObject({ p50Ms: 50, p99Ms: 99 });
    expect(buckets.at(-11)).toMatchObject({ p50Ms: 42, p99Ms: 42 });
    expect(buckets.at(-2)).not.toHaveProperty('p50Ms');
  });

  it('keeps only the trigger and qualifier asked for, and lists every qualifier the window saw', () => {
    const rows = [
      row({ triggerName: 'http', qualifier: 'LATEST' }),
      row({ triggerName: 'http', qualifier: 'prod' }),
      row({ triggerName: 'other', qualifier: 'prod' }),
      row({ triggerName: undefined, qualifier: '1' }),
      row({ time: ago(2 * 60 * MINUTE), qualifier: 'old' }),
    ];
    const total = (query: Parameters<typeof requestMetricsOf>[1]) =>
      requestMetricsOf(rows, query, NOW).buckets.reduce((sum, b) => sum + b.invocations, 0);
    expect(total({ window: '1h' })).toBe(4);
    expect(total({ window: '1h', triggerName: 'http' })).toBe(2);
    expect(total({ window: '1h', qualifier: 'prod' })).toBe(2);
    expect(total({ window: '1h', triggerName: 'http', qualifier: 'prod' })).toBe(1);
    expect(requestMetricsOf(rows, { window: '1h', qualifier: 'prod' }, NOW).qualifiers).toEqual([
      '1',
      'LATEST',
      'prod',
    ]);
  });
});
