import { beforeEach, describe, expect, it } from 'vitest';
import { seedFunction } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { useMockFc } from '../../../mocks/use-mock-fc';
import { guardedApp, ownPage, send, type GuardedApp } from './testing/guarded-app';

useMockFc();
const TOKEN = 'k3UeZ0_token-of-this-console-0123456789';
const COOKIE = 'fc-console-token-3000';
let app: GuardedApp;

beforeEach(() => {
  seedFunction(helloFunction);
  app = guardedApp({ ports: () => [3000], token: TOKEN });
});

function cookieFrom(setCookie: string | null): string {
  return (setCookie ?? '').split(';', 1)[0] ?? '';
}

describe('token mode (a console reachable from the network)', () => {
  it('without the token the API and the SPA answer 401 ConsoleTokenRequired', async () => {
    const api = await send(app, 'GET', '/api/functions');
    expect([api.status, api.code]).toEqual([401, 'ConsoleTokenRequired']);
    expect(api.message).toMatch(/\?token=/);
    expect((await send(app, 'GET', '/')).code).toBe('ConsoleTokenRequired');
    const change = await send(app, 'POST', '/api/functions/hello-world/versions', ownPage(), '{}');
    expect(change.status).toBe(401);
  });

  it('a wrong token, in the link, a header or a cookie, is 401 ConsoleTokenInvalid and sets nothing', async () => {
    const link = await send(app, 'GET', '/?token=guessed');
    expect([link.status, link.code]).toEqual([401, 'ConsoleTokenInvalid']);
    expect(link.headers.get('set-cookie')).toBeNull();
    expect((await send(app, 'GET', '/api/functions', { authorization: 'Bearer guessed' })).code).toBe(
      'ConsoleTokenInvalid',
    );
    expect((await send(app, 'GET', '/api/functions', { cookie: `${COOKIE}=stale` })).code).toBe('ConsoleTokenInvalid');
  });

  it('the printed link sets an HttpOnly, SameSite=Strict cookie and moves on to the page without the token', async () => {
    const link = await send(app, 'GET', `/functions/hello-world?token=${TOKEN}&tab=code`);
    expect(link.status).toBe(200);
    const setCookie = link.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${COOKIE}=${TOKEN};`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(link.text).toContain('url=/functions/hello-world?tab=code"');
    expect(link.text).not.toContain(TOKEN);

    const cookie = cookieFrom(link.headers.get('set-cookie'));
    expect((await send(app, 'GET', '/api/functions', { cookie })).status).toBe(200);
    expect((await send(app, 'GET', '/', { cookie })).status).toBe(200);
    const published = await send(app, 'POST', '/api/functions/hello-world/versions', { ...ownPage(), cookie }, '{}');
    expect(published.status).toBe(201);
  });

  it('the link never sends the browser to another host', async () => {
    const link = await send(app, 'GET', `//evil.example/?token=${TOKEN}`);
    expect(link.text).toContain('url=/evil.example/"');
  });

  it('a script uses Authorization: Bearer', async () => {
    const res = await send(app, 'GET', '/api/functions', { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
  });

  it('the cookie does not let another origin in: pages on other ports of the same site receive it too', async () => {
    const link = await send(app, 'GET', `/?token=${TOKEN}`);
    const cookie = cookieFrom(link.headers.get('set-cookie'));
    const headers = { ...ownPage(), cookie, origin: 'http://localhost:8080', 'sec-fetch-site': 'same-site' };
    const res = await send(app, 'POST', '/api/functions/hello-world/versions', headers, '{}');
    expect([res.status, res.code]).toEqual([403, 'CrossOriginRequest']);
    const versions = await send(app, 'GET', '/api/functions/hello-world/versions', { cookie });
    expect(JSON.parse(versions.text)).toMatchObject({ versions: [] });
  });
});
