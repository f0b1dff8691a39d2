import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

/** Needs the lead's wiring: TestFunctionToolbar + InvocationResultPanel on the Code tab, AsyncTasksView as the "Async Tasks" tab. */

async function createFunctionWithTrigger(page: Page, name: string) {
  await page.getByRole('button', { name: 'Create Function' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create Function' });
  await dialog.getByRole('textbox', { name: /^Function Name/ }).fill(name);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

  await page.getByRole('tab', { name: 'Triggers' }).click();
  await page.getByRole('button', { name: 'Create Trigger' }).first().click();
  const panel = page.getByRole('dialog', { name: 'Create Trigger' });
  await panel.getByRole('textbox', { name: /^Name/ }).fill('http-trigger');
  await panel.getByRole('button', { name: 'OK' }).click();
  await expect(panel).toBeHidden();
}

test('Test Function: a sync test shows 200 and the body; an async one 202 and its task reaching Succeeded', async ({
  page,
  stack,
}) => {
  await page.goto(stack.consoleUrl);
  await createFunctionWithTrigger(page, 'tester');
  await page.getByRole('tab', { name: 'Code' }).click();

  const result = page.getByRole('region', { name: 'Result' });
  await expect(page.getByText('GET / via http-trigger')).toBeVisible();
  await page.getByRole('button', { name: 'Test Function', exact: true }).click();
  await expect(result.getByText('200 OK')).toBeVisible();
  await expect(result.getByRole('region', { name: 'Response body' })).toContainText('Hello from Function Compute');
  await expect(result.getByRole('region', { name: 'Logs' })).toContainText('Received GET /');

  // Seed step 3: the icon to the right of Test Function, Async Invocation, then Test Function.
  await page.getByRole('button', { name: 'Choose the invocation type' }).click();
  await page.getByRole('menuitemradio', { name: 'Async Invocation' }).click();
  await page.getByRole('button', { name: 'Test Function', exact: true }).click();
  await expect(result.getByText('202 Accepted')).toBeVisible();
  const taskId =
    (await result
      .getByRole('button', { name: 'Copy Task ID' })
      .locator('xpath=preceding-sibling::*[1]')
      .textContent()) ?? '';
  expect(taskId).toMatch(/^[A-Za-z0-9_.-]+$/);
  await expect(result.getByRole('status')).toHaveText('Task status: Succeeded', { timeout: 15_000 });
  await expect(result.getByRole('region', { name: 'Return payload' })).toContainText('Hello from Function Compute');

  // Both tests are in the history.
  await result.getByRole('button', { name: 'History (2)' }).click();
  await expect(page.getByRole('menuitem')).toHaveCount(2);
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Async Tasks' }).click();
  const row = page.getByRole('row', { name: new RegExp(taskId.replace(/[.]/g, '\\.')) });
  await expect(row.getByText('Succeeded')).toBeVisible();
  await page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: 'Failed' }).click();
  await expect(page.getByText('No async tasks')).toBeVisible();
});
