import { describe, expect, it } from 'vitest';
import { createTestBffApp, TEST_CONNECTION } from '../../../mocks/bff-in-process';
import { seedFunction, seedTrigger } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { BEARER_TOKEN, bearerTrigger } from '../../../mocks/fixtures/triggers';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';
import { REDACTED } from '../../contract/recorded-request';
import { sendHttp } from '../test-function/send-http';

useMockFc();
const BASE = '/api/functions/hello-world/requests';

function given() {
  seedFunction(helloFunction);
  const trigger = seedTrigger('hello-world', bearerTrigger);
  return { app: createTestBffApp(), url: trigger.urls.urlInternet };
}

const httpTest = {
  mode: 'sync',
  triggerName: bearerTrigger.triggerName,
  auth: { type: 'bearer', tokenName: 'ci' },
  request: { kind: 'http', method: 'GET', path: '/from-console', query: [], headers: [], bodyType: 'text', body: '' },
};

describe('the Requests inspector API', () => {
  it('lists the requests a trigger got, newest first, telling the console’s Test Function from the rest', async () => {
    const { app, url } = given();
    await sendHttp({ url: new URL(`${url}/outside?access_token=abc`), method: 'GET', headers: {} });
    expect((await callApi(app, 'POST', '/api/functions/hello-world/invocations', httpTest)).body.status).toBe(200);
    const res = await callApi(app, 'GET', BASE);
    expect(res.status).toBe(200);
    expect(res.body.requests.map((r: Record<string, unknown>) => [r.path, r.status, r.fromConsole])).toEqual([
      ['/from-console', 200, true],
      [`/outside?access_token=${REDACTED}`, 401, false],
    ]);
    const newer = await callApi(app, 'GET', `${BASE}?after=${res.body.latestSeq}`);
    expect(newer.body).toEqual({ requests: [], latestSeq: res.body.latestSeq });
    const failures = await callApi(app, 'GET', `${BASE}?statusClass=4xx`);
    expect(failures.body.requests.map((r: { path: string }) => r.path)).toEqual([`/outside?access_token=${REDACTED}`]);
  });

  it('answers one request with the credentials the bff placed redacted', async () => {
    const { app } = given();
    const sent = await callApi(app, 'POST', '/api/functions/hello-world/invocations', httpTest);
    const res = await callApi(app, 'GET', `${BASE}/${sent.body.requestId}`);
    expect(res.status).toBe(200);
    expect(res.body.request.headers).toContainEqual(['authorization', REDACTED]);
    expect(res.text).not.toContain(BEARER_TOKEN);
    const unknown = await callApi(app, 'GET', `${BASE}/NO-SUCH-ID`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('RecordedRequestNotFound');
  });

  it('refuses a bad filter with 400 naming the fields', async () => {
    const { app } = given();
    const res = await callApi(app, 'GET', `${BASE}?statusClass=6xx&limit=500&since=yesterday`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('InvalidArgument');
    expect(Object.keys(res.body.fields).sort()).toEqual(['limit', 'since', 'statusClass']);
  });

  it('in Alibaba Cloud, asks for the function’s request logs when it writes none (recorded-requests.cloud.test.ts)', async () => {
    seedFunction(helloFunction);
    const app = createTestBffApp({ ...TEST_CONNECTION, mode: 'cloud' });
    for (const path of [BASE, `${BASE}/SOME-ID`]) {
      const res = await callApi(app, 'GET', path);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('RequestLogsOff');
    }
  });
});
