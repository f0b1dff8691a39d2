import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestBffApp, TEST_CONNECTION } from '../../../mocks/bff-in-process';
import { seedFunction, seedTrigger } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { recordedRow } from '../../../mocks/fixtures/recorded-rows';
import { bearerTrigger } from '../../../mocks/fixtures/triggers';
import { slsGetLogsHandler } from '../../../mocks/sls-get-logs';
import { LOGGING_CONFIG } from '../../../mocks/sls-request-logs';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';

const server = useMockFc();
const BASE = '/api/functions/hello-world/requests';
type Row = { path: string; status: number; method: string; source?: string; via: string; seq: number };

/** The bff connected to Alibaba Cloud; Log Service checks every GetLogs signature with the connection's keys. */
function given(logConfig: object = LOGGING_CONFIG) {
  seedFunction({ ...helloFunction, logConfig });
  seedFunction({ ...helloFunction, functionName: 'neighbour', logConfig: LOGGING_CONFIG });
  server.use(slsGetLogsHandler({ secrets: { [TEST_CONNECTION.accessKeyId!]: TEST_CONNECTION.accessKeySecret! } }));
  return createTestBffApp({ ...TEST_CONNECTION, mode: 'cloud' });
}

describe('the Requests inspector in cloud mode, from the request logs in Log Service', () => {
  it('lists the function’s requests newest first, marked as read from Log Service, and filters them', async () => {
    const app = given();
    recordedRow({ ago: 30_000, method: 'POST', path: '/hook?x=1', status: 200, sourceIp: '203.0.113.7' });
    recordedRow({ ago: 20_000, method: 'GET', path: '/missing', status: 404 });
    recordedRow({ ago: 10_000, method: 'POST', path: '/hook', status: 502, errorCode: 'FunctionUnhandledError' });
    recordedRow({ ago: 5_000, functionName: 'neighbour', path: '/not-mine' });

    const res = await callApi(app, 'GET', BASE);
    expect(res.status, res.text).toBe(200);
    const rows = res.body.requests as Row[];
    expect(rows.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/hook', 502],
      ['GET', '/missing', 404],
      ['POST', '/hook?x=1', 200],
    ]);
    expect(rows[0]).toMatchObject({ source: 'log-service', via: 'unknown', errorCode: 'FunctionUnhandledError' });
    expect(rows[2]).toMatchObject({ sourceIp: '203.0.113.7', durationMs: 12, invocationType: 'sync' });
    expect(res.body.latestSeq).toBe(rows[0]!.seq);

    const failures = await callApi(app, 'GET', `${BASE}?statusClass=5xx`);
    expect(failures.body.requests.map((r: Row) => r.status)).toEqual([502]);
    const posts = await callApi(app, 'GET', `${BASE}?method=POST&path=x%3D1`);
    expect(posts.body.requests.map((r: Row) => r.path)).toEqual(['/hook?x=1']);
  });

  it('answers only the newer rows to the live view, and pages back in time with a token', async () => {
    const app = given();
    for (const ago of [50_000, 40_000, 30_000]) recordedRow({ ago, path: `/${ago / 1000}` });
    const first = await callApi(app, 'GET', `${BASE}?limit=2`);
    expect(first.body.requests.map((r: Row) => r.path)).toEqual(['/30', '/40']);
    const older = await callApi(app, 'GET', `${BASE}?limit=2&nextToken=${first.body.nextToken}`);
    expect(older.body.requests.map((r: Row) => r.path)).toEqual(['/50']);
    expect(older.body.nextToken).toBeUndefined();

    const latest = first.body.latestSeq;
    expect((await callApi(app, 'GET', `${BASE}?after=${latest}`)).body).toEqual({ requests: [], latestSeq: latest });
    recordedRow({ ago: 1000, path: '/new' });
    const live = await callApi(app, 'GET', `${BASE}?after=${latest}`);
    expect(live.body.requests.map((r: Row) => r.path)).toEqual(['/new']);
    expect(live.body.latestSeq).toBeGreaterThan(latest);
  });

  it('opens one request with the function’s log lines for it, and no headers or bodies', async () => {
    const app = given();
    const row = recordedRow({ status: 500, errorCode: 'FunctionUnhandledError' });
    row.logs = `FC Invoke Start RequestId: ${row.requestId}\n${row.requestId} [error] boom\nunrelated line\nFC Invoke End RequestId: ${row.requestId}`;
    const res = await callApi(app, 'GET', `${BASE}/${row.requestId}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ requestId: row.requestId, status: 500, source: 'log-service' });
    expect(res.body.logs).toBe(
      `FC Invoke Start RequestId: ${row.requestId}\n${row.requestId} [error] boom\nFC Invoke End RequestId: ${row.requestId}`,
    );
    expect(res.body.request).toBeUndefined();
    expect(res.body.response).toBeUndefined();

    const unknown = await callApi(app, 'GET', `${BASE}/1-65a77fbb-157f3f32-e1ee24b17e49`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('RecordedRequestNotFound');
  });

  it('tells the user to turn logging on when the function writes no request logs', async () => {
    for (const logConfig of [{}, { ...LOGGING_CONFIG, enableRequestMetrics: false }]) {
      const app = given(logConfig);
      const res = await callApi(app, 'GET', BASE);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('RequestLogsOff');
      expect(res.body.message).toMatch(/Turn on logging .* request-level metrics/);
    }
  });

  it('narrows a trigger’s filter to its qualifier, and refuses a search Log Service could be tricked by', async () => {
    const app = given();
    seedTrigger('hello-world', { ...bearerTrigger, qualifier: 'LATEST' });
    recordedRow({ qualifier: 'prod', path: '/prod' });
    recordedRow({ qualifier: 'LATEST', path: '/latest' });
    const res = await callApi(app, 'GET', `${BASE}?triggerName=${bearerTrigger.triggerName}`);
    expect(res.body.requests.map((r: Row) => r.path)).toEqual(['/latest']);

    const sneaky = await callApi(
      app,
      'GET',
      `${BASE}?requestId=${encodeURIComponent('x" or functionName: "neighbour')}`,
    );
    expect(sneaky.status).toBe(400);
    expect(sneaky.body).toMatchObject({ code: 'InvalidArgument', fields: { requestId: expect.any(String) } });
  });

  it('leaves out a row whose time is no date, reads a bad start time as the row’s time, and lists the others', async () => {
    const app = given();
    const now = Math.floor(Date.now() / 1000);
    const row = (requestId: string, extra: object) => ({
      __time__: String(now - 5),
      __topic__: 'FCRequestMetrics:/hello-world',
      requestId,
      functionName: 'hello-world',
      requestURI: `/${requestId}`,
      ...extra,
    });
    server.use(
      http.get('https://:host/logstores/:logstore', () =>
        HttpResponse.json([
          row('far-future', { invocationStartTimestamp: '1e20' }),
          row('beyond-seq', { __time__: '99999999999999' }),
          row('fine', { invocationStartTimestamp: String(Date.now() - 60_000) }),
        ]),
      ),
    );
    const res = await callApi(app, 'GET', BASE);
    expect(res.status, res.text).toBe(200);
    expect(res.body.requests.map((r: Row) => r.path)).toEqual(['/far-future', '/fine']);
  });

  it('passes Log Service’s refusal on with its code, naming the log store, and keeps the secret out of it', async () => {
    const app = given();
    server.use(
      http.get('https://:host/logstores/:logstore', () =>
        HttpResponse.json(
          { errorCode: 'Unauthorized', errorMessage: 'denied by sts or ram, action: log:GetLogStoreLogs' },
          { status: 403, headers: { 'x-log-requestid': 'SLS-REQ-1' } },
        ),
      ),
    );
    const res = await callApi(app, 'GET', BASE);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'Unauthorized', requestId: 'SLS-REQ-1' });
    expect(res.body.message).toContain(`${LOGGING_CONFIG.project}/${LOGGING_CONFIG.logstore}`);
    expect(res.text).not.toContain(TEST_CONNECTION.accessKeySecret);
  });
});
