import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signAcs3 } from '../../contract/acs3-signature';
import { MAX_SYNC_BODY_BYTES } from '../gateway/limits';
import { WEB_SERVER } from './fixtures';
import { call, deployHttp, hostOf, startHarness, type Harness, type TriggerEndpoints } from './harness';
import { BLOCK, STREAMER, openRequest, readStreamed, startGate } from './streaming-fixtures';

// Web functions (custom runtime): the engine proxies each request unchanged, bodies streamed both ways.
let h: Harness;
let web: TriggerEndpoints;
// An instance's identity is its gateway process's: tests that follow one instance across connections
// run with one process (decision 044), whatever FC_ENGINE_GATEWAYS says.
let one: Harness;
beforeAll(async () => {
  [h, one] = await Promise.all([startHarness(), startHarness({}, { gateways: 1 })]);
  web = await deployHttp(h, STREAMER);
});
afterAll(() => Promise.all([h.close(), one.close()]));

async function get(
  path: string,
  headers: Record<string, string> = {},
  url = web.urlInternet,
  onData?: (chunk: Buffer) => void,
) {
  const { req, response } = openRequest(url, 'GET', path, headers);
  const startedAt = Date.now();
  req.end();
  return readStreamed(await response, startedAt, onData ? { onData } : undefined);
}

const instanceOf = async (url: string) => (await call(url, { path: '/pid' })).text;

