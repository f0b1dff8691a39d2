import { request } from 'node:http';
import { startAttackerSite } from './fixtures/attacker-site';
import { consoleState, seedVictim, stateChangingRoutes, type Attack } from './fixtures/console-api';
import { expect, test } from './fixtures/test';

type Attempt = { technique: string; url: string; outcome: string };

/**
 * Runs in the attacker's page: every state-changing route, by every way a page can send a request.
 * Each attempt is awaited to its end (a response, a loaded frame, a refused preflight), so whatever
 * reached the console has been handled when this returns.
 */
async function attackFromPage({ bases, routes }: { bases: string[]; routes: Attack[] }): Promise<Attempt[]> {
  const results: Attempt[] = [];
  const submitForm = (url: string, enctype: string, fields: Record<string, string>) =>
    new Promise<string>((resolve) => {
      const frame = document.createElement('iframe');
      frame.name = `frame-${results.length}-${Math.random()}`;
      document.body.append(frame);
      frame.addEventListener('load', () => resolve('form submitted'), { once: true });
      const form = document.createElement('form');
      Object.assign(form, { method: 'POST', action: url, enctype, target: frame.name });
      for (const [name, value] of Object.entries(fields))
        form.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
      document.body.append(form);
      form.submit();
    });
  const attempt = async (technique: string, url: string, run: () => Promise<string>) => {
    try {
      results.push({ technique, url, outcome: await run() });
    } catch (error) {
      results.push({ technique, url, outcome: `blocked: ${(error as Error).name}` });
    }
  };

  for (const base of bases)
    for (const { method, path, body } of routes) {
      const url = `${base}${path}`;
      const json = body === undefined ? undefined : JSON.stringify(body);
      if (method === 'POST') {
        // Simple requests: sent without asking, with the user's cookies.
        await attempt('form urlencoded', url, () =>
          submitForm(url, 'application/x-www-form-urlencoded', { description: 'pwned', functionName: 'pwned' }),
        );
        // <input name='{"a":"b","x":"' value='"}'> makes a text/plain body that parses as JSON.
        const head = json ? `${json.slice(0, -1)},"x":"` : '{"x":"';
        await attempt('form text/plain JSON', url, () => submitForm(url, 'text/plain', { [head]: '"}' }));
        await attempt('fetch no-cors text/plain', url, () =>
          fetch(url, {
            method,
            mode: 'no-cors',
            credentials: 'include',
            headers: { 'content-type': 'text/plain' },
            body: json,
          }).then((r) => r.type),
        );
        await attempt('fetch no-cors without body', url, () =>
          fetch(url, { method, mode: 'no-cors', credentials: 'include' }).then((r) => r.type),
        );
      } else {
        await attempt(`fetch ${method} no-cors`, url, () =>
          fetch(url, { method, mode: 'no-cors', credentials: 'include' }).then((r) => r.type),
        );
      }
      // Preflighted: the browser first asks the console with OPTIONS, and the console never says yes.
      await attempt(`preflighted fetch ${method} JSON`, url, () =>
        fetch(url, {
          method,
          mode: 'cors',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: json,
        }).then((r) => `answered ${r.status}`),
      );
    }
  return results;
}

test('a page on another origin tries every state-changing API route and changes nothing', async ({
  stack,
  browser,
  page,
}) => {
  const { testRequestId } = await seedVictim(stack.consoleUrl);
  const before = await consoleState(stack.consoleUrl);
  const routes = stateChangingRoutes(testRequestId);
  const attacker = await startAttackerSite();
  const context = await browser.newContext();
  try {
    const evil = await context.newPage();
    await evil.goto(attacker.url);
    expect(new URL(evil.url()).hostname).toBe('evil.localhost');
    const bases = [stack.consoleUrl, stack.consoleUrl.replace('127.0.0.1', 'localhost')];
    const attempts = await evil.evaluate(attackFromPage, { bases, routes });

    const posts = routes.filter((route) => route.method === 'POST').length;
    expect(attempts).toHaveLength(bases.length * (posts * 5 + (routes.length - posts) * 2));
    // No preflight was answered: the browser never sent a JSON, PUT or DELETE request.
    const preflighted = attempts.filter((a) => a.technique.startsWith('preflighted'));
    expect(preflighted.map((a) => a.outcome)).toEqual(preflighted.map(() => 'blocked: TypeError'));
  } finally {
    await context.close();
    await attacker.close();
  }

  expect(await consoleState(stack.consoleUrl)).toEqual(before);

  // The same request from the console's own page goes through: the routes above were live.
  await page.goto(stack.consoleUrl);
  const status = await page.evaluate(() =>
    fetch('/api/functions/victim/versions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"description":"v2"}',
    }).then((r) => r.status),
  );
  expect(status).toBe(201);
});

function sendWithHost(
  consoleUrl: string,
  host: string,
  { method, path, body }: { method: string; path: string; body?: unknown },
) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const json = body === undefined ? undefined : JSON.stringify(body);
    const req = request(`${consoleUrl}${path}`, {
      method,
      headers: { host, ...(json ? { 'content-type': 'application/json' } : {}) },
    });
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += String(chunk)));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.end(json);
  });
}

test('a request for Host: attacker.example (DNS rebinding) gets 403 and changes nothing', async ({ stack }) => {
  const { testRequestId } = await seedVictim(stack.consoleUrl);
  const before = await consoleState(stack.consoleUrl);
  const port = new URL(stack.consoleUrl).port;
  for (const host of ['attacker.example', `attacker.example:${port}`]) {
    for (const route of stateChangingRoutes(testRequestId)) {
      const res = await sendWithHost(stack.consoleUrl, host, route);
      expect([route.method, route.path, res.status]).toEqual([route.method, route.path, 403]);
      expect(JSON.parse(res.text)).toMatchObject({ code: 'ForbiddenHost' });
    }
    const read = await sendWithHost(stack.consoleUrl, host, { method: 'GET', path: '/api/functions' });
    expect(read.status).toBe(403);
    expect(read.text).not.toContain('victim');
  }
  expect(await consoleState(stack.consoleUrl)).toEqual(before);
});
