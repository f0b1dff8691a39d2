import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FC_EXPOSE_HEADERS } from '../gateway/cors';
import { MIRROR, code } from './fixtures';
import { call, deployHttp, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const ORIGIN = 'https://app.example.com';
const preflight = (method = 'PUT', headers = 'content-type, x-token') => ({
  method: 'OPTIONS',
  headers: { origin: ORIGIN, 'access-control-request-method': method, 'access-control-request-headers': headers },
});
const trigger = (methods: string[], corsConfig?: object) => ({
  methods,
  authType: 'anonymous',
  ...(corsConfig ? { corsConfig } : {}),
});

/** The seed's own preflight example (the overview's Node.js code), verbatim apart from the export style. */
const SEED_PREFLIGHT = code(`exports.handler =  (event, context,callback) => {
      console.log('hello world');
      const method = JSON.parse(event).requestContext.http.method;
      if (method === 'OPTIONS') {
          const fcResponse = {
            'statusCode': 204,
            'headers': {
              'Access-Control-Allow-Origin': 'http://www.fc.com',
              'Access-Control-Allow-Methods': 'POST',
              'Access-Control-Allow-Headers': 'Content-Type, Authorization',
              'Access-Control-Max-Age':'3600'
            },
            'body': 'hello world'
        };
        callback(null, fcResponse);
      } else {
        callback(null, {
            'statusCode': 500,
            'body': 'hello world'
        });
      }
    };`);

describe('default CORS (no corsConfig): any origin is let in', () => {
  it('a simple request gets the Origin, credentials and the x-fc-* expose list; the function runs', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR, trigger(['GET']));
    const reply = await call(urlInternet, { headers: { origin: ORIGIN } });
    expect(reply.headers['x-answered-by']).toBe('function');
    expect(reply.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(reply.headers['access-control-allow-credentials']).toBe('true');
    expect(reply.headers['access-control-expose-headers']).toBe(FC_EXPOSE_HEADERS);
    expect((await call(urlInternet)).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a preflight to a trigger without OPTIONS is answered by the gateway, echoing what was asked', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR, trigger(['GET', 'PUT']));
    const reply = await call(urlInternet, preflight());
    expect(reply.status).toBe(204);
    expect(reply.headers['x-answered-by']).toBeUndefined();
    expect(reply.headers).toMatchObject({
      'access-control-allow-origin': ORIGIN,
      'access-control-allow-methods': 'PUT',
      'access-control-allow-headers': 'content-type, x-token',
      'access-control-allow-credentials': 'true',
    });
    expect(reply.headers['x-fc-request-id']).toBeTruthy();
  });

  it("a preflight to a trigger with OPTIONS goes to the function: the seed's example shapes it", async () => {
    const { urlInternet } = await deployHttp(h, SEED_PREFLIGHT, trigger(['POST', 'OPTIONS']));
    const reply = await call(urlInternet, preflight('POST'));
    expect(reply.status).toBe(204);
    // The function's own headers win over the defaults, which only fill what it did not set.
    expect(reply.all('access-control-allow-origin')).toEqual(['http://www.fc.com']);
    expect(reply.headers['access-control-allow-methods']).toBe('POST');
    expect(reply.headers['access-control-max-age']).toBe('3600');
    expect(reply.headers['access-control-allow-credentials']).toBe('true');
    const simple = await call(urlInternet, { method: 'POST', body: '{}' });
    expect([simple.status, simple.text]).toEqual([500, 'hello world']);
  });
});

describe('API-configured CORS', () => {
  const cors = {
    allowOrigins: [ORIGIN],
    allowMethods: ['GET', 'PUT'],
    allowHeaders: ['Content-Type', 'X-Token'],
    exposeHeaders: ['x-trace'],
    maxAge: 600,
  };

  it('a matching preflight is answered 204 with the configured headers; the function is not invoked', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR, trigger(['GET', 'PUT', 'OPTIONS'], cors));
    const reply = await call(urlInternet, preflight());
    expect(reply.status).toBe(204);
    expect(reply.headers['x-answered-by']).toBeUndefined();
    expect(reply.headers).toMatchObject({
      'access-control-allow-origin': ORIGIN,
      'access-control-allow-methods': 'GET, PUT',
      'access-control-allow-headers': 'Content-Type, X-Token',
      'access-control-max-age': '600',
    });
    expect(reply.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('max age defaults to 3600 and allowMethods to the trigger methods', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR, trigger(['GET', 'PUT'], { allowOrigins: ['https://*'] }));
    const reply = await call(urlInternet, preflight('PUT', ''));
    expect(reply.status).toBe(204);
    expect(reply.headers['access-control-max-age']).toBe('3600');
    expect(reply.headers['access-control-allow-methods']).toBe('GET, PUT');
  });

  it('a partial match (origin yes, method no) gets only the basic headers and goes to the function', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR, trigger(['GET', 'PUT', 'DELETE', 'OPTIONS'], cors));
    const reply = await call(urlInternet, preflight('DELETE'));
    expect(reply.headers['x-answered-by']).toBe('function');
    expect(reply.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(reply.headers['access-control-allow-methods']).toBeUndefined();
    expect(reply.headers['access-control-max-age']).toBeUndefined();
  });

  it('an origin that does not match gets no CORS headers and goes to the function', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR, trigger(['GET', 'PUT', 'OPTIONS'], cors));
    const pre = await call(urlInternet, {
      ...preflight(),
      headers: { ...preflight().headers, origin: 'https://evil.example.com' },
    });
    expect(pre.headers['x-answered-by']).toBe('function');
    expect(Object.keys(pre.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const simple = await call(urlInternet, { headers: { origin: 'https://evil.example.com' } });
    expect(simple.headers['x-answered-by']).toBe('function');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a matching simple request gets the configured headers and runs the function', async () => {
    const { urlInternet } = await deployHttp(h, MIRROR, trigger(['GET'], cors));
    const reply = await call(urlInternet, { headers: { origin: ORIGIN } });
    expect(reply.headers['x-answered-by']).toBe('function');
    expect(reply.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(reply.headers['access-control-expose-headers']).toBe('x-trace');
  });

  it('credentials: the origin is echoed (never *) with Allow-Credentials; * without credentials is *', async () => {
    const withCredentials = await deployHttp(
      h,
      MIRROR,
      trigger(['GET'], { allowOrigins: ['https://*'], allowCredentials: true }),
    );
    const reply = await call(withCredentials.urlInternet, { headers: { origin: ORIGIN } });
    expect(reply.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(reply.headers['access-control-allow-credentials']).toBe('true');
    const star = await deployHttp(h, MIRROR, trigger(['GET'], { allowOrigins: ['*'] }));
    const any = await call(star.urlInternet, { headers: { origin: 'http://localhost:5173' } });
    expect(any.headers['access-control-allow-origin']).toBe('*');
    expect(any.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it("the function's own CORS headers are merged in after the configured ones, never dropped", async () => {
    const fn = code(
      `exports.handler = async () => ({ statusCode: 200, headers: { 'Access-Control-Allow-Origin': 'https://fn.example.com', 'Access-Control-Expose-Headers': 'x-fn' }, body: 'ok' });`,
    );
    const { urlInternet } = await deployHttp(h, fn, trigger(['GET'], cors));
    const reply = await call(urlInternet, { headers: { origin: ORIGIN } });
    expect(reply.all('access-control-allow-origin')).toEqual([ORIGIN, 'https://fn.example.com']);
    expect(reply.all('access-control-expose-headers')).toEqual(['x-trace', 'x-fn']);
  });
});
