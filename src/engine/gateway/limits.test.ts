import { describe, expect, it } from 'vitest';
import type { HeaderPair } from './gateway-context';
import {
  MAX_ASYNC_BODY_BYTES,
  MAX_SYNC_BODY_BYTES,
  bodyLimitFor,
  checkRequestLimits,
  checkResponseLimits,
  filterResponseHeaders,
  headerBytes,
  stripRequestHeaders,
} from './limits';
import { answered, makeContext } from './testing/gateway-context';

/** One header `x-pad` whose name + value make `total` bytes. */
function headersOf(total: number): Record<string, string> {
  return { 'x-pad': 'a'.repeat(total - 'x-pad'.length) };
}

describe('request limits', () => {
  it('counts header size as the bytes of every name and value', () => {
    expect(headerBytes({ ab: 'cd', e: 'é' })).toBe(2 + 2 + 1 + 2);
    expect(
      headerBytes([
        ['set-cookie', 'a'],
        ['set-cookie', 'b'],
      ]),
    ).toBe(22);
  });

  it('accepts 8192 bytes of headers and refuses 8193 with 400 InvalidArgument', () => {
    expect(checkRequestLimits(makeContext({ headers: headersOf(8192) }))).toEqual({ next: true });
    const response = answered(checkRequestLimits(makeContext({ headers: headersOf(8193) })));
    expect(response.status).toBe(400);
    expect(response.json.Code).toBe('InvalidArgument');
    expect(response.json.Message).toContain('8193 bytes');
  });

  it('counts multi-byte characters as their UTF-8 bytes', () => {
    const headers = { 'x-pad': 'é'.repeat(4094) }; // 5 + 8188 = 8193
    expect(answered(checkRequestLimits(makeContext({ headers }))).status).toBe(400);
  });

  it('accepts a path with query of 4096 bytes and refuses 4097', () => {
    const query = 'q=' + 'a'.repeat(4096 - '/p?q='.length);
    expect(checkRequestLimits(makeContext({ rawPath: '/p', query }))).toEqual({ next: true });
    const response = answered(checkRequestLimits(makeContext({ rawPath: '/p', query: query + 'a' })));
    expect(response.status).toBe(400);
    expect(response.json.Code).toBe('InvalidArgument');
    expect(response.json.Message).toContain('path');
  });

  it('counts the path alone when there is no query', () => {
    expect(checkRequestLimits(makeContext({ rawPath: '/' + 'a'.repeat(4095) }))).toEqual({ next: true });
    expect(answered(checkRequestLimits(makeContext({ rawPath: '/' + 'a'.repeat(4096) }))).status).toBe(400);
  });

  it('accepts a synchronous body of 32 MB and refuses one byte more', () => {
    expect(MAX_SYNC_BODY_BYTES).toBe(33554432);
    expect(checkRequestLimits(makeContext({ bodyLength: 33554432 }))).toEqual({ next: true });
    const response = answered(checkRequestLimits(makeContext({ bodyLength: 33554433 })));
    expect(response.status).toBe(400);
    expect(response.json.Message).toContain('synchronous');
  });

  it('holds an asynchronous invocation to 128 KB', () => {
    const headers = { 'x-fc-invocation-type': 'Async' };
    expect(MAX_ASYNC_BODY_BYTES).toBe(131072);
    expect(bodyLimitFor({ headers })).toBe(131072);
    expect(checkRequestLimits(makeContext({ headers, bodyLength: 131072 }))).toEqual({ next: true });
    const response = answered(
      checkRequestLimits(makeContext({ headers: { 'x-fc-invocation-type': 'async' }, bodyLength: 131073 })),
    );
    expect(response.status).toBe(400);
    expect(response.json.Message).toContain('asynchronous');
  });

  it('treats an explicit Sync invocation type as synchronous', () => {
    expect(bodyLimitFor({ headers: { 'x-fc-invocation-type': 'Sync' } })).toBe(MAX_SYNC_BODY_BYTES);
  });
});

describe('stripRequestHeaders', () => {
  it('removes x-fc-*, connection and keep-alive, and other hop-by-hop headers', () => {
    const stripped = stripRequestHeaders({
      'x-fc-invocation-type': 'Sync',
      'x-fc-account-id': 'spoofed',
      connection: 'keep-alive, x-private',
      'keep-alive': 'timeout=5',
      'transfer-encoding': 'chunked',
      upgrade: 'websocket',
      'x-private': 'hop',
      host: 'fn.cn-hangzhou.fcapp.localhost',
      authorization: 'Bearer t',
      'content-type': 'application/json',
      'x-fcx': 'kept: not the x-fc- prefix',
    });
    expect(stripped).toEqual({
      host: 'fn.cn-hangzhou.fcapp.localhost',
      authorization: 'Bearer t',
      'content-type': 'application/json',
      'x-fcx': 'kept: not the x-fc- prefix',
    });
  });
});

describe('filterResponseHeaders', () => {
  it('drops the headers a function may not set and keeps the rest, repeats included', () => {
    const pairs: HeaderPair[] = [
      ['X-Fc-Request-Id', 'forged'],
      ['Connection', 'close'],
      ['Content-Length', '5'],
      ['Date', 'yesterday'],
      ['Keep-Alive', 'timeout=5'],
      ['Server', 'mine'],
      ['Upgrade', 'h2c'],
      ['Content-Type', 'text/plain'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
    ];
    expect(filterResponseHeaders(pairs)).toEqual([
      ['Content-Type', 'text/plain'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
    ]);
  });

  it('drops content-disposition only when it is attachment', () => {
    expect(filterResponseHeaders([['Content-Disposition', 'attachment; filename="a.txt"']])).toEqual([]);
    expect(filterResponseHeaders([['content-disposition', 'Attachment']])).toEqual([]);
    expect(filterResponseHeaders([['content-disposition', 'inline']])).toEqual([['content-disposition', 'inline']]);
  });
});

describe('response limits', () => {
  const ctx = { endpoint: 'internet' as const, requestId: 'req-2' };

  it('accepts 8192 bytes of function headers and answers 8193 with 502 BadResponse', () => {
    expect(checkResponseLimits(ctx, [['x-pad', 'a'.repeat(8187)]])).toEqual({ next: true });
    const response = answered(checkResponseLimits(ctx, [['x-pad', 'a'.repeat(8188)]]));
    expect(response.status).toBe(502);
    expect(response.json).toMatchObject({ Code: 'BadResponse', RequestId: 'req-2' });
  });

  it('answers the APK MIME type with 400 on the public endpoint', () => {
    const apk: HeaderPair[] = [['Content-Type', 'application/vnd.android.package-archive; charset=binary']];
    const response = answered(checkResponseLimits(ctx, apk));
    expect(response.status).toBe(400);
    expect(response.json.Code).toBe('ApkResponseForbidden');
  });

  it('serves the APK MIME type on the internal endpoint', () => {
    const apk: HeaderPair[] = [['content-type', 'application/vnd.android.package-archive']];
    expect(checkResponseLimits({ ...ctx, endpoint: 'intranet' }, apk)).toEqual({ next: true });
  });
});
