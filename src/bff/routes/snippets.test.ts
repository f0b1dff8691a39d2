import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_CONNECTION, createTestBffApp, type TestBffApp } from '../../../mocks/bff-in-process';
import { seedFunction, seedTrigger } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import {
  BASIC_PASSWORD,
  BEARER_TOKEN,
  anonymousTrigger,
  basicTrigger,
  bearerTrigger,
} from '../../../mocks/fixtures/triggers';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';
import type { HttpTestRequest } from '../../contract/invocation';
import type { SnippetInput } from '../../contract/snippet';
import type { TriggerCreateInput } from '../../contract/trigger';
import { shellQuote } from '../snippets/render-snippets';

useMockFc();
afterEach(() => vi.useRealTimers());

const PATH = '/api/functions/hello-world/snippets';

const getRequest: HttpTestRequest = {
  kind: 'http',
  method: 'GET',
  path: '/',
  query: [],
  headers: [],
  bodyType: 'text',
  body: '',
};
const postRequest: HttpTestRequest = {
  kind: 'http',
  method: 'POST',
  path: '/orders/new item',
  query: [
    { key: 'q', value: 'a b&c' },
    { key: 'n', value: '1' },
  ],
  headers: [{ key: 'X-Trace', value: "it's" }],
  bodyType: 'json',
  body: '{"name":"O\'Brien"}',
};

const signatureTrigger: TriggerCreateInput = {
  triggerName: 'signed-trigger',
  triggerType: 'http',
  triggerConfig: { methods: ['GET', 'POST'], authType: 'function' },
};

const jwtTrigger = (tokenLookup: string): TriggerCreateInput => ({
  triggerName: 'jwt-trigger',
  triggerType: 'http',
  triggerConfig: {
    methods: ['GET'],
    authType: 'jwt',
    authConfig: { jwks: { keys: [{ kty: 'RSA', n: 'abc', e: 'AQAB' }] }, tokenLookup },
  },
});

function given(trigger: TriggerCreateInput) {
  seedFunction(helloFunction);
  const stored = seedTrigger('hello-world', trigger);
  return { app: createTestBffApp(), urls: stored.urls };
}

function snippet(app: TestBffApp, input: Partial<SnippetInput> & Pick<SnippetInput, 'triggerName'>) {
  return callApi(app, 'POST', PATH, { request: getRequest, mode: 'sync', endpoint: 'internet', ...input });
}

