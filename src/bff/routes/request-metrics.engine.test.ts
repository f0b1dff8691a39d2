import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBffApp, type TestBffApp } from '../../../mocks/bff-in-process';
import { callApi } from '../../../mocks/use-mock-fc';
import { getEngineOperation } from '../../contract/engine-operation';
import {
  recordedRequestsPageSchema,
  recordedRequestsPath,
  requestMetricsSchema,
  type MetricsBucket,
  type RequestMetrics,
} from '../../contract/recorded-request';
import { requestMetricsOf } from '../../contract/request-metrics-buckets';
// eslint-disable-next-line import-x/no-restricted-paths -- Monitoring must show what a real gateway answered; the bff itself reaches the engine only over HTTP
import { code } from '../../engine/conformance/fixtures';
// eslint-disable-next-line import-x/no-restricted-paths -- as above
import { call, deployFunction, deployTrigger, startHarness, type Harness } from '../../engine/conformance/harness';
import { localConnection } from '../connection';

let harness: Harness;
let app: TestBffApp;

const SOURCE = `exports.handler = async (event) => {
  const req = JSON.parse(event);
  if (req.rawPath === '/fail') throw new Error('boom');
  return { statusCode: 200, body: 'ok' };
};`;

const total = (buckets: MetricsBucket[], key: 'invocations' | 'errors4xx' | 'errors5xx' | 'throttles') =>
  buckets.reduce((sum, bucket) => sum + bucket[key], 0);

/** The bff's metrics once the engine's batch writer has stored `count` requests (it records off the request path). */
async function metricsOnceRecorded(fn: string, count: number, search = ''): Promise<RequestMetrics> {
  for (let attempt = 0; ; attempt++) {
    const res = await callApi(app, 'GET', `/api/functions/${fn}/metrics${search}`);
    expect(res.status, res.text).toBe(200);
    const metrics = requestMetricsSchema.parse(res.body);
    if (total(metrics.buckets, 'invocations') >= count || attempt === 50) return metrics;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  harness = await startHarness();
  const { accessKeyId, accessKeySecret, accountId } = harness.engine.credentials;
  app = createTestBffApp(
    localConnection({ endpoint: `127.0.0.1:${harness.engine.port}`, accessKeyId, accessKeySecret, accountId }),
  );
});
afterAll(() => harness.close());

describe('Monitoring against a real engine', () => {
  it('counts what the trigger answered, bucket by bucket as the contract’s bucketing of the recorded rows', async () => {
    const fn = await deployFunction(harness, code(SOURCE));
    const { urlInternet, triggerName } = await deployTrigger(harness, fn, { methods: ['GET'], authType: 'anonymous' });
    const statuses = [];
    for (const options of [{}, { path: '/a?x=1' }, {}, { method: 'POST' }, { path: '/fail' }])
      statuses.push((await call(urlInternet, options)).status);
    expect(statuses).toEqual([200, 200, 200, 403, 502]);

    const hour = await metricsOnceRecorded(fn, 5);
    expect([hour.window, hour.bucketSeconds, hour.buckets.length]).toEqual(['1h', 60, 60]);
    expect([total(hour.buckets, 'invocations'), total(hour.buckets, 'errors4xx')]).toEqual([5, 1]);
    expect([total(hour.buckets, 'errors5xx'), total(hour.buckets, 'throttles')]).toEqual([1, 0]);

    // The engine's figures are the contract's bucketing of the rows it recorded (the mock's are, by construction).
    const body = await getEngineOperation(harness.client, 'ListRecordedRequests', recordedRequestsPath(fn), {});
    const rows = recordedRequestsPageSchema.parse(body).requests;
    const expected = requestMetricsOf(rows, { window: '1h' }, Date.parse(hour.buckets.at(-1)!.start));
    const counts = ({ start, invocations, errors4xx, errors5xx, throttles }: MetricsBucket) => ({
      start,
      invocations,
      errors4xx,
      errors5xx,
      throttles,
    });
    expect(hour.buckets.map(counts)).toEqual(expected.buckets.map(counts));
    hour.buckets.forEach((bucket, i) => {
      expect(bucket.p50Ms ?? -1).toBeCloseTo(expected.buckets[i]!.p50Ms ?? -1, 1);
      expect(bucket.p99Ms ?? -1).toBeCloseTo(expected.buckets[i]!.p99Ms ?? -1, 1);
    });

    const day = await metricsOnceRecorded(fn, 5, `?window=1d&triggerName=${triggerName}&qualifier=LATEST`);
    expect([day.bucketSeconds, day.buckets.length, total(day.buckets, 'invocations')]).toEqual([900, 96, 5]);
    const otherTrigger = await metricsOnceRecorded(fn, 0, '?triggerName=no-such-trigger');
    expect(total(otherTrigger.buckets, 'invocations')).toBe(0);
  });
});
