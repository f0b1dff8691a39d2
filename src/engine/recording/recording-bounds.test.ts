import { afterAll, describe, expect, it } from 'vitest';
import { MIRROR } from '../conformance/fixtures';
import { call, deployHttp } from '../conformance/harness';
import { getRecorded, listRecorded, startRecordingEngine } from './testing/recording-engine';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function engineWith(...args: Parameters<typeof startRecordingEngine>) {
  const h = await startRecordingEngine(...args);
  cleanups.push(() => h.close());
  return h;
}

const paths = (page: { requests: Array<{ path: string }> }) => page.requests.map((r) => r.path);

describe('bounded recording', () => {
  it('keeps the newest requests of each function, dropping the oldest first', async () => {
    const h = await engineWith({ perFunction: 3, totalBytes: 64 * 1024 * 1024 });
    const { urlInternet, functionName } = await deployHttp(h, MIRROR);
    const other = await deployHttp(h, MIRROR);
    for (const n of [1, 2, 3, 4, 5]) await call(urlInternet, { path: `/${n}` });
    await call(other.urlInternet, { path: '/other' });
    expect(paths(await listRecorded(h.client, functionName))).toEqual(['/5', '/4', '/3']);
    expect(paths(await listRecorded(h.client, other.functionName))).toEqual(['/other']);
  });

  it('keeps the stored bytes under the total bound, oldest dropped first', async () => {
    const h = await engineWith({ perFunction: 1000, totalBytes: 12 * 1024 });
    const { urlInternet, functionName } = await deployHttp(h, MIRROR);
    const sent = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `/${n}`);
    for (const path of sent) await call(urlInternet, { path, method: 'POST', body: 'x'.repeat(600) });
    const kept = paths(await listRecorded(h.client, functionName));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(sent.length);
    expect(kept).toEqual(sent.slice(-kept.length).reverse());
  });

  it('records nothing when turned off (0 requests per function)', async () => {
    const h = await engineWith({ perFunction: 0, totalBytes: 1024 });
    const { urlInternet, functionName } = await deployHttp(h, MIRROR);
    expect((await call(urlInternet)).status).toBe(200);
    expect((await listRecorded(h.client, functionName)).requests).toEqual([]);
  });

  it('survives a restart of the engine', async () => {
    const first = await startRecordingEngine();
    const { urlInternet, functionName } = await deployHttp(first, MIRROR);
    const reply = await call(urlInternet, { path: '/before-restart' });
    await first.stop();
    const again = await engineWith(undefined, {}, first.dataDir);
    expect(paths(await listRecorded(again.client, functionName))).toEqual(['/before-restart']);
    const row = await getRecorded(again.client, functionName, String(reply.headers['x-fc-request-id']));
    expect(row.response?.body.data).toBe(reply.text);
  });

  it('under back-pressure keeps every summary and drops the detail, and every request is answered', async () => {
    const h = await engineWith(undefined, { recording: { queue: { maxPendingDetail: 0 } } });
    const { urlInternet, functionName } = await deployHttp(h, MIRROR);
    const replies = await Promise.all([1, 2, 3].map((n) => call(urlInternet, { path: `/${n}` })));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    const { requests } = await listRecorded(h.client, functionName);
    expect(requests.map((r) => r.path).sort()).toEqual(['/1', '/2', '/3']);
    const row = await getRecorded(h.client, functionName, requests[0]!.requestId);
    expect(row).toMatchObject({ detailDropped: true, status: 200 });
    expect(row.request).toBeUndefined();
    expect(row.sent.pathWithQueryBytes).toBe(2);
  });
});
