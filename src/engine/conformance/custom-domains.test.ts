import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAcs3 } from '../../contract/acs3-signature';
import { $FC, zipBase64 } from '../openapi/testing/engine-kit';
import { MIRROR, code, type Mirrored } from './fixtures';
import { call, deployFunction, deployTrigger, startHarness, uniqueName, type Harness, sdkFailure } from './harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

type Route = { path: string; functionName: string; qualifier?: string; methods?: string[]; rewriteConfig?: object };

const domainName = () => `${uniqueName('d').replace(/_/g, '-').toLowerCase()}.localhost`;

function createDomain(name: string, routes: Route[], extra: Record<string, unknown> = {}) {
  return h.client.createCustomDomain(
    new $FC.CreateCustomDomainRequest({
      body: new $FC.CreateCustomDomainInput({
        domainName: name,
        protocol: 'HTTP',
        routeConfig: new $FC.RouteConfig({ routes: routes.map((r) => new $FC.PathConfig(r)) }),
        ...extra,
      }),
    }),
  );
}

/** A request to the custom domain as curl sends it: to the engine's loopback port, with the domain as Host. */
const viaDomain = (name: string, path: string, options: Parameters<typeof call>[1] = {}) =>
  call(`http://${name}:${h.engine.port}`, { ...options, path });

/** An event function that answers its name and the path it received. */
const NAMED = (name: string) =>
  code(`exports.handler = async (event) => {
  const req = JSON.parse(event);
  return { statusCode: 200, headers: { 'content-type': 'text/html' }, body: '${name} ' + req.rawPath };
};`);

describe('custom domains through the SDK', () => {
  it('creates, gets, lists by prefix and page, updates and deletes a domain in FC shapes', async () => {
    const fn = await deployFunction(h, MIRROR);
    const names = ['a', 'b', 'c'].map((p) => `${p}-${process.pid}.list.localhost`);
    for (const name of names) await createDomain(name, [{ path: '/*', functionName: fn }]);

    const got = await h.client.getCustomDomain(names[0]!);
    expect(got.body).toMatchObject({
      domainName: names[0],
      protocol: 'HTTP',
      apiVersion: '2023-03-30',
      routeConfig: { routes: [{ path: '/*', functionName: fn }] },
    });
    expect(got.body?.createdTime).toMatch(/^\d{4}-\d\d-\d\dT/);

    const first = await h.client.listCustomDomains(new $FC.ListCustomDomainsRequest({ prefix: 'a-', limit: 5 }));
    expect(first.body?.customDomains?.map((d) => d.domainName)).toEqual([names[0]]);
    const page1 = await h.client.listCustomDomains(new $FC.ListCustomDomainsRequest({ limit: 1 }));
    expect(page1.body?.customDomains).toHaveLength(1);
    expect(page1.body?.nextToken).toBeTruthy();
    const page2 = await h.client.listCustomDomains(
      new $FC.ListCustomDomainsRequest({ limit: 1, nextToken: page1.body?.nextToken }),
    );
    expect(page2.body?.customDomains?.[0]?.domainName).not.toBe(page1.body?.customDomains?.[0]?.domainName);

    const updated = await h.client.updateCustomDomain(
      names[1]!,
      new $FC.UpdateCustomDomainRequest({
        body: new $FC.UpdateCustomDomainInput({
          routeConfig: new $FC.RouteConfig({ routes: [new $FC.PathConfig({ path: '/x', functionName: fn })] }),
        }),
      }),
    );
    expect(updated.body?.routeConfig?.routes?.map((r) => r.path)).toEqual(['/x']);
    expect(updated.body?.protocol).toBe('HTTP');

    await h.client.deleteCustomDomain(names[2]!);
    expect(await sdkFailure(h.client.getCustomDomain(names[2]!))).toEqual({
      code: 'DomainNameNotFound',
      statusCode: 404,
    });
    expect(await sdkFailure(h.client.deleteCustomDomain(names[2]!))).toEqual({
      code: 'DomainNameNotFound',
      statusCode: 404,
    });
  });

  it('answers FC errors: an existing name 409, a route to a missing function 404, a bad name 400', async () => {
    const fn = await deployFunction(h, MIRROR);
    const name = domainName();
    await createDomain(name, [{ path: '/*', functionName: fn }]);
    expect(await sdkFailure(createDomain(name, []))).toEqual({ code: 'DomainNameAlreadyExists', statusCode: 409 });
    expect(await sdkFailure(createDomain(name.toUpperCase(), []))).toEqual({
      code: 'DomainNameAlreadyExists',
      statusCode: 409,
    });
    expect(await sdkFailure(createDomain(domainName(), [{ path: '/*', functionName: 'missing_fn' }]))).toEqual({
      code: 'FunctionNotFound',
      statusCode: 404,
    });
    expect(await sdkFailure(createDomain(domainName(), [{ path: '/*', functionName: fn, qualifier: 'nope' }]))).toEqual(
      {
        code: 'AliasNotFound',
        statusCode: 404,
      },
    );
    expect(await sdkFailure(createDomain('-bad.localhost', []))).toEqual({ code: 'InvalidArgument', statusCode: 400 });
    expect(await sdkFailure(createDomain(domainName(), [{ path: 'api/*', functionName: fn }]))).toEqual({
      code: 'InvalidArgument',
      statusCode: 400,
    });
  });
});

