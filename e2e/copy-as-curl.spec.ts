import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures/test';

/**
 * Copy as cURL, pasted into a terminal: the real curl gets the same body the console showed, for an
 * anonymous trigger and for one with Signature Authentication (signed by the bff with the account key).
 */
for (const authType of ['anonymous', 'function'] as const) {
  test(`Copy as cURL (${authType}) runs in a terminal and answers what the console showed`, async ({
    page,
    stack,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const api = `${stack.consoleUrl}/api/functions`;
    expect(
      (await page.request.post(api, { data: { functionName: 'curl-me', template: 'nodejs-event-http' } })).ok(),
    ).toBe(true);
    const trigger = await page.request.post(`${api}/curl-me/triggers`, {
      data: { triggerName: 'http-trigger', triggerType: 'http', triggerConfig: { methods: ['GET', 'POST'], authType } },
    });
    expect(trigger.ok()).toBe(true);

    await page.goto(`${stack.consoleUrl}/functions/curl-me`);
    await expect(page.getByText('GET / via http-trigger')).toBeVisible();
    await page.getByRole('button', { name: 'Test Function', exact: true }).click();
    const result = page.getByRole('region', { name: 'Result' });
    await expect(result.getByText('200 OK')).toBeVisible();
    const shown = await result.getByRole('region', { name: 'Response body' }).locator('pre').textContent();

    await page.getByRole('button', { name: 'Copy as cURL' }).click();
    await expect(page.getByText(/Copied cURL command/)).toBeVisible();
    const command = await page.evaluate(() => navigator.clipboard.readText());
    expect(command).toMatch(/^curl /m);
    if (authType === 'function') expect(command).toContain('valid until');

    const body = execFileSync('bash', ['-c', command], {
      encoding: 'utf8',
      timeout: 15_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(JSON.parse(body)).toEqual(JSON.parse(shown ?? ''));
  });
}
