// The load generator runs in its own process (forked by load-client.ts), so that autocannon does
// not share an event loop with the server it measures. Latencies come from each response's own
// timing: autocannon's histogram keeps whole milliseconds, too coarse for a 1 ms budget.
import autocannon from 'autocannon';
import { percentile, round } from './stats';

export type LoadSpec = {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  connections: number;
  durationSeconds: number;
  /** The status a successful request answers (200 sync, 202 async); others count as failures. */
  expectStatus: number;
};

export type LoadResult = {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Answers with another status, socket errors and timeouts. */
  failures: number;
  otherStatuses: Record<string, number>;
};

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  const otherStatuses: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: spec.url,
      method: spec.method,
      headers: spec.headers,
      body: spec.body,
      connections: spec.connections,
      duration: spec.durationSeconds,
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === spec.expectStatus) latencies.push(responseTime);
      else otherStatuses[statusCode] = (otherStatuses[statusCode] ?? 0) + 1;
    });
    instance.on('error', reject);
    instance.on('done', (result) => {
      const total = latencies.reduce((sum, value) => sum + value, 0);
      const others = Object.values(otherStatuses).reduce((sum, n) => sum + n, 0);
      resolve({
        requests: latencies.length,
        perSecond: round(latencies.length / result.duration, 1),
        p50Ms: round(percentile(latencies, 50), 3),
        p99Ms: round(percentile(latencies, 99), 3),
        meanMs: round(latencies.length ? total / latencies.length : Number.NaN, 3),
        failures: others + result.errors + result.timeouts,
        otherStatuses,
      });
    });
  });
}

process.on('message', (message: { id: number; spec: LoadSpec }) => {
  runLoad(message.spec).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: Error) => process.send?.({ id: message.id, error: error.message }),
  );
});
process.on('disconnect', () => process.exit(0));
