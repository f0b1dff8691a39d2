import { describe, expect, it } from 'vitest';
import { seedFunction } from '../fc-seed';
import { helloFunction } from '../fixtures/functions';
import { useMockFc } from '../use-mock-fc';

useMockFc();

const BASE = 'http://fc.mock/2023-03-30/custom-domains';
const send = async (method: string, url: string, body?: unknown) => {
  const res = await fetch(url, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
};

describe('the custom domain mock answers as the engine does', () => {
  it('creates, lists, updates and deletes; the private key is never answered', async () => {
    seedFunction(helloFunction);
    const certConfig = { certName: 'c', certificate: 'CERT', privateKey: 'SECRET-KEY' };
    const created = await send('POST', BASE, {
      domainName: 'app.localhost',
      protocol: 'HTTP,HTTPS',
      certConfig,
      routeConfig: { routes: [{ path: '/*', functionName: 'hello-world' }] },
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ domainName: 'app.localhost', certConfig: { certName: 'c' } });
    expect(JSON.stringify(created.json)).not.toContain('SECRET-KEY');

    const updated = await send('PUT', `${BASE}/app.localhost`, { routeConfig: { routes: [] } });
    expect(updated.json).toMatchObject({ protocol: 'HTTP,HTTPS', routeConfig: { routes: [] } });
    expect((await send('GET', `${BASE}?prefix=app`)).json.customDomains).toHaveLength(1);
    expect((await send('DELETE', `${BASE}/app.localhost`)).status).toBe(204);
    expect((await send('GET', `${BASE}/app.localhost`)).json).toMatchObject({ Code: 'DomainNameNotFound' });
  });

  it('refuses what the engine refuses, with the same codes', async () => {
    seedFunction(helloFunction);
    const route = (functionName: string, qualifier?: string) => ({ routes: [{ path: '/*', functionName, qualifier }] });
    expect((await send('POST', BASE, { domainName: 'a.localhost', routeConfig: route('hello-world') })).status).toBe(
      200,
    );
    const again = await send('POST', BASE, { domainName: 'A.localhost' });
    expect([again.status, again.json.Code]).toEqual([409, 'DomainNameAlreadyExists']);
    const missing = await send('POST', BASE, { domainName: 'b.localhost', routeConfig: route('nope') });
    expect([missing.status, missing.json.Code]).toEqual([404, 'FunctionNotFound']);
    const alias = await send('POST', BASE, { domainName: 'c.localhost', routeConfig: route('hello-world', 'prod') });
    expect([alias.status, alias.json.Code]).toEqual([404, 'AliasNotFound']);
    const bad = await send('POST', BASE, { domainName: 'd.localhost', routeConfig: { routes: [{ path: 'x' }] } });
    expect([bad.status, bad.json.Code]).toEqual([400, 'InvalidArgument']);
  });
});
