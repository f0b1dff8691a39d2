import { request as httpRequest } from 'node:http';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createFunctionBySdk, createHttpTriggerBySdk, engineSdk } from './fixtures/engine-sdk';
import { expect, test } from './fixtures/test';

const FUNCTION = 'watched';

/** A request to the trigger from outside the console: a Node client naming the trigger's host. */
function send(url: string, method: string): Promise<number> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: Number(target.port), method, path: '/from-node', headers: { host: target.host } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function total(page: Page, name: string) {
  return page.getByRole('region', { name: 'Totals' }).getByText(name).locator('xpath=following-sibling::dd[1]');
}

test('requests sent from outside the console show up in the Monitoring tab, live', async ({ page, stack }) => {
  // axe over four charts' SVG takes a while on a busy machine.
  test.setTimeout(300_000);
  const fc = engineSdk(stack);
  await createFunctionBySdk(fc, FUNCTION);
  await createHttpTriggerBySdk(fc, FUNCTION, 'http');
  const trigger = await fc.getTrigger(FUNCTION, 'http');
  const url = String(trigger.body?.httpTrigger?.urlInternet);
  expect(await Promise.all([send(url, 'GET'), send(url, 'GET'), send(url, 'PUT')])).toEqual([200, 200, 403]);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${stack.consoleUrl}/functions/${FUNCTION}?tab=monitoring`);
  await expect(page.getByRole('tab', { name: 'Monitoring', selected: true })).toBeVisible();
  await expect(await total(page, 'Invocations')).toHaveText('3');
  await expect(await total(page, 'Client errors (4xx)')).toHaveText('1');
  await expect(page.getByRole('figure', { name: 'Invocations' }).locator('svg').first()).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious).toEqual([]);
  // Nothing wider than the phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // A request that arrives while the tab is open appears without a reload.
  expect(await send(url, 'GET')).toBe(200);
  await expect(await total(page, 'Invocations')).toHaveText('4', { timeout: 15_000 });

  await page.getByRole('button', { name: 'Last day' }).click();
  await expect(page.getByRole('table', { name: /Requests per 15 minutes/ })).toBeAttached();
  await expect(await total(page, 'Invocations')).toHaveText('4');
});
