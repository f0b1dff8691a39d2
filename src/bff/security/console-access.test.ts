import { beforeEach, describe, expect, it } from 'vitest';
import { seedFunction } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { useMockFc } from '../../../mocks/use-mock-fc';
import { parseAllowedHost, type AllowedHost } from './host-allowlist';
import { CONSOLE, guardedApp, ownPage, send, type GuardedApp } from './testing/guarded-app';

useMockFc();
const VERSIONS = '/api/functions/hello-world/versions';
const PUBLISH = JSON.stringify({ description: 'published by an attacker' });
let app: GuardedApp;

beforeEach(() => {
  seedFunction(helloFunction);
  app = guardedApp({ ports: () => [3000], allowedHosts: [parseAllowedHost('console.team.example') as AllowedHost] });
});

async function publishedVersions(): Promise<string[]> {
  const res = await app.request(`${CONSOLE}${VERSIONS}`);
  expect(res.status).toBe(200);
  const { versions } = (await res.json()) as { versions: Array<{ versionId: string }> };
  return versions.map((v) => v.versionId);
}

describe('DNS rebinding: a request for another host gets nothing', () => {
  const foreignHosts = [
    'attacker.example',
    'attacker.example:3000',
    'localhost.attacker.example:3000',
    '127.0.0.1.nip.io:3000',
    'localhost:3000, attacker.example', // two Host headers, joined
    'localhost:8080', // our name, another port: not us
    'localhost.:3000',
    'user@localhost:3000',
  ];

  it.each(foreignHosts)('Host: %s → 403 ForbiddenHost on the API and the SPA, nothing published', async (host) => {
    const headers = { host, origin: `http://${host}`, 'content-type': 'application/json' };
    const publish = await send(app, 'POST', VERSIONS, headers, PUBLISH);
    expect([publish.status, publish.code]).toEqual([403, 'ForbiddenHost']);
    expect(publish.message).toMatch(/FC_CONSOLE_ALLOWED_HOSTS/);
    expect((await send(app, 'GET', '/api/functions', { host })).status).toBe(403);
    expect((await send(app, 'GET', '/', { host })).status).toBe(403);
    expect(await publishedVersions()).toEqual([]);
  });

  it('an absolute request target naming another host is refused too', async () => {
    const res = await send(app, 'POST', `http://attacker.example${VERSIONS}`, ownPage(), PUBLISH);
    expect([res.status, res.code]).toEqual([403, 'ForbiddenHost']);
    expect(await publishedVersions()).toEqual([]);
  });

  it.each(['localhost:3000', '127.0.0.1:3000', '[::1]:3000', '192.168.1.20:3000', 'console.team.example'])(
    'its own address %s is served',
    async (host) => {
      expect((await send(app, 'GET', '/api/functions', { host })).status).toBe(200);
      expect((await send(app, 'POST', VERSIONS, ownPage(host), PUBLISH)).status).toBe(201);
    },
  );
});

describe('CSRF: a page on another origin changes nothing', () => {
  it.each([
    'http://evil.localhost:5555',
    'http://localhost:8080', // another local server: same site, other origin
    'https://attacker.example',
    'null', // a sandboxed frame or a file:// page
  ])('Origin: %s → 403 CrossOriginRequest', async (origin) => {
    const res = await send(app, 'POST', VERSIONS, { ...ownPage(), origin }, PUBLISH);
    expect([res.status, res.code]).toEqual([403, 'CrossOriginRequest']);
    expect(res.message).toContain(origin);
    expect(await publishedVersions()).toEqual([]);
  });

  it.each(['cross-site', 'same-site'])(
    'Sec-Fetch-Site: %s is refused for changes and reads of the API',
    async (site) => {
      const { origin: _, ...noOrigin } = ownPage();
      const change = await send(app, 'POST', VERSIONS, { ...noOrigin, 'sec-fetch-site': site }, PUBLISH);
      expect([change.status, change.code]).toEqual([403, 'CrossOriginRequest']);
      const remove = await send(app, 'DELETE', '/api/functions/hello-world', { 'sec-fetch-site': site });
      expect(remove.code).toBe('CrossOriginRequest');
      const read = await send(app, 'GET', '/api/functions', { 'sec-fetch-site': site, 'sec-fetch-mode': 'no-cors' });
      expect([read.status, read.code]).toEqual([403, 'CrossOriginRequest']);
      expect(await publishedVersions()).toEqual([]);
      // A link from elsewhere still opens the console itself.
      const page = await send(app, 'GET', '/', { 'sec-fetch-site': site, 'sec-fetch-mode': 'navigate' });
      expect(page.status).toBe(200);
    },
  );

  it.each([
    ['text/plain', PUBLISH],
    ['text/plain;charset=UTF-8', '{"description":"x","y":"="}'], // <form enctype="text/plain"> shaped as JSON
    ['application/x-www-form-urlencoded', 'description=x'],
    ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="description"\r\n\r\nx\r\n--b--'],
    ['text/plain; x=application/json', PUBLISH],
  ])('a body of type %s is refused with JsonContentTypeRequired, even from the own page', async (type, body) => {
    const res = await send(app, 'POST', VERSIONS, { ...ownPage(), 'content-type': type }, body);
    expect([res.status, res.code]).toEqual([403, 'JsonContentTypeRequired']);
    expect(res.message).toMatch(/Content-Type: application\/json/);
    expect(await publishedVersions()).toEqual([]);
  });

  it('a body without any content type is refused', async () => {
    const res = await send(app, 'POST', VERSIONS, { host: '127.0.0.1:3000' }, PUBLISH);
    expect(res.code).toBe('JsonContentTypeRequired');
  });
});

describe('the console’s own clients keep working', () => {
  it('its page (Origin = Host, same-origin, JSON) publishes; charset is fine', async () => {
    const res = await send(
      app,
      'POST',
      VERSIONS,
      { ...ownPage(), 'content-type': 'application/json; charset=utf-8' },
      PUBLISH,
    );
    expect(res.status).toBe(201);
    expect(await publishedVersions()).toEqual(['1']);
  });

  it('curl (no Origin, no Sec-Fetch-Site) publishes with JSON and deletes without a body', async () => {
    const json = { 'content-type': 'application/json' };
    expect((await send(app, 'POST', VERSIONS, json, PUBLISH)).status).toBe(201);
    expect((await send(app, 'DELETE', `${VERSIONS}/1`)).status).toBe(204);
    expect(await publishedVersions()).toEqual([]);
  });

  it('the dev server’s page, proxied with its own Host, is served only when the bff serves that port', async () => {
    const dev = ownPage('localhost:5173');
    expect((await send(app, 'POST', VERSIONS, dev, PUBLISH)).code).toBe('ForbiddenHost');
    const withDev = guardedApp({ ports: () => [3000, 5173] });
    const res = await send(withDev, 'POST', VERSIONS, dev, PUBLISH);
    expect(res.status).toBe(201);
  });
});
