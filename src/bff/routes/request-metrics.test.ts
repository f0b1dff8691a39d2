import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestBffApp, TEST_CONNECTION } from '../../../mocks/bff-in-process';
import { fcJson } from '../../../mocks/fc-errors';
import { seedFunction } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { recordedRow } from '../../../mocks/fixtures/recorded-rows';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';
import type { MetricsBucket } from '../../contract/recorded-request';

const server = useMockFc();
const METRICS = '/api/functions/hello-world/metrics';
const sum = (buckets: MetricsBucket[], key: 'invocations' | 'errors4xx' | 'errors5xx' | 'throttles') =>
  buckets.reduce((total, bucket) => total + bucket[key], 0);

function given() {
  seedFunction(helloFunction);
  return createTestBffApp();
}

describe('GET /api/functions/:fn/metrics', () => {
  it('answers the last hour by the minute, counted from the recorded requests', async () => {
    const app = given();
    for (const status of [200, 200, 404, 429, 502]) recordedRow({ status });
    recordedRow({ functionName: 'another-function' });
    const { status, body } = await callApi(app, 'GET', METRICS);
    expect(status).toBe(200);
    expect(body).toMatchObject({ window: '1h', bucketSeconds: 60, qualifiers: ['LATEST'] });
    expect(body.buckets).toHaveLength(60);
    expect([sum(body.buckets, 'invocations'), sum(body.buckets, 'errors4xx')]).toEqual([5, 2]);
    expect([sum(body.buckets, 'errors5xx'), sum(body.buckets, 'throttles')]).toEqual([1, 1]);
  });

  it('passes the window, trigger and qualifier on to the engine', async () => {
    const app = given();
    recordedRow({ ago: 5 * 60 * 60 * 1000, triggerName: 'webhook', qualifier: 'prod' });
    recordedRow({ triggerName: 'webhook', qualifier: 'LATEST' });
    recordedRow({ triggerName: 'other', qualifier: 'prod' });
    const day = (await callApi(app, 'GET', `${METRICS}?window=1d`)).body;
    expect([day.bucketSeconds, day.buckets.length, sum(day.buckets, 'invocations')]).toEqual([900, 96, 3]);
    const hour = (await callApi(app, 'GET', `${METRICS}?triggerName=webhook`)).body;
    expect(sum(hour.buckets, 'invocations')).toBe(1);
    const filtered = (await callApi(app, 'GET', `${METRICS}?window=1d&triggerName=webhook&qualifier=prod`)).body;
    expect(sum(filtered.buckets, 'invocations')).toBe(1);
  });

  it('refuses an unknown window and an unknown function', async () => {
    const app = given();
    const bad = await callApi(app, 'GET', `${METRICS}?window=2h`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'InvalidArgument', fields: { window: expect.any(String) } });
    const missing = await callApi(app, 'GET', '/api/functions/no-such-function/metrics');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('FunctionNotFound');
  });

  it('in cloud mode, asks for the function’s request logs when it writes none (request-metrics.cloud.test.ts)', async () => {
    seedFunction(helloFunction);
    const app = createTestBffApp({ ...TEST_CONNECTION, mode: 'cloud' });
    const { status, body } = await callApi(app, 'GET', METRICS);
    expect(status).toBe(409);
    expect(body.code).toBe('RequestLogsOff');
    expect(body.message).toContain('Simple Log Service');
  });

  it('answers 502 when the engine answers something that is not metrics', async () => {
    const app = given();
    server.use(http.get('*/request-metrics', () => fcJson({ window: '1h', buckets: 'none' })));
    const { status, body } = await callApi(app, 'GET', METRICS);
    expect(status).toBe(502);
    expect(body.code).toBe('InvalidResponse');
  });
});
