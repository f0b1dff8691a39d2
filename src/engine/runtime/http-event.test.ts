import { describe, expect, it } from 'vitest';
import { buildHttpEvent, toBodyBuffer, toHttpResponse } from './http-event';
import { httpRequest } from './testing/runtime-fixtures';
import { RESPONSE_LIMITS } from '../../contract/request-limits';

describe('buildHttpEvent', () => {
  it('builds the v1 event of FC-REFERENCE.md with canonical header names and comma-joined values', () => {
    const time = new Date('2023-09-05T06:41:11.895Z');
    const event = JSON.parse(
      buildHttpEvent(
        httpRequest({
          method: 'post',
          rawPath: '/example',
          query: 'a=1&b=x&b=y&c=hello+world',
          headers: { 'content-type': 'application/json', 'user-agent': 'curl/8', 'x-multi': ['one', 'two'] },
          body: Buffer.from('{"hi":1}'),
          requestId: 'req-abc',
          context: {
            accountId: '42',
            domainName: 'hello-abcdefghij.cn-hangzhou.fcapp.localhost',
            sourceIp: '10.0.0.9',
            time,
          },
        }),
      ).toString(),
    );
    expect(event).toEqual({
      version: 'v1',
      rawPath: '/example',
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'curl/8', 'X-Multi': 'one,two' },
      queryParameters: { a: '1', b: 'x,y', c: 'hello world' },
      body: '{"hi":1}',
      isBase64Encoded: false,
      requestContext: {
        accountId: '42',
        domainName: 'hello-abcdefghij.cn-hangzhou.fcapp.localhost',
        domainPrefix: 'hello-abcdefghij',
        http: { method: 'POST', path: '/example', protocol: 'HTTP/1.1', sourceIp: '10.0.0.9', userAgent: 'curl/8' },
        requestId: 'req-abc',
        time: '2023-09-05T06:41:11Z',
        timeEpoch: '1693896071895',
      },
    });
  });

  it('base64-encodes a binary body and keeps a text body as text', () => {
    const binary = Buffer.from([0, 255, 1, 2]);
    const png = JSON.parse(
      buildHttpEvent(httpRequest({ headers: { 'content-type': 'image/png' }, body: binary })).toString(),
    );
    expect(png).toMatchObject({ body: binary.toString('base64'), isBase64Encoded: true });
    const invalidUtf8 = JSON.parse(
      buildHttpEvent(httpRequest({ headers: {}, body: Buffer.from([0xc3, 0x28]) })).toString(),
    );
    expect(invalidUtf8.isBase64Encoded).toBe(true);
    const text = JSON.parse(
      buildHttpEvent(
        httpRequest({ headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('héllo') }),
      ).toString(),
    );
    expect(text).toMatchObject({ body: 'héllo', isBase64Encoded: false });
  });
});

describe('toHttpResponse', () => {
  it('turns {statusCode, headers, body} into the response, multi-valued headers as repeated pairs', () => {
    expect(
      toHttpResponse({
        statusCode: 201,
        headers: { 'x-a': '1', 'set-cookie': ['a=1', 'b=2'], 'x-n': 5 },
        body: 'made',
      }),
    ).toEqual({
      statusCode: 201,
      headers: [
        ['x-a', '1'],
        ['set-cookie', 'a=1'],
        ['set-cookie', 'b=2'],
        ['x-n', '5'],
      ],
      body: Buffer.from('made'),
    });
  });

  it('defaults statusCode to 200, encodes an object body as JSON and decodes a base64 body', () => {
    expect(toHttpResponse({ body: { ok: true } })).toEqual({
      statusCode: 200,
      headers: [],
      body: Buffer.from('{"ok":true}'),
    });
    expect(toHttpResponse({ isBase64Encoded: true, body: Buffer.from([1, 2, 3]).toString('base64') })).toMatchObject({
      body: Buffer.from([1, 2, 3]),
    });
    expect(toHttpResponse({ statusCode: 204 })).toMatchObject({ statusCode: 204, body: Buffer.alloc(0) });
  });

  it('answers BadResponse for a value that is not an object with a valid statusCode', () => {
    for (const value of [
      'hello',
      42,
      null,
      undefined,
      [1],
      { statusCode: 'ok' },
      { statusCode: 99 },
      { statusCode: 700 },
      { isBase64Encoded: true, body: 5 },
    ]) {
      expect(toHttpResponse(value)).toMatchObject({ error: 'BadResponse' });
    }
  });
});

it('measures a base64 body by what it decodes to, before decoding it', () => {
  const limit = RESPONSE_LIMITS.bodyBytes;
  const encoded = (bytes: number) => Buffer.alloc(bytes, 'b').toString('base64');
  expect(toHttpResponse({ isBase64Encoded: true, body: encoded(limit) })).toMatchObject({ statusCode: 200 });
  for (const bytes of [limit + 1, limit + 2, limit + 3])
    expect(toHttpResponse({ isBase64Encoded: true, body: encoded(bytes) })).toMatchObject({
      error: 'BadResponse',
      message: expect.stringContaining(`is ${bytes} bytes`),
    });
});

describe('toBodyBuffer', () => {
  it('sends a Buffer or string as is and JSON-encodes anything else', () => {
    expect(toBodyBuffer(Buffer.from([9]))).toEqual(Buffer.from([9]));
    expect(toBodyBuffer('text').toString()).toBe('text');
    expect(toBodyBuffer({ a: 1 }).toString()).toBe('{"a":1}');
    expect(toBodyBuffer(7).toString()).toBe('7');
    expect(toBodyBuffer(undefined).length).toBe(0);
  });
});