describe('requests through a custom domain (Host header, port ignored)', () => {
  it('routes /api/* and /* to two functions and keeps serving when their internet URLs are disabled', async () => {
    const api = await deployFunction(h, NAMED('api'));
    const web = await deployFunction(h, NAMED('web'));
    const closed = { methods: ['GET'], authType: 'anonymous', disableURLInternet: true };
    const apiTrigger = await deployTrigger(h, api, closed);
    await deployTrigger(h, web, closed);
    const name = domainName();
    await createDomain(name, [
      { path: '/*', functionName: web },
      { path: '/api/*', functionName: api },
    ]);

    expect((await call(apiTrigger.urlInternet, { path: '/api/x' })).status).toBe(403);
    const viaApi = await viaDomain(name, '/api/users?id=7');
    expect([viaApi.status, viaApi.text]).toEqual([200, 'api /api/users']);
    expect(viaApi.headers['x-fc-request-id']).toBeTruthy();
    expect(viaApi.headers['content-disposition']).toBeUndefined();
    const viaWeb = await viaDomain(name, '/index.html');
    expect([viaWeb.status, viaWeb.text]).toEqual([200, 'web /index.html']);
    // The trigger allows GET only; the route allows every method, and the route's are what apply.
    expect((await viaDomain(name, '/api', { method: 'POST', body: 'x' })).text).toBe('web /api');
  });

  it('serves a function without any HTTP trigger, as FC 3.0 domains route to functions directly', async () => {
    const fn = await deployFunction(h, NAMED('bare'));
    const name = domainName();
    await createDomain(name, [{ path: '/*', functionName: fn }]);
    expect((await viaDomain(name, '/')).text).toBe('bare /');
  });

  it('prefers an exact path over wildcards, and the longest wildcard prefix', async () => {
    const [exact, long, short] = await Promise.all(['exact', 'long', 'short'].map((n) => deployFunction(h, NAMED(n))));
    const name = domainName();
    await createDomain(name, [
      { path: '/login/*', functionName: short! },
      { path: '/login/a/*', functionName: long! },
      { path: '/login/a/b', functionName: exact! },
    ]);
    expect((await viaDomain(name, '/login/a/b')).text).toBe('exact /login/a/b');
    expect((await viaDomain(name, '/login/a/c')).text).toBe('long /login/a/c');
    expect((await viaDomain(name, '/login/z')).text).toBe('short /login/z');
  });

  it('answers 404 DomainRouteNotFound for a path no route serves', async () => {
    const fn = await deployFunction(h, MIRROR);
    const name = domainName();
    await createDomain(name, [{ path: '/api/*', functionName: fn }]);
    const reply = await viaDomain(name, '/other');
    expect(reply.status).toBe(404);
    expect(reply.json()).toMatchObject({ Code: 'DomainRouteNotFound', RequestId: reply.headers['x-fc-request-id'] });
    expect((await viaDomain(name, '/api')).status).toBe(404);
  });

  it("applies the route's methods: another route that allows the method, else 403 MethodNotAllowed", async () => {
    const [reader, writer] = await Promise.all(['reader', 'writer'].map((n) => deployFunction(h, NAMED(n))));
    const name = domainName();
    await createDomain(name, [
      { path: '/items/*', functionName: reader!, methods: ['GET'] },
      { path: '/items/*', functionName: writer!, methods: ['POST'] },
    ]);
    expect((await viaDomain(name, '/items/1')).text).toBe('reader /items/1');
    expect((await viaDomain(name, '/items/1', { method: 'POST', body: '{}' })).text).toBe('writer /items/1');
    const refused = await viaDomain(name, '/items/1', { method: 'DELETE' });
    expect([refused.status, refused.json().Code]).toEqual([403, 'MethodNotAllowed']);
  });

  it('gives the function the rewritten path and keeps the query', async () => {
    const fn = await deployFunction(h, MIRROR);
    const name = domainName();
    await createDomain(name, [
      {
        path: '/api/*',
        functionName: fn,
        rewriteConfig: new $FC.RewriteConfig({
          equalRules: [new $FC.EqualRule({ match: '/api/old', replacement: '/new' })],
          wildcardRules: [new $FC.WildcardRule({ match: '^/api/v1/*', replacement: '/v1/$1' })],
          regexRules: [new $FC.RegexRule({ match: '^/api/(\\w+)/(\\d+)$', replacement: '/$1?id=$2' })],
        }),
      },
    ]);
    const seen = async (path: string) => (await viaDomain(name, path)).json<Mirrored>();
    expect((await seen('/api/old')).rawPath).toBe('/new');
    expect(await seen('/api/v1/users?page=2')).toMatchObject({ rawPath: '/v1/users', query: { page: '2' } });
    expect(await seen('/api/users/42')).toMatchObject({ rawPath: '/users', query: { id: '42' } });
    expect((await seen('/api/plain')).rawPath).toBe('/api/plain');
  });

  it('runs a catastrophic regex rule in linear time and refuses the patterns that cannot be (a backreference)', async () => {
    const fn = await deployFunction(h, MIRROR);
    const name = domainName();
    const regexRoute = (match: string) => ({
      path: '/*',
      functionName: fn,
      rewriteConfig: new $FC.RewriteConfig({ regexRules: [new $FC.RegexRule({ match, replacement: '/matched' })] }),
    });
    await createDomain(name, [regexRoute('^/(a+)+$')]);
    // A backtracking engine needs about 2^40 steps for this path; the gateway answers it at once.
    const attack = `/${'a'.repeat(40)}b`;
    expect((await (await viaDomain(name, attack)).json<Mirrored>()).rawPath).toBe(attack);
    expect((await (await viaDomain(name, '/aaa')).json<Mirrored>()).rawPath).toBe('/matched');

    expect(await sdkFailure(createDomain(domainName(), [regexRoute('^/(a+)\\1$')]))).toEqual({
      code: 'InvalidArgument',
      statusCode: 400,
    });
  });

  it('refuses a rule whose counted repetition would keep V8 backtracking (its linear engine copies at most 16)', async () => {
    const fn = await deployFunction(h, MIRROR);
    const regexRoute = (match: string) => ({
      path: '/*',
      functionName: fn,
      rewriteConfig: new $FC.RewriteConfig({ regexRules: [new $FC.RegexRule({ match, replacement: '/matched' })] }),
    });
    // `(a+)+` with `b{0,17}` beside it: V8 never falls back, and `/aaaa…!` holds the gateway for hours.
    for (const match of ['^/(a+)+(b{0,17})?$', '^/((((a+)+)+)+)+$', '^/(a+)+(x{1000})?$'])
      expect(await sdkFailure(createDomain(domainName(), [regexRoute(match)])), match).toEqual({
        code: 'InvalidArgument',
        statusCode: 400,
      });
    const name = domainName();
    await createDomain(name, [regexRoute('^/(a+)+(b{0,16})?$')]);
    const attack = `/${'a'.repeat(40)}!`;
    expect((await (await viaDomain(name, attack)).json<Mirrored>()).rawPath).toBe(attack);
  });

  it("runs the route's qualifier: a published version keeps answering after LATEST changes", async () => {
    const fn = await deployFunction(h, NAMED('v1'));
    await h.client.publishFunctionVersion(
      fn,
      new $FC.PublishFunctionVersionRequest({ body: new $FC.PublishVersionInput({}) }),
    );
    await h.client.updateFunction(
      fn,
      new $FC.UpdateFunctionRequest({
        body: new $FC.UpdateFunctionInput({
          code: new $FC.InputCodeLocation({ zipFile: zipBase64(NAMED('latest').files) }),
        }),
      }),
    );
    const name = domainName();
    await createDomain(name, [
      { path: '/stable/*', functionName: fn, qualifier: '1' },
      { path: '/*', functionName: fn },
    ]);
    expect((await viaDomain(name, '/stable/x')).text).toBe('v1 /stable/x');
    expect((await viaDomain(name, '/x')).text).toBe('latest /x');
  });

  it("applies the domain's own auth, not the trigger's: function auth refuses an unsigned request", async () => {
    const fn = await deployFunction(h, NAMED('guarded'));
    await deployTrigger(h, fn, { methods: ['GET'], authType: 'anonymous' });
    const name = domainName();
    await createDomain(name, [{ path: '/*', functionName: fn }], {
      authConfig: new $FC.AuthConfig({ authType: 'function' }),
    });
    const reply = await viaDomain(name, '/');
    expect(reply.status).toBe(400);
    expect(reply.json().Code).toBe('MissingRequiredHeader');
  });

  it('serves a wildcard domain for its subdomains, the exact domain first, and ignores the port', async () => {
    const [wild, exact] = await Promise.all(['wild', 'exact'].map((n) => deployFunction(h, NAMED(n))));
    const base = domainName();
    await createDomain(`*.${base}`, [{ path: '/*', functionName: wild! }]);
    await createDomain(`shop.${base}`, [{ path: '/*', functionName: exact! }]);
    expect((await viaDomain(`a.${base}`, '/')).text).toBe('wild /');
    expect((await viaDomain(`shop.${base}`, '/')).text).toBe('exact /');
    const noPort = await call(`http://${h.engine.url.split('//')[1]}`, {
      path: '/',
      headers: { host: `SHOP.${base}` },
    });
    expect(noPort.text).toBe('exact /');
  });

  it('stops serving a deleted domain: its Host is the OpenAPI again', async () => {
    const fn = await deployFunction(h, NAMED('gone'));
    const name = domainName();
    await createDomain(name, [{ path: '/*', functionName: fn }]);
    expect((await viaDomain(name, '/')).status).toBe(200);
    await h.client.deleteCustomDomain(name);
    const after = await viaDomain(name, '/');
    expect(after.text).not.toContain('gone');
  });
});

