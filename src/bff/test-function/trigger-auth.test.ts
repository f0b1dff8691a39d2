import { describe, expect, it } from 'vitest';
import type { HttpTriggerConfig } from '../../contract/trigger';
import { toResponseBody } from './response-body';
import { authorize, type PreparedRequest } from './trigger-auth';

const JWKS = { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] };
const noKey = () => Promise.reject(new Error('not asked'));
const request = (): PreparedRequest => ({
  method: 'GET',
  url: new URL('http://fn.cn-hangzhou.fcapp.localhost:3001/p'),
  headers: { cookie: 'a=1' },
  body: Buffer.alloc(0),
});
const jwt = (tokenLookup: string): HttpTriggerConfig =>
  ({ methods: ['GET'], authType: 'jwt', authConfig: { jwks: JWKS, tokenLookup } }) as HttpTriggerConfig;

describe('the credentials Test Function adds', () => {
  it('puts a pasted JWT in the first header source, with its prefix', async () => {
    const sent = await authorize(
      jwt('cookie:token,header:X-Token:Bearer '),
      { type: 'jwt', token: 'abc' },
      request(),
      noKey,
    );
    expect(sent.headers['x-token']).toBe('Bearer abc');
    expect(sent.headers.cookie).toBe('a=1');
  });

  it('falls back to a cookie or a query parameter when the trigger reads no header', async () => {
    const cookie = await authorize(jwt('cookie:token'), { type: 'jwt', token: 'abc' }, request(), noKey);
    expect(cookie.headers.cookie).toBe('a=1; token=abc');
    const query = await authorize(jwt('query:jwt'), { type: 'jwt', token: 'abc' }, request(), noKey);
    expect(query.url.search).toBe('?jwt=abc');
  });

  it("sends the chosen Bearer token by name, else the trigger's first", async () => {
    const config = {
      methods: ['GET'],
      authType: 'bearer',
      authConfig: {
        tokens: [
          { name: 'ci', token: 'first-token' },
          { name: 'ops', token: 'second-token' },
        ],
      },
    } as HttpTriggerConfig;
    expect(
      (await authorize(config, { type: 'bearer', tokenName: 'ops' }, request(), noKey)).headers.authorization,
    ).toBe('Bearer second-token');
    expect((await authorize(config, undefined, request(), noKey)).headers.authorization).toBe('Bearer first-token');
    await expect(authorize(config, { type: 'bearer', tokenName: 'nope' }, request(), noKey)).rejects.toMatchObject({
      status: 400,
    });
  });
});

describe('a response body as the console shows it', () => {
  it('is text when it is UTF-8 and not a binary type, else base64 with its size', () => {
    expect(toResponseBody(Buffer.from('héllo'), { contentType: 'text/plain' })).toEqual({
      encoding: 'text',
      data: 'héllo',
      size: 6,
      contentType: 'text/plain',
    });
    expect(toResponseBody(Buffer.from([0xff, 0xfe]))).toMatchObject({ encoding: 'base64', data: '//4=', size: 2 });
    expect(toResponseBody(Buffer.from('GIF89a'), { contentType: 'image/gif' })).toMatchObject({ encoding: 'base64' });
    expect(toResponseBody(Buffer.from('{}'), { contentType: 'application/vnd.api+json' })).toMatchObject({
      encoding: 'text',
    });
  });

  it('keeps a body cut at 1 MB inside a character as text, and says it was cut', () => {
    const cut = Buffer.from('aé').subarray(0, 2);
    expect(toResponseBody(cut, { size: 3_000_000, truncated: true })).toEqual({
      encoding: 'text',
      data: 'a',
      size: 3_000_000,
      truncated: true,
    });
  });
});
