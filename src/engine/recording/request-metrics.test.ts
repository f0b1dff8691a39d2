import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRecordingsDatabase } from './recordings-database';
import { DURATION_SAMPLE } from './duration-sample';
import { createRequestMetrics, type MetricsPoint } from './request-metrics';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function metricsStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-metrics-'));
  dirs.push(dir);
  return createRequestMetrics(openRecordingsDatabase(dir));
}

const NOW = Date.parse('2026-03-01T12:34:56Z');
const MINUTE = 60_000;
const point = (minutesAgo: number, status: number, durationMs: number, extra: Partial<MetricsPoint> = {}) => ({
  functionName: 'fn',
  triggerName: 't1',
  qualifier: 'LATEST',
  startedAt: NOW - minutesAgo * MINUTE,
  status,
  durationMs,
  ...extra,
});

describe('request metrics (injected clock)', () => {
  it('buckets by minute, counts by status class and throttles, and answers nearest-rank p50/p99', () => {
    const metrics = metricsStore();
    const durations = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100 ms
    metrics.add(
      durations.map((d, i) => point(0, i < 90 ? 200 : i < 95 ? 429 : 503, d)),
      NOW,
    );
    metrics.add([point(3, 404, 7), point(3, 200, 9)], NOW);
    const hour = metrics.query('fn', { window: '1h' }, NOW);
    expect(hour.buckets[59]).toEqual({
      start: '2026-03-01T12:34:00.000Z',
      invocations: 100,
      errors4xx: 5,
      errors5xx: 5,
      throttles: 5,
      p50Ms: 50,
      p99Ms: 99,
    });
    expect(hour.buckets[56]).toMatchObject({ invocations: 2, errors4xx: 1, p50Ms: 7, p99Ms: 9 });
    expect(hour.buckets[0]).toEqual({
      start: '2026-03-01T11:35:00.000Z',
      invocations: 0,
      errors4xx: 0,
      errors5xx: 0,
      throttles: 0,
    });
  });

  it('merges batches into the same minute, keeps a bounded sample, and filters by trigger and qualifier', () => {
    const metrics = metricsStore();
    for (let batch = 0; batch < 3; batch++)
      metrics.add(
        Array.from({ length: DURATION_SAMPLE }, () => point(1, 200, batch + 1)),
        NOW,
      );
    metrics.add([point(1, 200, 5, { triggerName: undefined, domainName: 'a.example.com', qualifier: 'prod' })], NOW);
    const all = metrics.query('fn', { window: '1h' }, NOW).buckets[58]!;
    expect([all.invocations, all.p50Ms, all.p99Ms]).toEqual([3 * DURATION_SAMPLE + 1, 2, 3]);
    expect(metrics.query('fn', { window: '1h', triggerName: 't1' }, NOW).buckets[58]!.invocations).toBe(
      3 * DURATION_SAMPLE,
    );
    expect(metrics.query('fn', { window: '1h', qualifier: 'prod' }, NOW).buckets[58]!.invocations).toBe(1);
  });

  it('answers a day in 15-minute buckets and forgets minutes older than a day and an hour', () => {
    const metrics = metricsStore();
    metrics.add([point(60 * 23, 200, 1), point(20, 200, 1), point(0, 200, 1)], NOW);
    const day = metrics.query('fn', { window: '1d' }, NOW);
    expect(day.buckets[95]).toMatchObject({ start: '2026-03-01T12:30:00.000Z', invocations: 1 });
    expect(day.buckets.reduce((sum, b) => sum + b.invocations, 0)).toBe(3);
    const later = NOW + 3 * 60 * MINUTE;
    metrics.add([], later);
    expect(metrics.query('fn', { window: '1d' }, later).buckets.reduce((sum, b) => sum + b.invocations, 0)).toBe(2);
    metrics.deleteFunction('fn');
    expect(metrics.query('fn', { window: '1d' }, later).buckets.every((b) => b.invocations === 0)).toBe(true);
  });
});
