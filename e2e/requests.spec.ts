import type { Locator, Page } from '@playwright/test';
import { sendHttp } from '../src/bff/test-function/send-http';
import { callConsole } from './fixtures/console-api';
import { expect, test } from './fixtures/test';

const FUNCTION = 'webhook';
const TOKEN = 'whk-0123456789abcdefghijklmnopqrstuv';
// The event a trigger passes names the path: /boom throws, anything else answers 200.
const CODE =
  "exports.handler = async (event) => { if (event.toString().includes('/boom')) throw new Error('boom'); return { statusCode: 200, body: 'ok' }; };\n";

/** A client outside the console, as curl would send it (Node reaches *.localhost on loopback with its Host). */
async function curl(url: string, method: string, headers: Record<string, string> = {}) {
  const reply = await sendHttp({ url: new URL(url), method, headers });
  return reply.status;
}

async function openRow(page: Page, name: RegExp): Promise<Locator> {
  await page.getByRole('row', { name }).first().click();
  return page.getByRole('dialog', { name: /^Request / });
}

async function closePanel(panel: Locator) {
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();
}

test('requests from outside the console appear live with their explanations, and a 502 replays', async ({
  page,
  stack,
}) => {
  test.setTimeout(180_000); // a function's first run, four requests, three panels and a replay, on a busy machine
  const api = (method: string, path: string, body?: unknown) => callConsole(stack.consoleUrl, method, path, body);
  await api('POST', '/functions', { functionName: FUNCTION, template: 'nodejs-event-http' });
  await api('PUT', `/functions/${FUNCTION}/code`, { files: [{ path: 'index.js', content: CODE }] });
  const trigger = await api('POST', `/functions/${FUNCTION}/triggers`, {
    triggerName: 'hook',
    triggerType: 'http',
    triggerConfig: {
      methods: ['GET', 'POST'],
      authType: 'bearer',
      authConfig: { tokens: [{ name: 'ci', token: TOKEN }] },
    },
  });
  const url = (trigger.httpTrigger as { urlInternet: string }).urlInternet;

  await page.goto(`${stack.consoleUrl}/functions/${FUNCTION}?tab=requests`);
  // The first load of the page's chunks is slow on a busy machine.
  await expect(page.getByText('No requests yet — send one:')).toBeVisible({ timeout: 30_000 });

  const bearer = { authorization: `Bearer ${TOKEN}` };
  expect(await curl(`${url}/orders?id=7`, 'GET', bearer)).toBe(200);
  expect(await curl(`${url}/orders`, 'DELETE', bearer)).toBe(403);
  expect(await curl(`${url}/orders`, 'GET', { authorization: 'Bearer wrong-token' })).toBe(401);
  expect(await curl(`${url}/boom`, 'POST', bearer)).toBe(502);

  // All four arrive in the open tab without a reload, newest on top.
  const rows = page.getByRole('row', { name: /: \d{3}$/ });
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toHaveAccessibleName('POST /boom: 502');
  await expect(page.getByRole('row', { name: 'GET /orders?id=7: 200' })).toBeVisible();

  let panel = await openRow(page, /^DELETE \/orders: 403/);
  await expect(panel.getByRole('alert').filter({ hasText: '403' })).toContainText(
    'This trigger allows GET, POST; the request used DELETE.',
  );
  await closePanel(panel);

  panel = await openRow(page, /^GET \/orders: 401/);
  await expect(panel.getByRole('alert').filter({ hasText: '401' })).toContainText(
    'This trigger uses Bearer Authentication.',
  );
  // The token the client sent is kept only as redacted.
  await expect(panel.getByRole('region', { name: 'Request' })).toContainText('[redacted]');
  await expect(panel).not.toContainText('wrong-token');
  await closePanel(panel);

  panel = await openRow(page, /^POST \/boom: 502/);
  await expect(panel.getByRole('alert').filter({ hasText: '502' })).toContainText(
    'The function code has a syntax error or threw an exception.',
  );
  await expect(panel.getByRole('region', { name: 'Logs' })).toContainText('boom');

  // Replay sends it again through the same trigger with the trigger's own token: a new 502 entry.
  await panel.getByRole('button', { name: 'Replay' }).click();
  await expect(panel.getByRole('region', { name: 'Replay result' })).toContainText('502');
  await closePanel(panel);
  await expect(page.getByRole('row', { name: /^POST \/boom: 502/ })).toHaveCount(2);
  await expect(rows.first()).toContainText('console');
});
