import { describe, expect, it } from 'vitest';
import type { CorsConfig } from '../../contract/cors-config';
import type { HttpMethod, HttpTriggerConfig } from '../../contract/trigger';
import { FC_EXPOSE_HEADERS, corsRequest, isPreflight, mergeCorsHeaders } from './cors';
import type { GatewayContext } from './gateway-context';
import { answered, makeContext } from './testing/gateway-context';

const ORIGIN = 'https://app.example.com';

function trigger(methods: HttpMethod[], corsConfig?: CorsConfig): HttpTriggerConfig {
  return { methods, authType: 'anonymous', authConfig: undefined, corsConfig };
}

function simple(t: HttpTriggerConfig, origin: string | null = ORIGIN): GatewayContext {
  return makeContext({ method: 'GET', trigger: t, headers: origin ? { origin } : {} });
}

function preflight(t: HttpTriggerConfig, method = 'PUT', requestHeaders?: string, origin = ORIGIN): GatewayContext {
  const headers: Record<string, string> = { origin, 'access-control-request-method': method };
  if (requestHeaders !== undefined) headers['access-control-request-headers'] = requestHeaders;
  return makeContext({ method: 'OPTIONS', trigger: t, headers });
}

describe('isPreflight', () => {
  it('needs OPTIONS, an Origin and Access-Control-Request-Method', () => {
    expect(
      isPreflight({ method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'PUT' } }),
    ).toBe(true);
    expect(isPreflight({ method: 'OPTIONS', headers: { origin: ORIGIN } })).toBe(false);
    expect(isPreflight({ method: 'OPTIONS', headers: { 'access-control-request-method': 'PUT' } })).toBe(false);
    expect(isPreflight({ method: 'PUT', headers: { origin: ORIGIN, 'access-control-request-method': 'PUT' } })).toBe(
      false,
    );
  });
});

describe('default CORS (no corsConfig)', () => {
  const t = trigger(['GET', 'PUT']);

  it('gives a simple request the request Origin, credentials and the FC headers, where the function sets none', () => {
    expect(corsRequest(simple(t))).toEqual({
      next: true,
      defaultResponseHeaders: {
        'access-control-allow-origin': ORIGIN,
        'access-control-allow-credentials': 'true',
        'access-control-expose-headers': FC_EXPOSE_HEADERS,
        vary: 'Origin',
      },
    });
    expect(FC_EXPOSE_HEADERS.split(',')).toContain('x-fc-request-id');
  });

  it('adds nothing to a request without an Origin', () => {
    expect(corsRequest(simple(t, null))).toEqual({ next: true });
  });

  it('answers a preflight itself with 204 when the trigger does not allow OPTIONS, echoing what was asked', () => {
    const response = answered(corsRequest(preflight(t, 'put', 'Content-Type, X-Token')));
    expect(response.status).toBe(204);
    expect(response.body).toBe('');
    expect(response.headers).toEqual({
      'access-control-allow-origin': ORIGIN,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'PUT',
      'access-control-allow-headers': 'Content-Type, X-Token',
      vary: 'Origin',
      'x-fc-request-id': 'req-1',
    });
  });

  it('leaves out Allow-Headers when the preflight asks for none', () => {
    expect(answered(corsRequest(preflight(t))).headers).not.toHaveProperty('access-control-allow-headers');
  });

  it('passes a preflight to the function when the trigger allows OPTIONS, with the defaults as fallback', () => {
    const result = corsRequest(preflight(trigger(['GET', 'OPTIONS'])));
    expect(result).toMatchObject({ next: true, defaultResponseHeaders: { 'access-control-allow-origin': ORIGIN } });
  });
});

