import { expect, test } from './fixtures/test';

/**
 * A request the trigger forbids, sent from Test Function on the Code tab, is explained in the
 * result's error panel from the status catalogue the gateway answered from.
 */
test('POST on a GET-only trigger: the error panel names the allowed methods and offers Modify', async ({
  page,
  stack,
}) => {
  await page.goto(stack.consoleUrl);
  await page.getByRole('button', { name: 'Create Function' }).first().click();
  const create = page.getByRole('dialog', { name: 'Create Function' });
  await create.getByRole('textbox', { name: /^Function Name/ }).fill('hello');
  await create.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { name: 'hello', level: 1 })).toBeVisible();

  await page.getByRole('tab', { name: 'Triggers' }).click();
  await page.getByRole('button', { name: 'Create Trigger' }).first().click();
  const panel = page.getByRole('dialog', { name: 'Create Trigger' });
  await panel.getByRole('textbox', { name: /^Name/ }).fill('get-only');
  for (const method of ['POST', 'PUT', 'DELETE']) await panel.getByRole('checkbox', { name: method }).uncheck();
  await panel.getByRole('button', { name: 'OK' }).click();
  await expect(panel).toBeHidden();

  await page.getByRole('tab', { name: 'Code' }).click();
  await page.getByRole('button', { name: 'Configure Test Parameters' }).click();
  const parameters = page.getByRole('dialog', { name: /Configure Test Parameters/ });
  await parameters.getByRole('combobox', { name: /Method/ }).click();
  await page.getByRole('option', { name: 'POST', exact: true }).click();
  await parameters.getByRole('button', { name: 'OK' }).click();
  await expect(parameters).toBeHidden();

  await page.getByRole('button', { name: 'Test Function', exact: true }).click();
  const result = page.getByRole('region', { name: 'Result' });
  const explanation = result.getByRole('alert').filter({ hasText: '403 · Request error' });
  await expect(explanation).toBeVisible();
  await expect(explanation).toContainText('The request method is not allowed by the trigger configuration');
  await expect(explanation).toContainText('This trigger allows GET; the request used POST.');
  await expect(explanation).toContainText('Billed: No');

  // The whole table is one click away.
  await explanation.getByRole('button', { name: 'Status code reference' }).click();
  const reference = page.getByRole('dialog', { name: 'Status code reference' });
  await expect(reference.getByRole('row', { name: /MethodNotAllowed/ })).toContainText('403');
  await reference.getByRole('button', { name: 'Close' }).click();
  await expect(reference).toBeHidden();

  // Modify opens the trigger's editor, where POST can be allowed.
  await explanation.getByRole('button', { name: 'Modify the trigger’s request methods' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Edit Trigger' }).getByRole('checkbox', { name: 'POST' }),
  ).not.toBeChecked();
});
