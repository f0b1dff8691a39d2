import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_REQUEST_HEADER, RECORDING_DEFAULTS } from '../../contract/recorded-request';
import { MIRROR, code } from '../conformance/fixtures';
import { BLOCK, STREAMER } from '../conformance/streaming-fixtures';
import { call, deployFunction, deployTrigger, startHarness, uniqueName, type Harness } from '../conformance/harness';
import { $FC, sdkError } from '../openapi/testing/engine-kit';
import { getRecorded, listRecorded } from './testing/recording-engine';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const GET_ONLY = { methods: ['GET'], authType: 'anonymous' };
const idOf = (reply: { headers: Record<string, unknown> }) => String(reply.headers['x-fc-request-id']);

describe('a request through a trigger', () => {
  it('is recorded with its summary, both sides in full and the function logs of that invocation', async () => {
    const fn = await deployFunction(h, MIRROR);
    const { urlInternet, urlIntranet, triggerName } = await deployTrigger(h, fn, {
      methods: ['GET', 'POST'],
      authType: 'anonymous',
    });
    const reply = await call(urlInternet, {
      method: 'POST',
      path: '/orders/7?expand=items',
      headers: { 'content-type': 'text/plain', 'x-sender': 'webhook' },
      body: 'hello recorder',
    });
    expect(reply.status).toBe(200);
    const fromConsole = await call(urlIntranet, { headers: { [CONSOLE_REQUEST_HEADER]: '1' } });

    const page = await listRecorded(h.client, fn);
    expect(page.requests.map((r) => r.requestId)).toEqual([idOf(fromConsole), idOf(reply)]);
    expect(page.latestSeq).toBeGreaterThanOrEqual(page.requests[0]!.seq);
    expect(page.requests[0]).toMatchObject({ via: 'intranet', fromConsole: true, method: 'GET', path: '/' });
    const row = page.requests[1]!;
    expect(row).toMatchObject({
      functionName: fn,
      qualifier: 'LATEST',
      triggerName,
      via: 'internet',
      method: 'POST',
      path: '/orders/7?expand=items',
      sourceIp: '127.0.0.1',
      status: 200,
      invocationType: 'sync',
      fromConsole: false,
    });
    expect(row.errorCode).toBeUndefined();
    expect(Date.parse(row.time)).not.toBeNaN();

    const detail = await getRecorded(h.client, fn, idOf(reply));
    expect(detail.request?.headers).toContainEqual(['x-sender', 'webhook']);
    expect(detail.request?.body).toMatchObject({ encoding: 'text', data: 'hello recorder', size: 14 });
    expect(detail.response?.headers).toContainEqual(['x-answered-by', 'function']);
    expect(detail.response?.body.data).toBe(reply.text);
    expect(detail.response?.body.size).toBe(reply.body.length);
    expect(detail.sent).toMatchObject({ pathWithQueryBytes: '/orders/7?expand=items'.length, bodyBytes: 14 });
    expect(detail.sent.headerBytes).toBeGreaterThan(0);
    expect(detail.logs).toContain(idOf(reply));
  });

  it('records a binary response as base64 with its size, and cuts a body past the bound', async () => {
    const fn = await deployFunction(
      h,
      code(`exports.handler = async (event) => {
  const big = JSON.parse(event).queryParameters.big !== undefined;
  const body = big ? Buffer.alloc(${RECORDING_DEFAULTS.bodyBytes} + 5000, 0x61) : Buffer.from([0, 255, 1, 254]);
  return { statusCode: 200, isBase64Encoded: true, body: body.toString('base64') };
};`),
    );
    const { urlInternet } = await deployTrigger(h, fn, GET_ONLY);
    const binary = await call(urlInternet);
    const big = await call(urlInternet, { path: '/?big' });
    const binaryRow = await getRecorded(h.client, fn, idOf(binary));
    expect(binaryRow.response?.body).toMatchObject({ encoding: 'base64', data: 'AP8B/g==', size: 4 });
    const bigRow = await getRecorded(h.client, fn, idOf(big));
    expect(bigRow.response?.body).toMatchObject({ size: big.body.length, truncated: true });
    expect(bigRow.response?.body.data).toHaveLength(RECORDING_DEFAULTS.bodyBytes);
  });
});