describe('POST /api/functions/:fn/snippets', () => {
  it('writes the exact URL, headers and body of an anonymous request, quoted for the shell', async () => {
    const { app, urls } = given(anonymousTrigger);
    const res = await snippet(app, { triggerName: 'http-trigger', request: postRequest });
    expect(res.status).toBe(200);
    const url = `${urls.urlInternet}/orders/new%20item?q=a%20b%26c&n=1`;
    expect(res.body.curl).toBe(
      [
        `curl -v '${url}' \\`,
        `  -H 'X-Trace: it'\\''s' \\`,
        `  -H 'content-type: application/json' \\`,
        `  --data-raw '{"name":"O'\\''Brien"}'`,
      ].join('\n'),
    );
    expect(res.body.fetch).toBe(
      [
        `const response = await fetch("${url}", {`,
        '  method: "POST",',
        '  headers: {',
        `    "X-Trace": "it's",`,
        '    "content-type": "application/json"',
        '  },',
        `  body: "{\\"name\\":\\"O'Brien\\"}",`,
        '});',
        'console.log(response.status, await response.text());',
      ].join('\n'),
    );
    expect(res.body.expiresAt).toBeUndefined();
  });

  it('quotes anything so that the shell passes it through unchanged', () => {
    for (const text of ["it's", `a"b$HOME\`id\`\\n`, "''", 'line one\nline two', '!event #no-comment'])
      expect(execFileSync('bash', ['-c', `printf %s ${shellQuote(text)}`], { encoding: 'utf8' })).toBe(text);
  });

  it('adds X-Fc-Invocation-Type: Async for an asynchronous call, and uses the internal endpoint when asked', async () => {
    const { app, urls } = given(anonymousTrigger);
    const res = await snippet(app, { triggerName: 'http-trigger', mode: 'async', endpoint: 'intranet' });
    expect(res.body.curl).toBe(`curl -v '${urls.urlIntranet}/' \\\n  -H 'X-Fc-Invocation-Type: Async'`);
    expect(res.body.fetch).toContain('"X-Fc-Invocation-Type": "Async"');
  });

  it('sends the chosen Basic user with its stored password', async () => {
    const { app } = given(basicTrigger);
    const res = await snippet(app, {
      triggerName: 'basic-trigger',
      auth: { type: 'basic', username: 'console-admin' },
    });
    expect(res.body.curl).toContain(`\\\n  -u 'console-admin:${BASIC_PASSWORD}'`);
    const basic = Buffer.from(`console-admin:${BASIC_PASSWORD}`).toString('base64');
    expect(res.body.fetch).toContain(`"Authorization": "Basic ${basic}"`);
  });

  it('refuses a Basic user the trigger does not have, naming the field', async () => {
    const { app } = given(basicTrigger);
    const res = await snippet(app, {
      triggerName: 'basic-trigger',
      auth: { type: 'basic', username: 'someone-else-here' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'InvalidArgument',
      fields: { 'auth.username': expect.stringContaining('someone-else-here') },
    });
  });

  it('asks for a JWT only when neither the test nor the request itself carries one', async () => {
    const { app } = given(jwtTrigger('header:Authorization:Bearer '));
    const none = await snippet(app, { triggerName: 'jwt-trigger' });
    expect(none.body.curl).toMatch(/^# The trigger uses JWT Authentication: paste a token/);
    const typed = await snippet(app, {
      triggerName: 'jwt-trigger',
      request: { ...getRequest, headers: [{ key: 'Authorization', value: 'Bearer eyJ.typed.sig' }] },
    });
    expect(typed.body.curl).not.toContain('# The trigger uses JWT');
    expect(typed.body.curl).toContain(`-H 'Authorization: Bearer eyJ.typed.sig'`);
    const pasted = await snippet(app, { triggerName: 'jwt-trigger', auth: { type: 'jwt', token: 'eyJ.pasted.sig' } });
    expect(pasted.body.curl).not.toContain('# The trigger uses JWT');
  });

  it('sends the chosen Bearer token', async () => {
    const { app } = given(bearerTrigger);
    const res = await snippet(app, { triggerName: 'bearer-trigger', auth: { type: 'bearer', tokenName: 'ci' } });
    expect(res.body.curl).toContain(`-H 'Authorization: Bearer ${BEARER_TOKEN}'`);
    expect(res.body.fetch).toContain(`"Authorization": "Bearer ${BEARER_TOKEN}"`);
  });

  it('puts a pasted JWT in the first header source of tokenLookup, or its cookie', async () => {
    const { app } = given(jwtTrigger('cookie:session,header:X-Token:Token ,header:Authorization:Bearer '));
    const res = await snippet(app, { triggerName: 'jwt-trigger', auth: { type: 'jwt', token: 'eyJ.payload.sig' } });
    expect(res.body.curl).toContain(`-H 'X-Token: Token eyJ.payload.sig'`);
    expect(res.body.curl).not.toContain('Authorization');

    const cookieOnly = jwtTrigger('cookie:session');
    seedTrigger('hello-world', { ...cookieOnly, triggerName: 'cookie-trigger', qualifier: 'LATEST' });
    const cookie = await snippet(app, {
      triggerName: 'cookie-trigger',
      auth: { type: 'jwt', token: 'eyJ.payload.sig' },
    });
    expect(cookie.body.curl).toContain(`-H 'Cookie: session=eyJ.payload.sig'`);
  });

  it('signs a Signature-auth request in the bff and says how long it stays valid', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T08:00:00.000Z'));
    const { app } = given(signatureTrigger);
    const res = await snippet(app, { triggerName: 'signed-trigger', request: postRequest });
    expect(res.status).toBe(200);
    expect(res.body.expiresAt).toBe('2025-03-01T08:15:00.000Z');
    expect(res.body.curl).toMatch(
      /^# Signed at 2025-03-01T08:00:00.000Z; valid until 2025-03-01T08:15:00.000Z \(15 minutes\)\ncurl -v /,
    );
    expect(res.body.curl).toContain(`-H 'x-acs-date: 2025-03-01T08:00:00Z'`);
    expect(res.body.curl).toMatch(
      new RegExp(
        `-H 'Authorization: ACS3-HMAC-SHA256 Credential=${TEST_CONNECTION.accessKeyId},SignedHeaders=content-type;host;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce,Signature=[0-9a-f]{64}'`,
      ),
    );
    expect(res.body.fetch).toMatch(/^\/\/ Signed at 2025-03-01T08:00:00.000Z; valid until/);
    // The AccessKey secret stays in the bff.
    expect(res.text).not.toContain(TEST_CONNECTION.accessKeySecret);
  });

  it('answers 404 for a trigger that does not exist and 400 naming a bad field', async () => {
    const { app } = given(anonymousTrigger);
    const missing = await snippet(app, { triggerName: 'no-such-trigger' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('TriggerNotFound');

    const bad = await snippet(app, { triggerName: 'http-trigger', request: { ...getRequest, path: 'no-slash' } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({ 'request.path': 'testRequest.path.format' });
  });

  it('refuses a lone surrogate in a query, header or body with 400 naming the field, as /invocations does', async () => {
    const { app } = given(anonymousTrigger);
    const lone = '\ud800';
    const cases: Array<[Partial<HttpTestRequest>, string]> = [
      [{ query: [{ key: lone, value: 'v' }] }, 'request.query.0.key'],
      [{ query: [{ key: 'k', value: lone }] }, 'request.query.0.value'],
      [{ headers: [{ key: 'X-A', value: lone }] }, 'request.headers.0.value'],
      [{ method: 'POST', body: `x${lone}` }, 'request.body'],
    ];
    for (const [edit, field] of cases) {
      const request = { ...getRequest, ...edit };
      for (const path of [PATH, '/api/functions/hello-world/invocations']) {
        const res = await callApi(app, 'POST', path, {
          request,
          mode: 'sync',
          endpoint: 'internet',
          triggerName: 'http-trigger',
        });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'InvalidArgument', fields: { [field]: 'text.wellFormed' } });
      }
    }
  });
});
