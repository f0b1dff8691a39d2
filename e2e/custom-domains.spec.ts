import http from 'node:http';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures/test';

const DOMAIN = 'shop.e2e.localhost';

/** A function from a template, with an anonymous HTTP trigger: set-up, not the flow under test. */
async function createFunction(request: APIRequestContext, consoleUrl: string, functionName: string, template: string) {
  const api = `${consoleUrl}/api/functions`;
  expect((await request.post(api, { data: { functionName, template } })).ok()).toBe(true);
  const trigger = await request.post(`${api}/${functionName}/triggers`, {
    data: {
      triggerName: 'http',
      triggerType: 'http',
      triggerConfig: { methods: ['GET', 'POST'], authType: 'anonymous' },
    },
  });
  expect(trigger.ok()).toBe(true);
}

/** A plain request to the engine's port naming the domain in Host, as curl --resolve or a DNS record would. */
function getThroughHost(port: number, host: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

test('create a custom domain with two routes, copy its URL, and call both routes', async ({ page, stack, context }) => {
  // Two functions, a domain and four requests on a machine shared with other runs.
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await createFunction(page.request, stack.consoleUrl, 'api-fn', 'nodejs-event-http');
  await createFunction(page.request, stack.consoleUrl, 'site-fn', 'nodejs-web');

  await page.goto(stack.consoleUrl);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Custom Domains' }).click();
  await expect(page.getByText('No custom domains yet')).toBeVisible();
  await page.getByRole('button', { name: 'Add Custom Domain' }).first().click();

  const panel = page.getByRole('dialog', { name: 'Add Custom Domain' });
  await panel.getByRole('textbox', { name: /^Domain Name/ }).fill(DOMAIN);
  const first = panel.getByRole('row', { name: 'Route 1' });
  await first.getByRole('textbox', { name: 'Path' }).fill('/api/*');
  await first.getByRole('combobox', { name: 'Function' }).click();
  await page.getByRole('option', { name: 'api-fn' }).click();
  await panel.getByRole('button', { name: 'Add Route' }).click();
  const second = panel.getByRole('row', { name: 'Route 2' });
  await second.getByRole('textbox', { name: 'Path' }).fill('/*');
  await second.getByRole('combobox', { name: 'Function' }).click();
  await page.getByRole('option', { name: 'site-fn' }).click();
  await panel.getByRole('button', { name: 'OK' }).click();
  await expect(panel).toBeHidden();

  // The new domain opens, with its URL and the copy button.
  await expect(page.getByRole('heading', { level: 1, name: DOMAIN })).toBeVisible();
  const url = `http://${DOMAIN}:${stack.enginePort}`;
  await expect(page.getByText(url, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Copy URL of ${DOMAIN}` }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  // Through the console's test area: each path reaches its function, and the matched route is marked.
  const testArea = page.getByRole('region', { name: 'Test Through the Domain' });
  const routes = page.getByRole('table', { name: 'Routes' });
  await testArea.getByRole('textbox', { name: 'Path' }).fill('/api/orders');
  await testArea.getByRole('button', { name: 'Send' }).click();
  await expect(testArea.getByText('Status 200')).toBeVisible();
  await expect(testArea.getByText('Matched route 1: /api/*')).toBeVisible();
  await expect(testArea.getByRole('region', { name: 'Response body' })).toContainText('Hello from Function Compute');
  await expect(routes.locator('tr[aria-current="true"]')).toContainText('/api/*');

  await testArea.getByRole('textbox', { name: 'Path' }).fill('/about');
  await testArea.getByRole('button', { name: 'Send' }).click();
  await expect(testArea.getByText('Matched route 2: /*')).toBeVisible();
  await expect(testArea.getByRole('region', { name: 'Response body' })).toContainText(
    'Hello from a Function Compute web function',
  );
  await expect(routes.locator('tr[aria-current="true"]')).toContainText('/*');

  // The copied URL works outside the console: a browser tab (Chromium resolves *.localhost) and a plain request.
  const tab = await context.newPage();
  const api = await tab.goto(`${url}/api/orders`);
  expect(api?.status()).toBe(200);
  expect(await api?.json()).toMatchObject({ message: 'Hello from Function Compute', path: '/api/orders' });
  const site = await getThroughHost(stack.enginePort, `${DOMAIN}:${stack.enginePort}`, '/about');
  expect(site.status).toBe(200);
  expect(JSON.parse(site.body)).toMatchObject({
    message: 'Hello from a Function Compute web function',
    path: '/about',
  });
});
