import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestBffApp, TEST_CONNECTION } from '../../../mocks/bff-in-process';
import { seedFunction, seedTrigger } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { recordedRow } from '../../../mocks/fixtures/recorded-rows';
import { anonymousTrigger } from '../../../mocks/fixtures/triggers';
import { slsGetLogsHandler } from '../../../mocks/sls-get-logs';
import { LOGGING_CONFIG } from '../../../mocks/sls-request-logs';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';
import type { MetricsBucket } from '../../contract/recorded-request';

const server = useMockFc();
const METRICS = '/api/functions/hello-world/metrics';
const HOUR = 60 * 60 * 1000;
const sum = (buckets: MetricsBucket[], key: 'invocations' | 'errors4xx' | 'errors5xx' | 'throttles') =>
  buckets.reduce((total, bucket) => total + bucket[key], 0);

function given(logConfig: object = LOGGING_CONFIG) {
  seedFunction({ ...helloFunction, logConfig });
  server.use(slsGetLogsHandler({ secrets: { [TEST_CONNECTION.accessKeyId!]: TEST_CONNECTION.accessKeySecret! } }));
  return createTestBffApp({ ...TEST_CONNECTION, mode: 'cloud' });
}

describe('GET /api/functions/:fn/metrics in cloud mode, from Log Service analytics', () => {
  it('answers the last hour by the minute from the function’s request logs', async () => {
    const app = given();
    // All in one minute: the start of the one holding a second ago.
    const time = new Date(Math.floor((Date.now() - 1000) / 60_000) * 60_000).toISOString();
    for (const [status, durationMs] of [
      [200, 10],
      [200, 30],
      [404, 5],
      [429, 1],
      [502, 900],
    ] as const)
      recordedRow({ status, durationMs, time });
    const { status, body, text } = await callApi(app, 'GET', METRICS);
    expect(status, text).toBe(200);
    expect(body).toMatchObject({ window: '1h', bucketSeconds: 60, qualifiers: ['LATEST'] });
    expect(body.buckets).toHaveLength(60);
    expect([sum(body.buckets, 'invocations'), sum(body.buckets, 'errors4xx')]).toEqual([5, 2]);
    expect([sum(body.buckets, 'errors5xx'), sum(body.buckets, 'throttles')]).toEqual([1, 1]);
    const busy = body.buckets.filter((b: MetricsBucket) => b.invocations > 0);
    expect(busy).toHaveLength(1);
    expect(busy[0]).toMatchObject({ p50Ms: 10, p99Ms: 900 });
    expect(body.buckets.at(-1).start <= new Date().toISOString()).toBe(true);
  });

  it('cuts the last day by the quarter hour, and narrows to a qualifier or a trigger’s qualifier', async () => {
    const app = given();
    seedTrigger('hello-world', { ...anonymousTrigger, qualifier: 'prod' });
    recordedRow({ ago: 5 * HOUR, qualifier: 'prod' });
    recordedRow({ qualifier: 'LATEST' });
    recordedRow({ qualifier: 'prod' });
    const day = (await callApi(app, 'GET', `${METRICS}?window=1d`)).body;
    expect([day.bucketSeconds, day.buckets.length, sum(day.buckets, 'invocations')]).toEqual([900, 96, 3]);
    expect(day.qualifiers).toEqual(['LATEST', 'prod']);
    const hour = (await callApi(app, 'GET', `${METRICS}?qualifier=prod`)).body;
    expect(sum(hour.buckets, 'invocations')).toBe(1);
    const trigger = (await callApi(app, 'GET', `${METRICS}?window=1d&triggerName=${anonymousTrigger.triggerName}`))
      .body;
    expect(sum(trigger.buckets, 'invocations')).toBe(2);
  });

  it('counts only the function’s own rows: `foo`’s topic is words of `foo-bar`’s too, as Log Service searches', async () => {
    const app = given();
    for (const functionName of ['foo', 'foo-bar'])
      seedFunction({ ...helloFunction, functionName, logConfig: LOGGING_CONFIG });
    recordedRow({ functionName: 'foo' });
    recordedRow({ functionName: 'foo-bar', qualifier: 'bar-only' });
    recordedRow({ functionName: 'foo-bar', status: 500 });
    const { status, body, text } = await callApi(app, 'GET', '/api/functions/foo/metrics');
    expect(status, text).toBe(200);
    expect([sum(body.buckets, 'invocations'), sum(body.buckets, 'errors5xx')]).toEqual([1, 0]);
    expect(body.qualifiers).toEqual(['LATEST']);
  });

  it('tells the user to turn logging on when the function writes no request logs', async () => {
    const app = given({});
    const { status, body } = await callApi(app, 'GET', METRICS);
    expect(status).toBe(409);
    expect(body.code).toBe('RequestLogsOff');
  });

  it('answers 502 when Log Service answers figures the console cannot read', async () => {
    const app = given();
    server.use(
      http.get('https://:host/logstores/:logstore', () => HttpResponse.json([{ bucket: 'soon', invocations: -1 }])),
    );
    const { status, body } = await callApi(app, 'GET', METRICS);
    expect(status).toBe(502);
    expect(body.code).toBe('InvalidResponse');
  });
});
