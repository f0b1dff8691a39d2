import { expect, test } from './fixtures/test';

// One line, so CodeMirror's auto-indent has nothing to add; its auto-closed brackets are typed over.
const NEW_CODE = "exports.handler = async () => ({ statusCode: 200, body: 'edited in the console' });";

test('edit index.js in the Code tab, Deploy, and the trigger URL answers with the new code', async ({
  page,
  stack,
  context,
}) => {
  await page.goto(stack.consoleUrl);
  await page.getByRole('button', { name: 'Create Function' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create Function' });
  await dialog.getByRole('textbox', { name: /^Function Name/ }).fill('editor-demo');
  await dialog.getByRole('radio', { name: /Event function \(Node\.js\)/ }).check();
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { name: 'editor-demo', level: 1 })).toBeVisible();

  const created = await page.request.post(`${stack.consoleUrl}/api/functions/editor-demo/triggers`, {
    data: {
      triggerName: 'http-trigger',
      triggerType: 'http',
      triggerConfig: { methods: ['GET', 'POST'], authType: 'anonymous', disableURLInternet: false },
    },
  });
  expect(created.status()).toBe(201);
  const { httpTrigger } = (await created.json()) as { httpTrigger: { urlInternet: string } };

  // Chromium resolves *.localhost to loopback; the template's answer comes first.
  const browserTab = await context.newPage();
  const before = await browserTab.goto(`${httpTrigger.urlInternet}/hi`);
  expect(await before?.json()).toMatchObject({ message: 'Hello from Function Compute', path: '/hi' });

  await page.getByRole('tab', { name: 'Code' }).click();
  const deploy = page.getByRole('button', { name: 'Deploy' });
  await expect(deploy).toBeDisabled();
  const editor = page.getByRole('textbox', { name: 'index.js' });
  await expect(editor).toContainText('Hello from Function Compute');
  await expect(page.getByText('JavaScript', { exact: true })).toBeVisible();

  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(NEW_CODE);
  await expect(editor).toHaveText(NEW_CODE);
  await expect(page.getByText('Undeployed changes in 1 file')).toBeVisible();
  await expect(page.getByRole('button', { name: 'index.js (modified)' })).toBeVisible();

  // Leaving the page asks first; staying keeps the edit.
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Functions' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without deploying?' });
  await leave.getByRole('button', { name: 'Cancel' }).click();
  await expect(leave).toBeHidden();
  await expect(editor).toHaveText(NEW_CODE);

  await deploy.click();
  await expect(page.getByText('Deployed', { exact: true })).toBeVisible();
  await expect(deploy).toBeDisabled();
  await expect(page.getByText(/Undeployed changes/)).toBeHidden();
  await expect(page.getByRole('button', { name: 'index.js', exact: true })).toBeVisible();

  const after = await browserTab.goto(`${httpTrigger.urlInternet}/hi`);
  expect(after?.status()).toBe(200);
  expect(await after?.text()).toBe('edited in the console');
  await browserTab.close();

  // The deployed code is what the Code tab loads from now on.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'index.js' })).toHaveText(NEW_CODE);
});
