import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIRROR, code } from '../conformance/fixtures';
import { call, deployFunction, deployTrigger, type Harness } from '../conformance/harness';
import { sdkError } from '../openapi/testing/engine-kit';
import { getMetrics, startRecordingEngine } from './testing/recording-engine';

// Two instances per function, so three requests at once meet a 429.
let h: Harness;
beforeAll(async () => (h = await startRecordingEngine(undefined, { maxInstancesPerFunction: 2 })));
afterAll(() => h.close());

const total = (buckets: Array<Record<string, unknown>>, field: string) =>
  buckets.reduce((sum, b) => sum + Number(b[field]), 0);

describe('request metrics', () => {
  it('counts invocations, 4xx, 5xx and throttles over the last hour in 60 one-minute buckets', async () => {
    const fn = await deployFunction(
      h,
      code(`exports.handler = async (event) => {
  const req = JSON.parse(event);
  if (req.rawPath === '/fail') throw new Error('boom');
  await new Promise((resolve) => setTimeout(resolve, Number(req.queryParameters.sleep || 0)));
  return { statusCode: 200, body: 'ok' };
};`),
    );
    const { urlInternet, triggerName } = await deployTrigger(h, fn, { methods: ['GET'], authType: 'anonymous' });
    const burst = await Promise.all([1, 2, 3].map(() => call(urlInternet, { path: '/?sleep=600' })));
    expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 429]);
    expect((await call(urlInternet, { path: '/fail' })).status).toBe(502);
    expect((await call(urlInternet, { method: 'POST' })).status).toBe(403);

    const hour = await getMetrics(h.client, fn);
    expect([hour.window, hour.bucketSeconds, hour.buckets.length]).toEqual(['1h', 60, 60]);
    const starts = hour.buckets.map((b) => Date.parse(b.start));
    expect(starts.slice(1).map((s, i) => s - starts[i]!)).toEqual(Array(59).fill(60_000));
    expect(starts.at(-1)).toBeLessThanOrEqual(Date.now());
    expect(total(hour.buckets, 'invocations')).toBe(5);
    expect(total(hour.buckets, 'errors4xx')).toBe(2);
    expect(total(hour.buckets, 'errors5xx')).toBe(1);
    expect(total(hour.buckets, 'throttles')).toBe(1);
    for (const bucket of hour.buckets) {
      if (bucket.invocations === 0) expect([bucket.p50Ms, bucket.p99Ms]).toEqual([undefined, undefined]);
      else expect(bucket.p99Ms!).toBeGreaterThanOrEqual(bucket.p50Ms!);
    }

    const byTrigger = await getMetrics(h.client, fn, { triggerName });
    expect(total(byTrigger.buckets, 'invocations')).toBe(5);
    const otherQualifier = await getMetrics(h.client, fn, { qualifier: 'prod' });
    expect(total(otherQualifier.buckets, 'invocations')).toBe(0);
  });

  it('answers the last day in 96 fifteen-minute buckets, oldest first', async () => {
    const { urlInternet, functionName } = await deployTriggered();
    await call(urlInternet);
    const day = await getMetrics(h.client, functionName, { window: '1d' });
    expect([day.bucketSeconds, day.buckets.length]).toEqual([900, 96]);
    const starts = day.buckets.map((b) => Date.parse(b.start));
    expect(starts.slice(1).every((s, i) => s - starts[i]! === 900_000)).toBe(true);
    expect(total(day.buckets, 'invocations')).toBe(1);
  });

  it('refuses an unknown window (400 InvalidArgument)', async () => {
    const { functionName } = await deployTriggered();
    const bad = await sdkError(getMetrics(h.client, functionName, { window: '1w' }));
    expect([bad.statusCode, bad.code]).toEqual([400, 'InvalidArgument']);
  });
});

async function deployTriggered() {
  const functionName = await deployFunction(h, MIRROR);
  return deployTrigger(h, functionName, { methods: ['GET'], authType: 'anonymous' });
}