describe('a streamed response and a client that hangs up', () => {
  it('tees no more than the bound of a streamed response, and counts all of it', async () => {
    const fn = await deployFunction(h, STREAMER);
    const { urlInternet } = await deployTrigger(h, fn, GET_ONLY);
    const reply = await call(urlInternet, { path: '/big?bytes=300000' });
    expect(reply.body.length).toBe(300_000);
    const row = await getRecorded(h.client, fn, idOf(reply));
    expect(row.response?.body).toMatchObject({ encoding: 'base64', size: 300_000, truncated: true });
    expect(Buffer.from(row.response!.body.data, 'base64').equals(BLOCK.subarray(0, RECORDING_DEFAULTS.bodyBytes))).toBe(
      true,
    );
  });

  it('keeps the first bytes of a request body streamed to a web function, and counts all of it', async () => {
    const fn = await deployFunction(h, STREAMER);
    const { urlInternet } = await deployTrigger(h, fn, { methods: ['POST'], authType: 'anonymous' });
    const sent = Buffer.concat([BLOCK, BLOCK, BLOCK]);
    const reply = await call(urlInternet, {
      method: 'POST',
      path: '/count',
      headers: { 'content-type': 'application/octet-stream' },
      body: sent,
      chunked: true,
    });
    expect(JSON.parse(reply.text)).toMatchObject({ bytes: sent.length });
    const row = await getRecorded(h.client, fn, idOf(reply));
    expect(row.request?.body).toMatchObject({ encoding: 'base64', size: sent.length, truncated: true });
    expect(Buffer.from(row.request!.body.data, 'base64').equals(sent.subarray(0, RECORDING_DEFAULTS.bodyBytes))).toBe(
      true,
    );
    expect(row.sent.bodyBytes).toBe(sent.length);
  });

  it('records 499 for a client that hangs up before the answer', async () => {
    const fn = await deployFunction(h, MIRROR);
    const { urlInternet } = await deployTrigger(h, fn, GET_ONLY);
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port: h.engine.port,
        path: '/?sleep=3000',
        headers: { host: new URL(urlInternet).host },
        agent: false,
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.end(() => setTimeout(() => req.destroy(), 200));
    });
    await expect
      .poll(async () => (await listRecorded(h.client, fn)).requests.map((r) => [r.status, r.path]))
      .toEqual([[499, '/?sleep=3000']]);
  });
});

describe('every answer is recorded, failures first-class', () => {
  it('403 method, 400 oversized body, 502 function error and async 202, each with its code', async () => {
    const fn = await deployFunction(
      h,
      code(`exports.handler = async (event) => {
  if (JSON.parse(event).rawPath === '/fail') throw new Error('boom');
  return { statusCode: 200, body: 'ok' };
};`),
    );
    const { urlInternet } = await deployTrigger(h, fn, { methods: ['GET', 'POST'], authType: 'anonymous' });
    const forbidden = await call(urlInternet, { method: 'DELETE' });
    const failed = await call(urlInternet, { path: '/fail' });
    const accepted = await call(urlInternet, {
      method: 'POST',
      headers: { 'x-fc-invocation-type': 'Async' },
      body: 'a',
    });
    const oversized = await call(urlInternet, {
      method: 'POST',
      headers: { 'x-fc-invocation-type': 'Async' },
      body: Buffer.alloc(200 * 1024, 0x62),
    });
    expect([forbidden.status, failed.status, accepted.status, oversized.status]).toEqual([403, 502, 202, 400]);

    const rows = new Map((await listRecorded(h.client, fn)).requests.map((r) => [r.requestId, r]));
    expect(rows.get(idOf(forbidden))).toMatchObject({
      status: 403,
      errorCode: forbidden.json().Code,
      method: 'DELETE',
    });
    expect(rows.get(idOf(failed))).toMatchObject({ status: 502, errorCode: failed.headers['x-fc-error-type'] });
    expect(rows.get(idOf(accepted))).toMatchObject({ status: 202, invocationType: 'async' });
    expect(rows.get(idOf(accepted))?.errorCode).toBeUndefined();
    expect(rows.get(idOf(oversized))).toMatchObject({ status: 400, errorCode: oversized.json().Code });
    const cut = await getRecorded(h.client, fn, idOf(oversized));
    expect(cut.sent.bodyBytes).toBe(200 * 1024);
    expect(cut.request?.body).toMatchObject({ size: 200 * 1024, truncated: true });
    expect(cut.response?.body.data).toBe(oversized.text);
  });

  it('a request through a custom domain is filed under the routed function, with the domain', async () => {
    const fn = await deployFunction(h, MIRROR);
    const domainName = `${uniqueName('rec').replace(/_/g, '-').toLowerCase()}.localhost`;
    await h.client.createCustomDomain(
      new $FC.CreateCustomDomainRequest({
        body: new $FC.CreateCustomDomainInput({
          domainName,
          protocol: 'HTTP',
          routeConfig: new $FC.RouteConfig({ routes: [new $FC.PathConfig({ path: '/api/*', functionName: fn })] }),
        }),
      }),
    );
    const reply = await call(`http://${domainName}:${h.engine.port}`, { path: '/api/users?page=2' });
    const unrouted = await call(`http://${domainName}:${h.engine.port}`, { path: '/elsewhere' });
    expect([reply.status, unrouted.status]).toEqual([200, 404]);
    const { requests } = await listRecorded(h.client, fn);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ via: 'custom-domain', domainName, path: '/api/users?page=2', status: 200 });
    expect(requests[0]!.triggerName).toBeUndefined();
  });
});

