import { beforeEach, describe, expect, it } from 'vitest';
import { createTestBffApp, TEST_CONNECTION } from '../../../mocks/bff-in-process';
import { INLINE_REWRITE_WORK } from '../../contract/regexp-cost';
import { customDomainGateway } from '../../../mocks/custom-domain-gateway';
import { seedFunction } from '../../../mocks/fc-seed';
import { fcState } from '../../../mocks/fc-state';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';

const server = useMockFc();
const BASE = '/api/custom-domains';
const DOMAIN = 'shop.example.localhost';
const shop = {
  domainName: DOMAIN,
  protocol: 'HTTP',
  routeConfig: {
    routes: [
      { path: '/api/*', functionName: 'api-fn', qualifier: 'LATEST', methods: ['GET', 'POST'] },
      { path: '/*', functionName: 'site-fn' },
    ],
  },
};

beforeEach(() => {
  server.use(customDomainGateway);
  seedFunction({ ...helloFunction, functionName: 'api-fn' });
  seedFunction({ ...helloFunction, functionName: 'site-fn' });
});

describe('custom domains', () => {
  it('creates, lists, gets, updates and deletes a domain, each with the URL it answers at', async () => {
    const app = createTestBffApp();
    const created = await callApi(app, 'POST', BASE, shop);
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      domainName: DOMAIN,
      protocol: 'HTTP',
      url: 'http://shop.example.localhost:3001',
      routeConfig: {
        routes: [
          { path: '/api/*', functionName: 'api-fn' },
          { path: '/*', functionName: 'site-fn' },
        ],
      },
    });
    expect((await callApi(app, 'GET', BASE)).body).toEqual({ customDomains: [created.body] });
    expect((await callApi(app, 'GET', `${BASE}/${DOMAIN}`)).body).toEqual(created.body);

    const routes = [{ path: '/*', functionName: 'api-fn', qualifier: 'LATEST' }];
    const updated = await callApi(app, 'PUT', `${BASE}/${DOMAIN}`, { routeConfig: { routes } });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body.routeConfig.routes).toEqual(routes);

    expect((await callApi(app, 'DELETE', `${BASE}/${DOMAIN}`)).status).toBe(204);
    const gone = await callApi(app, 'GET', `${BASE}/${DOMAIN}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('DomainNameNotFound');
  });

  it('names each refused field by its contract rule', async () => {
    const res = await callApi(createTestBffApp(), 'POST', BASE, {
      domainName: 'not a domain',
      routeConfig: { routes: [{ path: 'api', functionName: '9fn' }] },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'InvalidArgument',
      fields: {
        domainName: 'domain.name.format',
        'routeConfig.routes.0.path': 'domain.route.path.format',
        'routeConfig.routes.0.functionName': 'name.format',
      },
    });
  });

  it('answers a domain in the cloud at http://<domain>', async () => {
    const app = createTestBffApp({ ...TEST_CONNECTION, mode: 'cloud' });
    const created = await callApi(app, 'POST', BASE, shop);
    expect(created.body.url).toBe('http://shop.example.localhost');
  });

  it('refuses an edit made on a version someone else has saved over, and overwrites when told', async () => {
    const app = createTestBffApp();
    await callApi(app, 'POST', BASE, shop);
    // The panel opened the domain as saved a while ago; someone else saves it now.
    const opened = '"2026-01-01T00:00:00.000Z"';
    fcState.customDomains.get(DOMAIN)!.lastModifiedTime = '2026-01-01T00:00:00.000Z';
    await callApi(app, 'PUT', `${BASE}/${DOMAIN}`, { protocol: 'HTTP' });

    const edit = { routeConfig: { routes: [{ path: '/*', functionName: 'site-fn' }] } };
    const stale = await callApi(app, 'PUT', `${BASE}/${DOMAIN}`, edit, { 'if-match': opened });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('CustomDomainChanged');
    expect((await callApi(app, 'GET', `${BASE}/${DOMAIN}`)).body.routeConfig.routes).toHaveLength(2);

    const current = (await callApi(app, 'GET', `${BASE}/${DOMAIN}`)).body.lastModifiedTime;
    const saved = await callApi(app, 'PUT', `${BASE}/${DOMAIN}`, edit, { 'if-match': `"${current}"` });
    expect(saved.status).toBe(200);
    expect(saved.body.routeConfig.routes).toEqual(edit.routeConfig.routes);
  });
});

describe('a request through the domain', () => {
  it('reaches the route the gateway chooses, and says which one matched', async () => {
    const app = createTestBffApp();
    await callApi(app, 'POST', BASE, shop);
    const api = await callApi(app, 'POST', `${BASE}/${DOMAIN}/requests`, { method: 'GET', path: '/api/orders?id=1' });
    expect(api.status, api.text).toBe(200);
    expect(api.body).toMatchObject({
      target: 'GET http://shop.example.localhost:3001/api/orders?id=1',
      status: 200,
      matchedRoute: { index: 0, path: '/api/*', functionName: 'api-fn', qualifier: 'LATEST' },
    });
    expect(JSON.parse(api.body.body.data)).toMatchObject({ function: 'api-fn', path: '/api/orders' });

    const site = await callApi(app, 'POST', `${BASE}/${DOMAIN}/requests`, { method: 'DELETE', path: '/api/orders' });
    expect(site.body.matchedRoute).toMatchObject({ index: 1, path: '/*', functionName: 'site-fn' });
    expect(JSON.parse(site.body.body.data)).toMatchObject({ function: 'site-fn', method: 'DELETE' });
  });

  it('names the rewritten path only when the rules are cheap for it: the bff shares its loop with the engine', async () => {
    const app = createTestBffApp();
    const rewriteConfig = { regexRules: [{ match: '^/api/.+?/(.*)', replacement: '/api/v2/$1' }] };
    const routes = [{ path: '/*', functionName: 'site-fn', rewriteConfig }];
    expect((await callApi(app, 'POST', BASE, { ...shop, routeConfig: { routes } })).status).toBe(201);
    const send = (path: string) => callApi(app, 'POST', `${BASE}/${DOMAIN}/requests`, { method: 'GET', path });
    expect((await send('/api/v1/orders')).body.matchedRoute).toMatchObject({
      index: 0,
      rewrittenPath: '/api/v2/orders',
    });
    const long = (await send(`/api/v1/${'x'.repeat(INLINE_REWRITE_WORK)}`)).body.matchedRoute;
    expect(long).toMatchObject({ index: 0, functionName: 'site-fn' });
    expect(long).not.toHaveProperty('rewrittenPath');
  });

  it('never lets the path name another host', async () => {
    const app = createTestBffApp();
    await callApi(app, 'POST', BASE, shop);
    for (const path of ['//attacker.example/x', 'http://attacker.example/', 'x', '/a b']) {
      const res = await callApi(app, 'POST', `${BASE}/${DOMAIN}/requests`, { method: 'GET', path });
      expect(res.status, path).toBe(400);
      expect(res.body.fields).toEqual({ path: 'testRequest.path.format' });
    }
  });

  it('answers 404 for a domain that does not exist', async () => {
    const res = await callApi(createTestBffApp(), 'POST', `${BASE}/nowhere.example.com/requests`, {
      method: 'GET',
      path: '/',
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('DomainNameNotFound');
  });
});
