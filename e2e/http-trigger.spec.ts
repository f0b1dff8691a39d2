import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

async function createFunction(page: Page, name: string) {
  await page.getByRole('button', { name: 'Create Function' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create Function' });
  await dialog.getByRole('textbox', { name: /^Function Name/ }).fill(name);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  // A new function opens at once.
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('create, copy, modify and delete an HTTP trigger; it survives a restart', async ({ page, stack, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(stack.consoleUrl);
  await expect(page.getByText('No functions yet')).toBeVisible();
  await createFunction(page, 'hello');

  await page.getByRole('tab', { name: 'Triggers' }).click();
  await page.getByRole('button', { name: 'Create Trigger' }).first().click();
  const panel = page.getByRole('dialog', { name: 'Create Trigger' });
  await expect(panel.getByRole('alert').filter({ hasText: 'the URL may leak' })).toBeVisible();
  await panel.getByRole('textbox', { name: /^Name/ }).fill('http-trigger');
  await panel.getByRole('checkbox', { name: 'PUT' }).uncheck();
  await panel.getByRole('checkbox', { name: 'DELETE' }).uncheck();
  await panel.getByRole('button', { name: 'OK' }).click();
  await expect(panel).toBeHidden();

  const row = page.getByRole('row', { name: /http-trigger/ });
  const publicUrl = new RegExp(`^http://hello-[a-z]{10}\\.cn-hangzhou\\.fcapp\\.localhost:${stack.enginePort}$`);
  const internalUrl = new RegExp(`^http://hello-[a-z]{10}\\.cn-hangzhou-vpc\\.fcapp\\.localhost:${stack.enginePort}$`);
  const publicEndpoint = row.getByText(publicUrl);
  await expect(publicEndpoint).toBeVisible();
  await expect(row.getByText(internalUrl)).toBeVisible();

  // The copied URL is the one shown, and it really runs the function.
  await row.getByRole('button', { name: 'Copy public endpoint' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await publicEndpoint.textContent());
  // Chromium resolves *.localhost to loopback, as a user's browser does (Node's resolver does not).
  const browserTab = await context.newPage();
  const answer = await browserTab.goto(`${copied}/greet`);
  expect(answer?.status()).toBe(200);
  expect(await answer?.json()).toMatchObject({ method: 'GET', path: '/greet' });

  // Modify: allow PATCH too, and close the public endpoint.
  await row.getByRole('button', { name: 'Modify trigger http-trigger' }).click();
  const editPanel = page.getByRole('dialog', { name: 'Edit Trigger' });
  await expect(editPanel.getByRole('textbox', { name: /^Name/ })).toBeDisabled();
  await editPanel.getByRole('checkbox', { name: 'PATCH' }).check();
  await editPanel.getByRole('switch', { name: 'Disable Internet URL' }).check();
  await editPanel.getByRole('button', { name: 'OK' }).click();
  await expect(editPanel).toBeHidden();
  await expect(row.getByText('PATCH')).toBeVisible();
  await expect(row.getByText(/requests to the public endpoint are denied/)).toBeVisible();
  const denied = await browserTab.goto(copied);
  expect(denied?.status()).toBe(403);
  expect(await denied?.text()).toContain('access denied due to function internet URL is disable');
  await browserTab.close();

  // Everything is kept across a restart.
  await stack.restart();
  await page.reload();
  const rowAfter = page.getByRole('row', { name: /http-trigger/ });
  await expect(rowAfter.getByText('PATCH')).toBeVisible();
  await expect(rowAfter.getByText(publicUrl)).toBeVisible();

  await rowAfter.getByRole('button', { name: 'Delete trigger http-trigger' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete trigger' });
  await expect(confirm).toContainText('http-trigger');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No triggers yet')).toBeVisible();

  await stack.restart();
  await page.reload();
  await expect(page.getByText('No triggers yet')).toBeVisible();
});