describe('the response streams to the client as the function writes it', () => {
  it('the first chunk arrives before the function ends, after the response rules', async () => {
    const origin = 'https://app.example.com';
    // The function finishes only after the client has the first chunk: a buffering gateway never
    // delivers it, and the test fails by its timeout.
    const gate = await startGate();
    const reply = await get(`/gate?gate=${encodeURIComponent(gate.url)}`, { origin }, web.urlInternet, (chunk) => {
      if (chunk.toString().startsWith('first')) gate.open();
    });
    gate.close();
    expect(reply).toMatchObject({ status: 200, text: 'firstrest!', complete: true });
    expect(reply.chunks[0]!.data.toString()).toBe('first');
    // The function's Content-Length is not taken: the body goes chunked.
    expect(reply.headers['content-length']).toBeUndefined();
    expect(reply.headers['transfer-encoding']).toBe('chunked');
    expect(reply.headers['x-kept']).toBe('yes');
    expect(reply.headers['x-fc-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.headers['x-fc-forged']).toBeUndefined();
    expect(reply.headers.server).toBeUndefined();
    expect(reply.headers['access-control-allow-origin']).toBe(origin);
  });

  it('a 20 MB body passes through whole', async () => {
    const size = 20 * 1024 * 1024;
    const { req, response } = openRequest(web.urlInternet, 'GET', `/big?bytes=${size}`);
    req.end();
    const hash = createHash('sha256');
    let received = 0;
    const reply = await readStreamed(await response, Date.now(), {
      keep: false,
      onData: (chunk) => (hash.update(chunk), (received += chunk.length)),
    });
    expect(reply).toMatchObject({ status: 200, complete: true });
    expect(received).toBe(size);
    const expected = createHash('sha256');
    for (let i = 0; i < size / BLOCK.length; i++) expected.update(BLOCK);
    expect(hash.digest('hex')).toBe(expected.digest('hex'));
  });

  it('oversized headers are 502 BadResponse; an APK is 400 on the public endpoint only', async () => {
    const headers = await get('/headers');
    expect(headers.status).toBe(502);
    expect(headers.headers['x-fc-error-type']).toBe('BadResponse');
    expect(JSON.parse(headers.text)).toMatchObject({
      Code: 'BadResponse',
      RequestId: headers.headers['x-fc-request-id'],
    });
    const apk = await get('/apk');
    expect([apk.status, JSON.parse(apk.text).Code]).toEqual([400, 'ApkResponseForbidden']);
    expect(await get('/apk', {}, web.urlIntranet)).toMatchObject({ status: 200, text: 'PK' });
  });

  it('x-fc-log-type: Tail answers whole, with the log of this request', async () => {
    const gate = await startGate();
    gate.open();
    const reply = await call(web.urlInternet, {
      path: `/gate?gate=${encodeURIComponent(gate.url)}`,
      headers: { 'x-fc-log-type': 'Tail' },
    });
    gate.close();
    expect(reply.text).toBe('firstrest!');
    expect(reply.headers['content-length']).toBe('10');
    expect(Buffer.from(String(reply.headers['x-fc-log-result']), 'base64').toString()).toContain('serving /gate');
  });

  it('a response the function sent whole is answered whole, with its length, as an event function is', async () => {
    const reply = await get('/pid');
    expect(reply).toMatchObject({ status: 200, complete: true });
    expect(reply.text).toMatch(/^c-[0-9a-f]+/);
    expect(reply.headers['content-length']).toBe(String(Buffer.byteLength(reply.text)));
    expect(reply.headers['transfer-encoding']).toBeUndefined();
    expect(reply.headers['x-fc-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the request body streams to the function as the client sends it', () => {
  it('the function answers the first chunk before the client sends the rest', async () => {
    const { req, response } = openRequest(web.urlInternet, 'POST', '/echo', { 'content-type': 'text/plain' });
    req.write('ping');
    const res = await response;
    const firstChunk = await new Promise<string>((resolve) =>
      res.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    );
    expect(firstChunk).toBe('ping');
    const rest = readStreamed(res, Date.now());
    req.end('pong');
    expect(await rest).toMatchObject({ status: 200, text: 'pong', complete: true });
  });

  it('32 MB chunked reaches the function; one byte more is 400 InvalidArgument and the instance stays', async () => {
    const { urlInternet } = await deployHttp(one, STREAMER);
    const pid = await instanceOf(urlInternet);
    const at = await call(urlInternet, {
      method: 'POST',
      path: '/count',
      body: Buffer.alloc(MAX_SYNC_BODY_BYTES, 'a'),
      chunked: true,
    });
    expect(at.json()).toMatchObject({ bytes: MAX_SYNC_BODY_BYTES });
    const past = await call(urlInternet, {
      method: 'POST',
      path: '/count',
      body: Buffer.alloc(MAX_SYNC_BODY_BYTES + 1, 'a'),
      chunked: true,
    });
    expect(past.status).toBe(400);
    expect(past.json()).toMatchObject({ Code: 'InvalidArgument', RequestId: past.headers['x-fc-request-id'] });
    expect(past.json<{ Message: string }>().Message).toContain(String(MAX_SYNC_BODY_BYTES));
    expect(await instanceOf(urlInternet)).toBe(pid);
  }, 60_000);

  it('past 32 MB after the function began answering, the response is cut', async () => {
    const { req, response } = openRequest(web.urlInternet, 'POST', '/echo');
    req.on('error', () => undefined);
    const block = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i <= MAX_SYNC_BODY_BYTES / block.length; i++) req.write(block);
    req.end();
    const reply = await readStreamed(await response, Date.now(), { keep: false });
    expect(reply).toMatchObject({ status: 200, complete: false });
  }, 30_000);

  it('a declared Content-Length past 32 MB is refused before the function sees anything', async () => {
    const past = await call(web.urlInternet, {
      method: 'POST',
      path: '/count',
      body: Buffer.alloc(MAX_SYNC_BODY_BYTES + 1, 'a'),
    });
    expect(past.status).toBe(400);
    expect(past.json()).toMatchObject({ Code: 'InvalidArgument' });
  }, 30_000);

  it('Signature auth still reads (and hashes) the body first', async () => {
    const { urlInternet } = await deployHttp(h, WEB_SERVER, { methods: ['POST'], authType: 'function' });
    const { credentials } = h.engine;
    const signed = signAcs3(
      {
        method: 'POST',
        rawPath: '/',
        query: '',
        headers: { host: hostOf(urlInternet), 'content-type': 'text/plain' },
        body: Buffer.from('payload'),
      },
      { accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.accessKeySecret },
    );
    delete signed.host;
    const reply = await call(urlInternet, { method: 'POST', body: 'payload', headers: signed, chunked: true });
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ body: 'payload' });
    expect((await call(urlInternet, { method: 'POST', body: 'changed', headers: signed, chunked: true })).status).toBe(
      403,
    );
  });
});

describe('a response that stops midway', () => {
  const instances = (functionName: string) => h.engine.pool.instances().filter((i) => i.functionName === functionName);

  it('a client that hangs up mid-stream is logged as 499 and the instance is kept', async () => {
    const { urlInternet, functionName } = await deployHttp(h, STREAMER);
    const pid = await instanceOf(urlInternet);
    const { req, response } = openRequest(urlInternet, 'GET', '/hang');
    req.end();
    const res = await response;
    await new Promise((resolve) => res.once('data', resolve));
    res.destroy();
    await vi.waitFor(
      () => expect(h.logs.join('\n')).toMatch(new RegExp(`499 ClientClosedRequest \\S+ ${functionName}:`)),
      { timeout: 3000 },
    );
    await vi.waitFor(() => expect(instances(functionName)).toMatchObject([{ inFlight: 0 }]), { timeout: 3000 });
    expect(await instanceOf(urlInternet)).toBe(pid);
  });

  it('a client that hangs up while sending the body is logged as 499 and the instance is kept', async () => {
    const { urlInternet, functionName } = await deployHttp(h, STREAMER);
    const pid = await instanceOf(urlInternet);
    const { req } = openRequest(urlInternet, 'POST', '/count');
    req.on('error', () => undefined);
    req.write('part of a body');
    await vi.waitFor(() => expect(instances(functionName)).toMatchObject([{ inFlight: 1 }]));
    req.destroy();
    await vi.waitFor(
      () => expect(h.logs.join('\n')).toMatch(new RegExp(`499 ClientClosedRequest \\S+ ${functionName}:`)),
      { timeout: 3000 },
    );
    await vi.waitFor(() => expect(instances(functionName)).toMatchObject([{ inFlight: 0 }]), { timeout: 3000 });
    expect(await instanceOf(urlInternet)).toBe(pid);
  });

  it('a function that dies mid-response cuts the client off (the 200 was sent); a new instance serves next', async () => {
    const { urlInternet, functionName } = await deployHttp(one, STREAMER);
    const pid = await instanceOf(urlInternet);
    const reply = await get('/die', {}, urlInternet);
    expect(reply).toMatchObject({ status: 200, text: 'partial', complete: false });
    await vi.waitFor(
      () =>
        expect(one.logs.join('\n')).toMatch(
          new RegExp(`FunctionExited \\S+ ${functionName} after the response started`),
        ),
      { timeout: 3000 },
    );
    expect(await instanceOf(urlInternet)).not.toBe(pid);
  });

  it('the timeout still applies while the response streams', async () => {
    const { urlInternet } = await deployHttp(h, { ...STREAMER, timeout: 1 });
    const reply = await get('/hang', {}, urlInternet);
    // /hang never ends on its own: only the 1 s timeout can have cut the response.
    expect(reply).toMatchObject({ status: 200, text: 'first', complete: false });
  });
});
