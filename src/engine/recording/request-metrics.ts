import type Database from 'better-sqlite3';
import type { MetricsBucket, MetricsQuery, RequestMetrics } from '../../contract/recorded-request';
import { mergeSamples, percentileOf, type DurationSample } from './duration-sample';

const MINUTE_MS = 60_000;
/** A day and an hour: the 1d window's oldest bucket, whatever minute it is now. */
const KEEP_MINUTES = 25 * 60;
const WINDOWS = { '1h': { buckets: 60, bucketMinutes: 1 }, '1d': { buckets: 96, bucketMinutes: 15 } } as const;

/** What one answered request adds to its minute. */
export type MetricsPoint = {
  functionName: string;
  triggerName?: string;
  domainName?: string;
  qualifier: string;
  startedAt: number;
  status: number;
  durationMs: number;
};

type MinuteRow = {
  function_name: string;
  trigger_name: string;
  domain_name: string;
  qualifier: string;
  minute: number;
  invocations: number;
  errors4xx: number;
  errors5xx: number;
  throttles: number;
  durations: string;
};

/** Per-minute figures per function, trigger (or domain) and qualifier, kept a day apart from the request rows. */
export function createRequestMetrics(db: Database.Database) {
  const find = db.prepare(
    'SELECT * FROM request_metrics WHERE function_name = ? AND trigger_name = ? AND domain_name = ? AND qualifier = ? AND minute = ?',
  );
  const save = db.prepare(
    `INSERT OR REPLACE INTO request_metrics VALUES
     (@function_name, @trigger_name, @domain_name, @qualifier, @minute, @invocations, @errors4xx, @errors5xx, @throttles, @durations)`,
  );
  const prune = db.prepare('DELETE FROM request_metrics WHERE minute < ?');
  const dropFunction = db.prepare('DELETE FROM request_metrics WHERE function_name = ?');

  return {
    /** Adds a batch's points, in the caller's transaction. */
    add(points: readonly MetricsPoint[], now: number): void {
      const minutes = new Map<string, MinuteRow & { fresh: number[]; kept: DurationSample }>();
      for (const p of points) {
        const triggerName = p.triggerName ?? '';
        const domainName = p.domainName ?? '';
        const minute = Math.floor(p.startedAt / MINUTE_MS);
        const id = `${p.functionName}\n${triggerName}\n${domainName}\n${p.qualifier}\n${minute}`;
        let row = minutes.get(id);
        if (!row) {
          const stored = find.get(p.functionName, triggerName, domainName, p.qualifier, minute) as
            MinuteRow | undefined;
          const base = stored ?? {
            ...{ function_name: p.functionName, trigger_name: triggerName, domain_name: domainName },
            ...{ qualifier: p.qualifier, minute, invocations: 0, errors4xx: 0, errors5xx: 0 },
            ...{ throttles: 0, durations: '[]' },
          };
          const kept = { values: JSON.parse(base.durations) as number[], count: base.invocations };
          row = { ...base, fresh: [], kept };
          minutes.set(id, row);
        }
        row.invocations++;
        if (p.status >= 400 && p.status < 500) row.errors4xx++;
        if (p.status >= 500) row.errors5xx++;
        if (p.status === 429) row.throttles++;
        row.fresh.push(Math.round(p.durationMs * 100) / 100);
      }
      for (const { fresh, kept, ...row } of minutes.values()) {
        const merged = mergeSamples([kept, { values: fresh, count: fresh.length }]);
        save.run({ ...row, durations: JSON.stringify(merged.values) });
      }
      prune.run(Math.floor(now / MINUTE_MS) - KEEP_MINUTES);
    },
    /** The window's buckets, oldest first, every one present (zeros where nothing was answered). */
    query(functionName: string, query: MetricsQuery, now: number): RequestMetrics {
      const { buckets, bucketMinutes } = WINDOWS[query.window];
      const last = Math.floor(now / MINUTE_MS / bucketMinutes) * bucketMinutes;
      const first = last - (buckets - 1) * bucketMinutes;
      const rows = db
        .prepare(
          `SELECT * FROM request_metrics WHERE function_name = ? AND minute >= ?
           ${query.triggerName !== undefined ? 'AND trigger_name = ?' : ''} ${query.qualifier !== undefined ? 'AND qualifier = ?' : ''}`,
        )
        .all(
          functionName,
          first,
          ...[query.triggerName, query.qualifier].filter((v) => v !== undefined),
        ) as MinuteRow[];
      const sums = Array.from({ length: buckets }, () => ({ i: 0, e4: 0, e5: 0, t: 0, d: [] as DurationSample[] }));
      for (const row of rows) {
        const sum = sums[Math.floor((row.minute - first) / bucketMinutes)];
        if (!sum) continue;
        sum.i += row.invocations;
        sum.e4 += row.errors4xx;
        sum.e5 += row.errors5xx;
        sum.t += row.throttles;
        sum.d.push({ values: JSON.parse(row.durations) as number[], count: row.invocations });
      }
      return {
        window: query.window,
        bucketSeconds: bucketMinutes * 60,
        buckets: sums.map((sum, i): MetricsBucket => {
          const p50Ms = percentileOf(sum.d, 0.5);
          const p99Ms = percentileOf(sum.d, 0.99);
          return {
            start: new Date((first + i * bucketMinutes) * MINUTE_MS).toISOString(),
            ...{ invocations: sum.i, errors4xx: sum.e4, errors5xx: sum.e5, throttles: sum.t },
            ...(p50Ms !== undefined ? { p50Ms } : {}),
            ...(p99Ms !== undefined ? { p99Ms } : {}),
          };
        }),
      };
    },
    deleteFunction(functionName: string): void {
      dropFunction.run(functionName);
    },
  };
}

export type RequestMetricsStore = ReturnType<typeof createRequestMetrics>;
