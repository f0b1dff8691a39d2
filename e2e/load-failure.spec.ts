import { expect, test } from './fixtures/test';

const PROVIDERS_STAGE = /\/assets\/console-providers-[^/]*\.js$/;

/** A stage of the script that cannot load (the console was rebuilt or stopped meanwhile) says so, and Reload recovers. */
test('a stage of the console’s script that does not load is said, with Reload', async ({ page, stack }) => {
  await page.route(PROVIDERS_STAGE, (route) => route.abort());
  await page.goto(stack.consoleUrl);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The console could not start');
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeFocused();

  await page.unroute(PROVIDERS_STAGE);
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('button', { name: 'Create Function' }).first()).toBeVisible();
});
