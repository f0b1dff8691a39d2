import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { HttpTriggerConfig } from '../../contract/trigger';
import { FC_EXPOSE_HEADERS } from './cors';
import type { GatewayContext, HeaderPair } from './gateway-context';
import { errorResponse, finishResponse, requestSteps, runRequestSteps, type RequestOutcome } from './pipeline';
import { makeContext } from './testing/gateway-context';

const ORIGIN = 'https://app.example.com';
const TOKEN = 'tokenAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const steps = requestSteps({ credentials: { accessKeyId: 'LTAIlocal', accessKeySecret: 'secret' } });
const bearerGet: HttpTriggerConfig = {
  methods: ['GET'],
  authType: 'bearer',
  authConfig: { tokens: [{ name: 'ci', token: TOKEN }] },
};

function run(overrides: Partial<GatewayContext>) {
  return runRequestSteps(makeContext(overrides), steps);
}

function answer(outcome: RequestOutcome) {
  if (!('respond' in outcome)) throw new Error('expected the gateway to answer');
  return { ...outcome.respond, json: outcome.respond.body ? JSON.parse(outcome.respond.body) : undefined };
}

function invoked(outcome: RequestOutcome) {
  if (!('invoke' in outcome)) throw new Error(`expected an invocation, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('request order', () => {
  it('runs internet URL, limits, CORS, method, auth', () => {
    expect(steps.map((s) => s.name)).toEqual(['internet-url', 'limits', 'cors', 'method', 'auth']);
  });

  it('answers a closed public endpoint before looking at the size of the request', async () => {
    const trigger = { ...bearerGet, disableURLInternet: true };
    const outcome = await run({ trigger, headers: { 'x-pad': 'a'.repeat(9000) } });
    expect(answer(outcome).json.Code).toBe('InternetURLDisabled');
  });

  it('answers an oversized request before the method check', async () => {
    const outcome = await run({ trigger: bearerGet, method: 'POST', bodyLength: 33554433 });
    expect(answer(outcome).json.Code).toBe('InvalidArgument');
  });

  it('answers a preflight itself (default CORS) although the trigger lacks OPTIONS and requires a token', async () => {
    const headers = {
      origin: ORIGIN,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    };
    const response = answer(await run({ trigger: bearerGet, method: 'OPTIONS', headers }));
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(response.headers['access-control-allow-headers']).toBe('authorization');
  });

  it('checks the method of a preflight that configured CORS passes on, keeping the basic CORS headers', async () => {
    const trigger: HttpTriggerConfig = { ...bearerGet, corsConfig: { allowOrigins: [ORIGIN] } };
    const headers = { origin: ORIGIN, 'access-control-request-method': 'DELETE' };
    const response = answer(await run({ trigger, method: 'OPTIONS', headers }));
    expect(response.status).toBe(403);
    expect(response.json.Code).toBe('MethodNotAllowed');
    expect(response.headers['access-control-allow-origin']).toBe(ORIGIN);
  });

  it('authenticates a preflight that goes on to the function', async () => {
    const trigger: HttpTriggerConfig = { ...bearerGet, methods: ['GET', 'OPTIONS'] };
    const headers = { origin: ORIGIN, 'access-control-request-method': 'GET' };
    const response = answer(await run({ trigger, method: 'OPTIONS', headers }));
    expect(response.status).toBe(401);
    expect(response.headers['access-control-allow-origin']).toBe(ORIGIN);
  });

  it("gives a browser the CORS headers on the gateway's own errors, so its code can read them", async () => {
    const response = answer(
      await run({ trigger: bearerGet, headers: { origin: ORIGIN, authorization: 'Bearer wrong' } }),
    );
    expect(response.status).toBe(401);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': ORIGIN,
      'access-control-allow-credentials': 'true',
      'www-authenticate': 'Bearer error="invalid_token"',
      'x-fc-request-id': 'req-1',
    });
  });
});

describe('the request the function receives', () => {
  it("is the client's without x-fc-* and hop-by-hop headers", async () => {
    const headers = {
      authorization: `Bearer ${TOKEN}`,
      'x-fc-account-id': 'spoofed',
      connection: 'keep-alive',
      'x-app': '1',
    };
    const { invoke } = invoked(await run({ trigger: bearerGet, headers }));
    expect(invoke.headers).toEqual({ authorization: `Bearer ${TOKEN}`, 'x-app': '1' });
  });

  it('carries the JWT claims passed by, over anything the client sent under those names', async () => {
    const secret = new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!!');
    const token = await new SignJWT({ uid: 'u-42' }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    const trigger: HttpTriggerConfig = {
      methods: ['GET'],
      authType: 'jwt',
      authConfig: {
        jwks: { keys: [{ kty: 'oct', k: Buffer.from(secret).toString('base64url') }] },
        tokenLookup: 'query:jwt',
        claimPassBy: 'header:uid:x-fc-uid,query:uid:uid',
      },
    };
    const { invoke } = invoked(await run({ trigger, query: `jwt=${token}&uid=forged`, headers: { 'x-uid': 'x' } }));
    expect(invoke.headers['x-fc-uid']).toBe('u-42');
    expect(new URLSearchParams(invoke.query).get('uid')).toBe('u-42');
  });
});

describe('the response the client receives', () => {
  const ctx = { endpoint: 'internet' as const, requestId: 'req-7' };
  const fnHeaders: HeaderPair[] = [
    ['Content-Type', 'text/plain'],
    ['X-Fc-Request-Id', 'forged'],
    ['Content-Disposition', 'attachment'],
    ['Access-Control-Allow-Origin', 'https://fn.example.com'],
  ];

  it('drops what the function may not set, merges CORS headers and adds x-fc-request-id', async () => {
    const { plan } = invoked(await run({ headers: { origin: ORIGIN } }));
    const response = finishResponse(ctx, plan, { status: 200, headers: fnHeaders, body: 'hi' });
    expect(response.status).toBe(200);
    expect(response.body).toBe('hi');
    expect(response.headers).toEqual([
      ['Content-Type', 'text/plain'],
      ['Access-Control-Allow-Origin', 'https://fn.example.com'],
      ['access-control-allow-credentials', 'true'],
      ['vary', 'Origin'],
      ['access-control-expose-headers', FC_EXPOSE_HEADERS],
      ['x-fc-request-id', 'req-7'],
    ]);
  });

  it('answers oversized function headers with 502 BadResponse, CORS headers kept', async () => {
    const { plan } = invoked(await run({ headers: { origin: ORIGIN } }));
    const response = finishResponse(ctx, plan, { status: 200, headers: [['x-big', 'a'.repeat(8200)]], body: '' });
    expect(response.status).toBe(502);
    expect(JSON.parse(String(response.body)).Code).toBe('BadResponse');
    expect(response.headers).toContainEqual(['access-control-allow-origin', ORIGIN]);
    expect(response.headers).toContainEqual(['x-fc-request-id', 'req-7']);
  });

  it('turns a runtime failure into a catalogue error with the CORS plan', () => {
    const response = errorResponse(
      ctx,
      { responseHeaders: { 'access-control-allow-origin': ORIGIN } },
      'FunctionTimeout',
      'timed out',
    );
    expect(response.status).toBe(502);
    expect(JSON.parse(String(response.body))).toEqual({
      Code: 'FunctionTimeout',
      Message: 'timed out',
      RequestId: 'req-7',
    });
    expect(response.headers).toContainEqual(['access-control-allow-origin', ORIGIN]);
  });
});
