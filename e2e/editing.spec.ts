import { expect, test } from './fixtures/test';
import { callConsole } from './fixtures/console-api';
import type { Stack } from './fixtures/stack';

// One line each: what the function answers shows the variable and which version ran.
const envCode = "exports.handler = async () => ({ statusCode: 200, body: 'GREETING=' + process.env.GREETING });";
// Each test edits, reloads and reads back through a real engine: more than one minute on a loaded machine.
test.describe.configure({ timeout: 150_000 });

const versionCode = (n: number) => `exports.handler = async () => ({ statusCode: 200, body: 'version ${n}' });`;

/** A Node.js event function with an anonymous HTTP trigger, answering with `code`. */
async function seedFunction(stack: Stack, name: string, code: string) {
  await callConsole(stack.consoleUrl, 'POST', '/functions', { functionName: name, template: 'nodejs-event-http' });
  await deploy(stack, name, code);
  const triggerConfig = { methods: ['GET', 'POST'], authType: 'anonymous' };
  await callConsole(stack.consoleUrl, 'POST', `/functions/${name}/triggers`, {
    triggerName: 'http-trigger',
    triggerType: 'http',
    triggerConfig,
  });
}

const deploy = (stack: Stack, name: string, code: string) =>
  callConsole(stack.consoleUrl, 'PUT', `/functions/${name}/code`, { files: [{ path: 'index.js', content: code }] });

test('edit memory and an environment variable in Modify Configuration, and the function runs with them', async ({
  page,
  stack,
}) => {
  await seedFunction(stack, 'settings-demo', envCode);
  await page.goto(`${stack.consoleUrl}/functions/settings-demo?tab=configuration`);
  await page.getByRole('button', { name: 'Modify Configuration' }).click();
  const dialog = page.getByRole('dialog', { name: 'Modify Configuration' });
  await dialog.getByRole('spinbutton', { name: 'Memory' }).fill('1024');
  await dialog.getByRole('button', { name: 'Add Variable' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).last().fill('GREETING');
  await dialog.getByRole('textbox', { name: 'Value' }).last().fill('hello from the settings');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();

  const panel = page.getByRole('tabpanel');
  await expect(panel.getByText('1,024 MB')).toBeVisible();
  await expect(panel.getByText('GREETING=hello from the settings')).toBeVisible();

  // The function itself now sees the variable: Test Function on the Code tab.
  await page.getByRole('tab', { name: 'Code' }).click();
  await page.getByRole('button', { name: 'Test Function' }).click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByText('GREETING=hello from the settings')).toBeVisible();

  // And it is kept: a reload reads it back from the engine.
  await page.reload();
  await page.getByRole('tab', { name: 'Configuration' }).click();
  await expect(page.getByRole('tabpanel').getByText('1,024 MB')).toBeVisible();
});

test('point an alias at another version with a weighted second version, and the alias row says so', async ({
  page,
  stack,
}) => {
  await seedFunction(stack, 'alias-demo', versionCode(1));
  const fn = '/functions/alias-demo';
  await callConsole(stack.consoleUrl, 'POST', `${fn}/versions`, { description: 'v1' });
  await deploy(stack, 'alias-demo', versionCode(2));
  await callConsole(stack.consoleUrl, 'POST', `${fn}/versions`, { description: 'v2' });
  await callConsole(stack.consoleUrl, 'POST', `${fn}/aliases`, { aliasName: 'prod', versionId: '1' });
  await page.goto(`${stack.consoleUrl}${fn}?tab=versions`);
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'prod', exact: true }) });
  await expect(row.getByRole('cell').nth(1)).toHaveText('1');
  await row.getByRole('button', { name: 'Modify alias prod' }).click();
  const dialog = page.getByRole('dialog', { name: 'Modify Alias' });
  await dialog.getByRole('combobox', { name: /^Version/ }).click();
  await page.getByRole('option', { name: '2', exact: true }).click();
  await dialog.getByRole('combobox', { name: /^Canary version/ }).click();
  await page.getByRole('option', { name: '1', exact: true }).click();
  await dialog.getByRole('spinbutton', { name: 'Canary weight' }).fill('20');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();

  await expect(row.getByRole('cell').nth(1)).toHaveText('2');
  await expect(row.getByRole('cell').nth(2)).toHaveText('1 (20%)');
  await page.reload();
  await expect(
    page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'prod', exact: true }) })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('1 (20%)');
});