describe('the list operation', () => {
  it('filters by status class, method, path, time, request id and trigger; pages newest first; answers only newer rows after a seq', async () => {
    const fn = await deployFunction(h, MIRROR);
    const { urlInternet, triggerName } = await deployTrigger(h, fn, GET_ONLY);
    const ok = await call(urlInternet, { path: '/a/one' });
    const refused = await call(urlInternet, { method: 'POST', path: '/b/two', body: 'x' });
    const other = await call(urlInternet, { path: '/a/three' });
    const ids = (page: { requests: Array<{ requestId: string }> }) => page.requests.map((r) => r.requestId);

    expect(ids(await listRecorded(h.client, fn, { statusClass: '4xx' }))).toEqual([idOf(refused)]);
    expect(ids(await listRecorded(h.client, fn, { statusClass: '2xx' }))).toEqual([idOf(other), idOf(ok)]);
    expect(ids(await listRecorded(h.client, fn, { method: 'post' }))).toEqual([idOf(refused)]);
    expect(ids(await listRecorded(h.client, fn, { path: '/a/' }))).toEqual([idOf(other), idOf(ok)]);
    expect(ids(await listRecorded(h.client, fn, { requestId: idOf(ok) }))).toEqual([idOf(ok)]);
    expect(ids(await listRecorded(h.client, fn, { triggerName }))).toHaveLength(3);
    expect(ids(await listRecorded(h.client, fn, { triggerName: 'another' }))).toEqual([]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(ids(await listRecorded(h.client, fn, { since: future }))).toEqual([]);
    expect(ids(await listRecorded(h.client, fn, { until: future }))).toHaveLength(3);

    const first = await listRecorded(h.client, fn, { limit: '2' });
    expect(ids(first)).toEqual([idOf(other), idOf(refused)]);
    const second = await listRecorded(h.client, fn, { limit: '2', nextToken: first.nextToken! });
    expect([ids(second), second.nextToken]).toEqual([[idOf(ok)], undefined]);

    const latest = await listRecorded(h.client, fn);
    const newer = await call(urlInternet, { path: '/c' });
    const live = await listRecorded(h.client, fn, { after: String(latest.latestSeq) });
    expect(ids(live)).toEqual([idOf(newer)]);
  });

  it('answers 400 InvalidArgument on bad input, 404 for a missing function or an unrecorded request', async () => {
    const fn = await deployFunction(h, MIRROR);
    const bad = await sdkError(listRecorded(h.client, fn, { statusClass: '6xx' }));
    expect([bad.statusCode, bad.code]).toEqual([400, 'InvalidArgument']);
    const badToken = await sdkError(listRecorded(h.client, fn, { nextToken: 'not-a-token' }));
    expect([badToken.statusCode, badToken.code]).toEqual([400, 'InvalidArgument']);
    const missing = await sdkError(listRecorded(h.client, 'no_such_function'));
    expect([missing.statusCode, missing.code]).toEqual([404, 'FunctionNotFound']);
    const unrecorded = await sdkError(getRecorded(h.client, fn, 'no-such-request'));
    expect([unrecorded.statusCode, unrecorded.code]).toEqual([404, 'RecordedRequestNotFound']);
  });

  it("drops a function's records when the function is deleted", async () => {
    const fn = await deployFunction(h, MIRROR);
    const { urlInternet, triggerName } = await deployTrigger(h, fn, GET_ONLY);
    await call(urlInternet);
    expect((await listRecorded(h.client, fn)).requests).toHaveLength(1);
    await h.client.deleteTrigger(fn, triggerName);
    await h.client.deleteFunction(fn);
    await deployFunction(h, MIRROR, fn);
    expect((await listRecorded(h.client, fn)).requests).toEqual([]);
  });
});