describe("the domain's authentication", () => {
  it('function: a request signed over the path as sent passes, and the function gets the rewritten path', async () => {
    const fn = await deployFunction(h, MIRROR);
    const name = domainName();
    await createDomain(
      name,
      [
        {
          path: '/api/*',
          functionName: fn,
          rewriteConfig: new $FC.RewriteConfig({
            wildcardRules: [new $FC.WildcardRule({ match: '^/api/*', replacement: '/$1' })],
          }),
        },
      ],
      { authConfig: new $FC.AuthConfig({ authType: 'function' }) },
    );
    const { accessKeyId, accessKeySecret } = h.engine.credentials;
    const headers = signAcs3(
      {
        method: 'GET',
        rawPath: '/api/me',
        query: '',
        headers: { host: `${name}:${h.engine.port}` },
        body: Buffer.alloc(0),
      },
      { accessKeyId, accessKeySecret },
    );
    delete headers.host;
    const signed = await viaDomain(name, '/api/me', { headers });
    expect(signed.status).toBe(200);
    expect(signed.json<Mirrored>().rawPath).toBe('/me');
    const forged = await viaDomain(name, '/api/other', { headers });
    expect(forged.status).toBe(403);
  });

  it('jwt: authInfo holds the trigger JWT settings; a valid token passes, none is 401', async () => {
    const keys = await generateKeyPair('RS256');
    const jwks = { keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256' }] };
    const fn = await deployFunction(h, MIRROR);
    const name = domainName();
    const authInfo = JSON.stringify({
      jwks,
      tokenLookup: 'header:Authorization:Bearer ',
      claimPassBy: 'header:uid:x-uid',
    });
    await createDomain(name, [{ path: '/*', functionName: fn }], {
      authConfig: new $FC.AuthConfig({ authType: 'jwt', authInfo }),
    });
    const token = await new SignJWT({ uid: 'u-7' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(keys.privateKey);
    const passed = await viaDomain(name, '/me', { headers: { authorization: `Bearer ${token}` } });
    expect(passed.status).toBe(200);
    expect(passed.json<Mirrored>().headers['X-Uid']).toBe('u-7');
    expect((await viaDomain(name, '/me')).status).toBe(401);
  });
});
