import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_ASYNC_BODY_BYTES,
  MAX_HEADER_BYTES,
  MAX_PATH_WITH_QUERY_BYTES,
  MAX_SYNC_BODY_BYTES,
} from '../gateway/limits';
import { MIRROR, type Mirrored } from './fixtures';
import { ANONYMOUS, call, deployHttp, hostOf, startHarness, type Harness, type TriggerEndpoints } from './harness';

// The overview's HTTP(S) limits, each at its boundary and one byte past it.
let h: Harness;
let mirror: TriggerEndpoints;
beforeAll(async () => {
  h = await startHarness();
  mirror = await deployHttp(h, MIRROR);
});
afterAll(() => h.close());

const respond = (response: object) =>
  call(mirror.urlInternet, { method: 'POST', path: '/?respond', body: JSON.stringify(response) });

describe('request limits: 400 InvalidArgument one byte past, the function at the limit', () => {
  it('headers: 8 KB of names and values', async () => {
    // What the client sends besides x-pad: Host, and Connection: close (no keep-alive agent).
    const others = 'host'.length + hostOf(mirror.urlInternet).length + 'connection'.length + 'close'.length;
    const pad = (extra: number) => ({ 'x-pad': 'p'.repeat(MAX_HEADER_BYTES - others - 'x-pad'.length + extra) });
    expect((await call(mirror.urlInternet, { headers: pad(0) })).status).toBe(200);
    const past = await call(mirror.urlInternet, { headers: pad(1) });
    expect(past.status).toBe(400);
    expect(past.json()).toMatchObject({ Code: 'InvalidArgument' });
  });

  it('path with its query: 4 KB', async () => {
    const path = (length: number) => `/q?x=${'a'.repeat(length - '/q?x='.length)}`;
    const at = await call(mirror.urlInternet, { path: path(MAX_PATH_WITH_QUERY_BYTES) });
    expect(at.status).toBe(200);
    expect(at.json<Mirrored>().query.x).toHaveLength(MAX_PATH_WITH_QUERY_BYTES - 5);
    expect((await call(mirror.urlInternet, { path: path(MAX_PATH_WITH_QUERY_BYTES + 1) })).json()).toMatchObject({
      Code: 'InvalidArgument',
    });
    expect((await call(mirror.urlInternet, { path: `/${'b'.repeat(MAX_PATH_WITH_QUERY_BYTES)}` })).status).toBe(400);
  });

  it('synchronous body: 32 MB, with a Content-Length or chunked', async () => {
    const body = Buffer.alloc(MAX_SYNC_BODY_BYTES, 'a');
    const at = await call(mirror.urlInternet, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
    expect(at.status).toBe(200);
    expect(at.json<Mirrored>().bodyLength).toBe(MAX_SYNC_BODY_BYTES);
    const past = Buffer.alloc(MAX_SYNC_BODY_BYTES + 1, 'a');
    const declared = await call(mirror.urlInternet, { method: 'POST', body: past });
    expect(declared.status).toBe(400);
    expect(declared.json<{ Message: string }>().Message).toContain(String(MAX_SYNC_BODY_BYTES));
    expect((await call(mirror.urlInternet, { method: 'POST', body: past, chunked: true })).status).toBe(400);
  }, 60_000);

  it('asynchronous body: 128 KB', async () => {
    const async = { 'x-fc-invocation-type': 'Async' };
    const at = await call(mirror.urlInternet, {
      method: 'POST',
      headers: async,
      body: Buffer.alloc(MAX_ASYNC_BODY_BYTES, 'a'),
    });
    expect(at.status).toBe(202);
    const past = await call(mirror.urlInternet, {
      method: 'POST',
      headers: async,
      body: Buffer.alloc(MAX_ASYNC_BODY_BYTES + 1, 'a'),
    });
    expect(past.status).toBe(400);
  });
});

describe('headers the function never sees, and never sets', () => {
  it('x-fc-*, connection and keep-alive are not passed to the function', async () => {
    const reply = await call(mirror.urlInternet, {
      headers: {
        'X-Fc-Custom': 'a',
        'x-fc-log-type': 'Tail',
        'keep-alive': 'timeout=5',
        connection: 'close, x-hop',
        'x-hop': '1',
        'x-kept': 'yes',
      },
    });
    const seen = Object.keys(reply.json<Mirrored>().headers).map((name) => name.toLowerCase());
    expect(seen).toContain('x-kept');
    for (const name of ['x-fc-custom', 'x-fc-log-type', 'keep-alive', 'connection', 'x-hop'])
      expect(seen).not.toContain(name);
  });

  it('x-fc-*, connection, content-length, date, keep-alive, server, upgrade and content-disposition: attachment are dropped', async () => {
    const functionDate = 'Sat, 01 Jan 2000 00:00:00 GMT';
    const reply = await respond({
      statusCode: 201,
      headers: {
        'x-fc-request-id': 'forged',
        'x-fc-own': '1',
        connection: 'keep-alive',
        'content-length': '999',
        date: functionDate,
        'keep-alive': 'timeout=99',
        server: 'my-server',
        upgrade: 'websocket',
        'content-disposition': 'attachment; filename="a.txt"',
        'x-kept': 'yes',
      },
      body: 'hello',
    });
    expect(reply.status).toBe(201);
    expect(reply.text).toBe('hello');
    expect(reply.headers['x-kept']).toBe('yes');
    expect(reply.all('x-fc-request-id')).toHaveLength(1);
    expect(reply.headers['x-fc-request-id']).not.toBe('forged');
    expect(reply.headers['x-fc-own']).toBeUndefined();
    expect(reply.headers['content-length']).toBe('5');
    expect(reply.headers.date).not.toBe(functionDate);
    for (const name of ['keep-alive', 'server', 'upgrade', 'content-disposition'])
      expect(reply.headers[name]).toBeUndefined();
    expect(reply.headers.connection).not.toBe('keep-alive');
  });

  it('content-disposition other than attachment is kept', async () => {
    const reply = await respond({ headers: { 'content-disposition': 'inline' }, body: 'x' });
    expect(reply.headers['content-disposition']).toBe('inline');
  });

  it('an APK response is 400 on the public endpoint and served on the internal one', async () => {
    const apk = JSON.stringify({ headers: { 'content-type': 'application/vnd.android.package-archive' }, body: 'PK' });
    const pub = await call(mirror.urlInternet, { method: 'POST', path: '/?respond', body: apk });
    expect(pub.status).toBe(400);
    expect(pub.json()).toMatchObject({ Code: 'ApkResponseForbidden' });
    const internal = await call(mirror.urlIntranet, { method: 'POST', path: '/?respond', body: apk });
    expect(internal.status).toBe(200);
    expect(internal.text).toBe('PK');
  });
});

it('a HEAD request gets the headers and no body', async () => {
  const { urlInternet } = await deployHttp(h, MIRROR, ANONYMOUS);
  const reply = await call(urlInternet, { method: 'HEAD' });
  expect(reply.status).toBe(200);
  expect(reply.headers['x-answered-by']).toBe('function');
  expect(Number(reply.headers['content-length'])).toBeGreaterThan(0);
  expect(reply.body).toHaveLength(0);
});
