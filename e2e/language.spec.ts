import { expect, test } from './fixtures/test';

/** The language switch in the app bar: Japanese reaches the Create Trigger panel and is remembered. */
test('switching to Japanese changes the panel and survives a reload', async ({ page, stack }) => {
  await page.goto(stack.consoleUrl);
  await page.getByRole('button', { name: 'Create Function' }).first().click();
  const create = page.getByRole('dialog', { name: 'Create Function' });
  await create.getByRole('textbox', { name: /^Function Name/ }).fill('hello');
  await create.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { name: 'hello', level: 1 })).toBeVisible();

  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '日本語' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByRole('tab', { name: 'トリガー' }).click();
  await page.getByRole('button', { name: 'トリガーの作成' }).first().click();
  let panel = page.getByRole('dialog', { name: 'トリガーの作成' });
  await expect(panel.getByRole('combobox', { name: /トリガータイプ/ })).toContainText('HTTP トリガー');
  await expect(panel.getByRole('combobox', { name: /認証方式/ })).toContainText('認証なし');
  await expect(panel.getByRole('alert')).toContainText('URL が漏洩するリスク');
  const name = panel.getByRole('textbox', { name: /^名前/ });
  await name.fill('-trigger');
  await name.blur();
  await expect(name).toHaveAccessibleDescription(/数字またはハイフンで始めないでください/);

  await page.reload();
  await expect(page.getByRole('group', { name: '言語' }).getByRole('button', { name: '日本語' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByRole('button', { name: 'トリガーの作成' }).first().click();
  panel = page.getByRole('dialog', { name: 'トリガーの作成' });
  await expect(panel.getByRole('combobox', { name: /認証方式/ })).toContainText('認証なし');
  await panel.getByRole('button', { name: 'キャンセル' }).click();
  await expect(panel).toBeHidden();

  await page.getByRole('group', { name: '言語' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('tab', { name: 'Triggers' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Create Trigger' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Create Trigger' }).getByRole('alert')).toContainText(
    'the URL may leak',
  );
});