describe('API-configured CORS', () => {
  const base: CorsConfig = {
    allowOrigins: [ORIGIN, 'https://other.example.com'],
    allowHeaders: ['Content-Type', 'X-Token'],
  };
  const t = trigger(['GET', 'PUT', 'OPTIONS'], base);
  const withCredentials = trigger(['GET', 'PUT'], {
    ...base,
    allowCredentials: true,
    exposeHeaders: ['X-Total'],
    maxAge: 0,
  });

  describe('simple request: only the Origin is checked', () => {
    it('adds Allow-Origin and the system default Expose-Headers on a match, and goes on to the function', () => {
      expect(corsRequest(simple(t))).toEqual({
        next: true,
        responseHeaders: {
          'access-control-allow-origin': ORIGIN,
          vary: 'Origin',
          'access-control-expose-headers': FC_EXPOSE_HEADERS,
        },
      });
    });

    it('adds credentials and the configured Expose-Headers when configured', () => {
      expect(corsRequest(simple(withCredentials))).toEqual({
        next: true,
        responseHeaders: {
          'access-control-allow-origin': ORIGIN,
          vary: 'Origin',
          'access-control-allow-credentials': 'true',
          'access-control-expose-headers': 'X-Total',
        },
      });
    });

    it('adds no CORS headers for another origin, and still goes on to the function', () => {
      expect(corsRequest(simple(t, 'https://evil.example.com'))).toEqual({ next: true });
      expect(corsRequest(simple(t, null))).toEqual({ next: true });
    });

    it('answers * when allowOrigins has * and credentials are off', () => {
      const star = trigger(['GET'], { allowOrigins: ['*'] });
      expect(corsRequest(simple(star))).toMatchObject({ responseHeaders: { 'access-control-allow-origin': '*' } });
      expect(corsRequest(simple(star))).not.toHaveProperty('responseHeaders.vary');
    });

    it('lets https://* admit every https origin and no http one', () => {
      const https = trigger(['GET'], { allowOrigins: ['https://*'] });
      expect(corsRequest(simple(https, 'https://any.example.org'))).toMatchObject({
        responseHeaders: { 'access-control-allow-origin': 'https://any.example.org' },
      });
      expect(corsRequest(simple(https, 'http://any.example.org'))).toEqual({ next: true });
    });
  });

  describe('preflight', () => {
    it('answers a full match with 204 and the configured headers, without the function', () => {
      const response = answered(corsRequest(preflight(t, 'PUT', 'content-type')));
      expect(response.status).toBe(204);
      expect(response.headers).toEqual({
        'access-control-allow-origin': ORIGIN,
        vary: 'Origin',
        'access-control-allow-methods': 'GET, PUT',
        'access-control-allow-headers': 'Content-Type, X-Token',
        'access-control-max-age': '3600',
        'x-fc-request-id': 'req-1',
      });
    });

    it('defaults Allow-Methods to the trigger methods without OPTIONS, and uses configured ones when set', () => {
      expect(answered(corsRequest(preflight(t))).headers['access-control-allow-methods']).toBe('GET, PUT');
      const configured = trigger(['GET', 'PUT', 'POST'], { ...base, allowMethods: ['POST'] });
      expect(answered(corsRequest(preflight(configured, 'POST'))).headers['access-control-allow-methods']).toBe('POST');
    });

    it('adds credentials, Expose-Headers and the configured Max-Age when configured', () => {
      const response = answered(corsRequest(preflight(withCredentials, 'GET')));
      expect(response.headers).toMatchObject({
        'access-control-allow-credentials': 'true',
        'access-control-expose-headers': 'X-Total',
        'access-control-max-age': '0',
      });
    });

    it('answers a configured * with the method and headers that were asked', () => {
      const star = trigger(['GET'], {
        allowOrigins: [ORIGIN],
        allowMethods: ['*'],
        allowHeaders: ['*'],
        allowCredentials: true,
      });
      const response = answered(corsRequest(preflight(star, 'DELETE', 'Authorization, X-Any')));
      expect(response.headers).toMatchObject({
        'access-control-allow-methods': 'DELETE',
        'access-control-allow-headers': 'Authorization, X-Any',
        'access-control-allow-credentials': 'true',
      });
    });

    it('sets only the basic headers and goes on to the function when the method is not allowed', () => {
      expect(corsRequest(preflight(t, 'DELETE'))).toEqual({
        next: true,
        responseHeaders: { 'access-control-allow-origin': ORIGIN, vary: 'Origin' },
      });
    });

    it('sets only the basic headers (credentials included) when a requested header is not allowed', () => {
      expect(corsRequest(preflight(withCredentials, 'PUT', 'Content-Type, X-Secret'))).toEqual({
        next: true,
        responseHeaders: {
          'access-control-allow-origin': ORIGIN,
          vary: 'Origin',
          'access-control-allow-credentials': 'true',
        },
      });
    });

    it('refuses requested headers when none are configured', () => {
      const none = trigger(['PUT'], { allowOrigins: [ORIGIN] });
      expect(corsRequest(preflight(none, 'PUT', 'X-Token'))).toEqual({
        next: true,
        responseHeaders: { 'access-control-allow-origin': ORIGIN, vary: 'Origin' },
      });
      expect(answered(corsRequest(preflight(none, 'PUT'))).status).toBe(204);
    });

    it('adds no CORS headers when the origin does not match', () => {
      expect(corsRequest(preflight(t, 'PUT', undefined, 'https://evil.example.com'))).toEqual({ next: true });
    });
  });
});

describe('mergeCorsHeaders', () => {
  it("puts configured CORS headers first and keeps the function's own, duplicates included", () => {
    const merged = mergeCorsHeaders({ responseHeaders: { 'access-control-allow-origin': ORIGIN } }, [
      ['Access-Control-Allow-Origin', 'https://fn.example.com'],
      ['Content-Type', 'text/plain'],
    ]);
    expect(merged).toEqual([
      ['access-control-allow-origin', ORIGIN],
      ['Access-Control-Allow-Origin', 'https://fn.example.com'],
      ['Content-Type', 'text/plain'],
    ]);
  });

  it('applies default CORS headers only where the function did not set them', () => {
    const merged = mergeCorsHeaders(
      { defaultResponseHeaders: { 'access-control-allow-origin': ORIGIN, 'access-control-allow-credentials': 'true' } },
      [['Access-Control-Allow-Origin', 'http://www.fc.com']],
    );
    expect(merged).toEqual([
      ['Access-Control-Allow-Origin', 'http://www.fc.com'],
      ['access-control-allow-credentials', 'true'],
    ]);
  });

  it('passes the function headers through untouched when there is nothing to merge', () => {
    expect(mergeCorsHeaders({}, [['x-a', '1']])).toEqual([['x-a', '1']]);
  });
});
