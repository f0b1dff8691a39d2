import * as $FC from '@alicloud/fc20230330';
import { describe, expect, it } from 'vitest';
import { openApiErrors } from '../../../contract/openapi-errors';
import {
  recordedRequestPath,
  recordedRequestSchema,
  recordedRequestsPageSchema,
  recordedRequestsPath,
  REDACTED,
  type RecordedRequestsPage,
} from '../../../contract/recorded-request';
import { getEngineExtension } from '../../engine-extension';
import { sendHttp } from '../../test-function/send-http';
import {
  BEARER_TOKEN,
  createFunction,
  createTrigger,
  expectOpenApiError,
  uniqueName,
  zipBase64,
  type TargetOf,
} from './target';

const OK_SOURCE = 'exports.handler = async () => ({ statusCode: 200, body: "ok" });\n';

async function deploy(target: TargetOf) {
  const fn = uniqueName('fn');
  await createFunction(target, fn, {
    code: new $FC.InputCodeLocation({ zipFile: zipBase64({ 'index.js': OK_SOURCE }) }),
  });
  const triggerName = uniqueName('http');
  const config = { authType: 'bearer', methods: ['GET'], authConfig: { tokens: [BEARER_TOKEN] } };
  const { body } = await createTrigger(target, fn, triggerName, config);
  return { fn, triggerName, url: body!.httpTrigger!.urlInternet! };
}

async function list(target: TargetOf, fn: string, query: Record<string, string> = {}): Promise<RecordedRequestsPage> {
  const answer = await getEngineExtension(target().fcCall, 'ListRecordedRequests', recordedRequestsPath(fn), query);
  return recordedRequestsPageSchema.parse(answer);
}

/** The list once it holds `count` rows: the engine records off the request path, so a row may follow its answer. */
async function listOf(target: TargetOf, fn: string, count: number) {
  for (let attempt = 0; ; attempt++) {
    const page = await list(target, fn);
    if (page.requests.length >= count || attempt === 100) return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const bearer = { authorization: `Bearer ${BEARER_TOKEN.token}` };

/** The engine's recorded requests (the Requests inspector), held to the contract's shapes and filters. */
export function recordedRequestCases(target: TargetOf) {
  describe('recorded requests', () => {
    it('lists what the gateway answered, newest first, with its status, trigger and error code', async () => {
      const { fn, triggerName, url } = await deploy(target);
      const ok = await sendHttp({ url: new URL(`${url}/orders?page=2`), method: 'GET', headers: bearer });
      await sendHttp({ url: new URL(url), method: 'DELETE', headers: bearer });
      const page = await listOf(target, fn, 2);
      expect(page.requests.map((r) => [r.method, r.status, r.errorCode])).toEqual([
        ['DELETE', 403, 'MethodNotAllowed'],
        ['GET', 200, undefined],
      ]);
      const [, first] = page.requests;
      expect(first).toMatchObject({
        functionName: fn,
        triggerName,
        qualifier: 'LATEST',
        via: 'internet',
        path: '/orders?page=2',
        invocationType: 'sync',
        fromConsole: false,
        requestId: ok.headers.find(([name]) => name === 'x-fc-request-id')?.[1],
      });
      expect(page.latestSeq).toBeGreaterThanOrEqual(page.requests[0]!.seq);
      expect(page.requests[0]!.seq).toBeGreaterThan(first!.seq);
    });

    it('filters by status class, method, path, request id and `after`, and pages with nextToken', async () => {
      const { fn, url } = await deploy(target);
      await sendHttp({ url: new URL(`${url}/a`), method: 'GET', headers: bearer });
      await sendHttp({ url: new URL(`${url}/b`), method: 'GET', headers: {} });
      await sendHttp({ url: new URL(`${url}/c`), method: 'POST', headers: bearer });
      const all = await listOf(target, fn, 3);
      const paths = (page: RecordedRequestsPage) => page.requests.map((r) => r.path);
      expect(paths(all)).toEqual(['/c', '/b', '/a']);
      expect(paths(await list(target, fn, { statusClass: '4xx' }))).toEqual(['/c', '/b']);
      expect(paths(await list(target, fn, { method: 'POST' }))).toEqual(['/c']);
      expect(paths(await list(target, fn, { path: '/a' }))).toEqual(['/a']);
      expect(paths(await list(target, fn, { requestId: all.requests[1]!.requestId }))).toEqual(['/b']);
      expect(paths(await list(target, fn, { after: String(all.requests[2]!.seq) }))).toEqual(['/c', '/b']);
      const first = await list(target, fn, { limit: '2' });
      expect(paths(first)).toEqual(['/c', '/b']);
      const second = await list(target, fn, { limit: '2', nextToken: first.nextToken! });
      expect(paths(second)).toEqual(['/a']);
      expect(second.nextToken).toBeUndefined();
    });

    it('answers `after` a page’s latestSeq only the requests recorded since, each once (the live view)', async () => {
      const { fn, url } = await deploy(target);
      await sendHttp({ url: new URL(`${url}/first`), method: 'GET', headers: bearer });
      const page = await listOf(target, fn, 1);
      expect(page.latestSeq).toBeGreaterThanOrEqual(page.requests[0]!.seq);
      const since = { after: String(page.latestSeq) };
      expect((await list(target, fn, since)).requests).toEqual([]);
      await sendHttp({ url: new URL(`${url}/second`), method: 'GET', headers: bearer });
      const arrived = await listOf(target, fn, 2);
      const live = await list(target, fn, since);
      expect(live.requests.map((r) => r.path)).toEqual(['/second']);
      expect(live.latestSeq).toBeGreaterThanOrEqual(arrived.requests[0]!.seq);
      expect(await list(target, fn, { after: String(live.latestSeq) })).toMatchObject({ requests: [] });
    });

    it('answers one request in full with its credentials redacted, and 404 for an id it did not record', async () => {
      const { fn, url } = await deploy(target);
      await sendHttp({ url: new URL(`${url}/x`), method: 'GET', headers: { ...bearer, cookie: 'session=s3cret' } });
      const [row] = (await listOf(target, fn, 1)).requests;
      const path = recordedRequestPath(fn, row!.requestId);
      const full = recordedRequestSchema.parse(await getEngineExtension(target().fcCall, 'GetRecordedRequest', path));
      expect(full).toMatchObject({ requestId: row!.requestId, status: 200 });
      const header = (name: string) => full.request?.headers.find(([n]) => n.toLowerCase() === name)?.[1];
      expect(header('authorization')).toBe(REDACTED);
      expect(header('cookie')).toBe(`session=${REDACTED}`); // which cookies were sent, never their values
      expect(JSON.stringify(full)).not.toContain(BEARER_TOKEN.token);
      expect(full.sent.pathWithQueryBytes).toBe('/x'.length);
      await expectOpenApiError(
        getEngineExtension(target().fcCall, 'GetRecordedRequest', recordedRequestPath(fn, 'NO-SUCH-REQUEST')),
        openApiErrors.recordedRequestNotFound(fn, 'NO-SUCH-REQUEST'),
      );
    });
  });
}
