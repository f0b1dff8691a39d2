import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestBffApp } from '../../../mocks/bff-in-process';
import { seedFunction, seedTrigger } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { BASIC_PASSWORD, BASIC_PASSWORD_2 } from '../../../mocks/fixtures/triggers';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';
import type { HttpTestRequest, InvokeInput } from '../../contract/invocation';
import type { HttpTriggerConfig } from '../../contract/trigger';
import { CONSOLE_REQUEST_HEADER } from '../../contract/recorded-request';
import { parseCurl } from './testing/curl-request';

const server = useMockFc();

/** Set by the transport or by the signature's clock, never by the credential placement. */
const VARYING = new Set([
  'host',
  'content-length',
  'connection',
  'x-fc-log-type',
  'x-acs-date',
  'x-acs-signature-nonce',
]);

type Sent = { method: string; pathAndQuery: string; headers: Record<string, string>; body: string };

function comparable(method: string, url: URL, headers: Iterable<[string, string]>, body: string): Sent {
  const kept: Record<string, string> = {};
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (VARYING.has(lower)) continue;
    // The signature itself covers the date and nonce; its credential and signed header list must agree.
    const shown = lower === 'authorization' ? value.replace(/Signature=[0-9a-f]+/, 'Signature=…') : value;
    kept[lower] = kept[lower] === undefined ? shown : `${kept[lower]}, ${shown}`;
  }
  return { method, pathAndQuery: `${url.pathname}${url.search}`, headers: kept, body };
}

const request = (extra: Partial<HttpTestRequest> = {}): HttpTestRequest => ({
  kind: 'http',
  method: 'GET',
  path: '/p',
  query: [{ key: 'q', value: 'a b+c' }],
  headers: [{ key: 'Cookie', value: 'theme=dark' }],
  bodyType: 'text',
  body: '',
  ...extra,
});

const JWKS = { keys: [{ kty: 'RSA', n: 'abc', e: 'AQAB' }] };
const jwt = (tokenLookup: string): HttpTriggerConfig => ({
  methods: ['GET', 'POST'],
  authType: 'jwt',
  authConfig: { jwks: JWKS, tokenLookup },
});

/** Test Function's request as the trigger received it, and the copied cURL command's, for one setup. */
async function bothRequests(config: HttpTriggerConfig, auth: InvokeInput['auth'], testRequest = request()) {
  seedFunction(helloFunction);
  const { urls } = seedTrigger('hello-world', { triggerName: 'tr', triggerType: 'http', triggerConfig: config });
  const app = createTestBffApp();
  let received: Sent | undefined;
  server.use(
    http.all('*', async ({ request: incoming }) => {
      if (incoming.headers.get('host') !== new URL(urls.urlInternet).host) return undefined;
      const url = new URL(incoming.url);
      received = comparable(incoming.method, url, incoming.headers.entries(), await incoming.text());
      return new Response('ok');
    }),
  );
  const input = {
    mode: 'sync',
    triggerName: 'tr',
    endpoint: 'internet',
    request: testRequest,
    ...(auth ? { auth } : {}),
  };
  const tested = await callApi(app, 'POST', '/api/functions/hello-world/invocations', input);
  expect(tested.status).toBe(200);
  const copied = await callApi(app, 'POST', '/api/functions/hello-world/snippets', input);
  expect(copied.status).toBe(200);
  const curl = parseCurl(copied.body.curl);
  // Test Function marks its own request for the Requests inspector; a copied command comes from outside.
  expect(received?.headers[CONSOLE_REQUEST_HEADER]).toBeDefined();
  expect(curl.headers.some(([name]) => name.toLowerCase() === CONSOLE_REQUEST_HEADER)).toBe(false);
  const { [CONSOLE_REQUEST_HEADER]: _marker, ...testedHeaders } = received?.headers ?? {};
  return {
    tested: received && { ...received, headers: testedHeaders },
    copied: comparable(curl.method, curl.url, curl.headers, curl.body),
    curl: copied.body.curl,
  };
}

describe('Test Function and Copy as cURL send the same credentials', () => {
  const users = [
    { username: 'first-console-user', password: BASIC_PASSWORD },
    { username: 'second-console-user', password: BASIC_PASSWORD_2 },
  ];
  const basic: HttpTriggerConfig = { methods: ['GET'], authType: 'basic', authConfig: { users } };
  const tokens = [
    { name: 'ci', token: 'tok-ci-0123456789abcdef0123456789' },
    { name: 'ops', token: 'tok-ops-0123456789abcdef012345678' },
  ];
  const bearer: HttpTriggerConfig = { methods: ['GET'], authType: 'bearer', authConfig: { tokens } };

  it.each([
    ['Basic, the chosen user', basic, { type: 'basic', username: 'second-console-user' }],
    ['Basic, no user chosen', basic, undefined],
    ['Bearer, the chosen token', bearer, { type: 'bearer', tokenName: 'ops' }],
    ['Bearer, no token chosen', bearer, undefined],
    ['JWT in a header', jwt('header:X-Token:Bearer '), { type: 'jwt', token: 'e.y.j' }],
    ['JWT in a cookie', jwt('cookie:session'), { type: 'jwt', token: 'e.y.j' }],
    ['JWT in the query', jwt('query:jwt'), { type: 'jwt', token: 'e.y.j' }],
    ['Signature', { methods: ['GET'], authType: 'function' } as HttpTriggerConfig, undefined],
  ] as const)('%s', async (_name, config, auth) => {
    const { tested, copied } = await bothRequests(config, auth);
    expect(tested).toEqual(copied);
  });

  it('JWT in a form body: the token joins the fields already there, in both', async () => {
    const form = request({ method: 'POST', headers: [], body: 'name=a+b&x=%41' });
    const { tested, copied } = await bothRequests(jwt('form:token'), { type: 'jwt', token: 'e.y.j' }, form);
    expect(tested).toEqual(copied);
    expect(copied.body).toBe('name=a+b&x=%41&token=e.y.j');
    expect(copied.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('keeps the other cookies and query parameters as they were typed', async () => {
    const cookie = await bothRequests(jwt('cookie:session'), { type: 'jwt', token: 'e.y.j' });
    expect(cookie.copied.headers.cookie).toBe('theme=dark; session=e.y.j');
    const query = await bothRequests(jwt('query:jwt'), { type: 'jwt', token: 'e.y.j' });
    expect(query.copied.pathAndQuery).toBe('/p?q=a%20b%2Bc&jwt=e.y.j');
  });

  it('the first Basic user when none is chosen, without asking for one', async () => {
    const { copied, curl } = await bothRequests(basic, undefined);
    expect(copied.headers.authorization).toBe(`Basic ${btoa(`first-console-user:${BASIC_PASSWORD}`)}`);
    expect(curl).not.toContain('choose its credentials');
  });
});
