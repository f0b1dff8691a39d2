import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIRROR, WEB_SERVER, type Mirrored } from './fixtures';
import { call, deployHttp, startHarness, type Harness } from './harness';

// Instances per function are capped at 2 here, so that "all instances busy" is cheap to reach.
const CAP = 2;
let h: Harness;
// instanceConcurrency packs requests into one process's instances: packing is seen with one process.
let one: Harness;
beforeAll(async () => {
  [h, one] = await Promise.all([
    startHarness({ maxInstancesPerFunction: CAP }),
    startHarness({ maxInstancesPerFunction: CAP }, { gateways: 1 }),
  ]);
});
afterAll(() => Promise.all([h.close(), one.close()]));

const together = (url: string, n: number, path = '/?sleep=600') =>
  Promise.all(Array.from({ length: n }, () => call(url, { path })));

describe('instances', () => {
  it('an event function serves one request per instance: concurrent requests spread over instances', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR);
    const replies = await together(urlInternet, CAP);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    expect(new Set(replies.map((r) => r.json<Mirrored>().instance)).size).toBe(CAP);
    // Warm instances take the next requests: no new process.
    const again = await together(urlInternet, CAP, '/');
    expect(new Set([...replies, ...again].map((r) => r.json<Mirrored>().instance)).size).toBe(CAP);
  });

  it('a web function with instanceConcurrency 3 serves three requests at once in one instance', async () => {
    const { urlInternet } = await deployHttp(one, { ...WEB_SERVER, instanceConcurrency: 3 });
    const replies = await together(urlInternet, 3);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(replies.map((r) => r.json<{ instance: string }>().instance)).size).toBe(1);
  });
});

describe('429: every instance busy and the instance limit reached', () => {
  it('an event function past its instances', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR);
    const replies = await together(urlInternet, CAP + 1);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 429]);
    const throttled = replies.find((r) => r.status === 429)!;
    expect(throttled.json()).toMatchObject({
      Code: 'ResourceThrottled',
      RequestId: throttled.headers['x-fc-request-id'],
    });
    expect(throttled.headers['x-fc-error-type']).toBeUndefined();
    // Once they are free again, requests are served.
    expect((await call(urlInternet)).status).toBe(200);
  });

  it('a web function past instances × instanceConcurrency', async () => {
    const { urlInternet } = await deployHttp(h, { ...WEB_SERVER, instanceConcurrency: 2 });
    await call(urlInternet); // one instance up, so the burst does not race two cold starts
    const replies = await together(urlInternet, CAP * 2 + 1);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(CAP * 2);
  });
});
