import { beforeEach, describe, expect, it } from 'vitest';
import { useMockFc } from '../../../mocks/use-mock-fc';
import { guardedApp, send, type GuardedApp } from './testing/guarded-app';

useMockFc();
const TOKEN = 'k3UeZ0_token-of-this-console-0123456789';
const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
let app: GuardedApp;

beforeEach(() => {
  app = guardedApp({ ports: () => [3000], token: TOKEN });
});

describe('a browser that opens a token-mode console without its link', () => {
  it('is shown a page, in English and Japanese, that asks for the printed link with ?token=', async () => {
    const page = await send(app, 'GET', '/functions/hello-world', BROWSER);
    expect(page.status).toBe(401);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('This console requires its access token.');
    expect(page.text).toContain('?token=');
    expect(page.text).toContain('起動時に表示されたリンク');
    // Self-contained: it works offline and loads nothing from anywhere.
    expect(page.text).not.toMatch(/<script|<link|src=|https?:\/\//i);
    expect(page.text).not.toContain(TOKEN);
    expect(page.text).not.toContain('fc-console-spa');
  });

  it('with a stale link is told the token is not this console’s, still as a page', async () => {
    const page = await send(app, 'GET', '/?token=from-yesterday', BROWSER);
    expect(page.status).toBe(401);
    expect(page.text).toContain('The access token is not this console’s.');
    expect(page.text).toContain('このリンクのトークンはこのコンソールのものではありません');
    expect(page.headers.get('set-cookie')).toBeNull();
  });

  it('the API keeps answering JSON, whatever the Accept header says', async () => {
    const api = await send(app, 'GET', '/api/functions', BROWSER);
    expect([api.status, api.code]).toEqual([401, 'ConsoleTokenRequired']);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    const script = await send(app, 'GET', '/', { accept: 'application/json' });
    expect([script.status, script.code]).toEqual([401, 'ConsoleTokenRequired']);
  });

  it('the page does not reflect what the request carried', async () => {
    const page = await send(app, 'GET', '/%3Cscript%3Ealert(1)%3C/script%3E?x=%3Cb%3E', BROWSER);
    expect(page.status).toBe(401);
    expect(page.text).not.toMatch(/<script|<b>|alert\(1\)/);
  });
});
