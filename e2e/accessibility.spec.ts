import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import en from '../src/web/i18n/locales/en';
import ja from '../src/web/i18n/locales/ja';
import { createFunctionBySdk, createHttpTriggerBySdk, engineSdk } from './fixtures/engine-sdk';
import { expect, test } from './fixtures/test';

/**
 * axe-core on every page and the main panels, in both languages, at a desktop and a phone size:
 * a serious or critical finding fails.
 */
const LANGUAGES = [
  { code: 'en', t: en.translation },
  { code: 'ja', t: ja.translation },
] as const;
const FUNCTION = 'a11y';

/** What is audited is where the page settles: a colour or a fade half-way through its transition is no contrast anyone reads. */
const NO_TRANSITIONS = '*, *::before, *::after { transition: none !important; animation: none !important; }';

async function expectAccessible(page: Page, where: string) {
  await page.addStyleTag({ content: NO_TRANSITIONS });
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

async function chooseLanguage(page: Page, language: (typeof LANGUAGES)[number]) {
  await page.getByRole('button', { name: language.t.language[language.code] }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language.code);
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`axe finds nothing serious at ${viewport.width} px, in English and Japanese`, async ({ page, stack }) => {
    // axe runs some forty times here; on a busy machine each takes seconds.
    test.setTimeout(600_000);
    await page.setViewportSize(viewport);
    await page.goto(`${stack.consoleUrl}/functions`);

    for (const language of LANGUAGES) {
      const { t } = language;
      const at = (where: string) => `${where} (${language.code}, ${viewport.width} px)`;
      await chooseLanguage(page, language);
      await expect(page.getByText(t.functions.empty.title)).toBeVisible();
      await expectAccessible(page, at('the empty Functions page'));

      await page.getByRole('button', { name: t.functions.create.action }).first().click();
      const create = page.getByRole('dialog', { name: t.functions.create.title });
      await expect(create).toBeVisible();
      await expectAccessible(page, at('Create Function'));
      await page.keyboard.press('Escape');
      await expect(create).toBeHidden();

      await page.goto(`${stack.consoleUrl}/no-such-page`);
      await expect(page.getByRole('link', { name: t.notFound.back })).toBeVisible();
      await expectAccessible(page, at('the not-found page'));

      await page.goto(`${stack.consoleUrl}/custom-domains`);
      await expect(page.getByRole('heading', { level: 1, name: t.nav.customDomains })).toBeVisible();
      await expect(page.getByRole('progressbar')).toHaveCount(0);
      await expectAccessible(page, at('the Custom Domains page'));
      await page.goto(`${stack.consoleUrl}/functions`);
    }

    const fc = engineSdk(stack);
    await createFunctionBySdk(fc, FUNCTION);
    await createHttpTriggerBySdk(fc, FUNCTION, 'http');

    for (const language of LANGUAGES) {
      const { t } = language;
      const at = (where: string) => `${where} (${language.code}, ${viewport.width} px)`;
      await page.goto(`${stack.consoleUrl}/functions`);
      await chooseLanguage(page, language);
      await expect(page.getByRole('link', { name: FUNCTION })).toBeVisible();
      await expectAccessible(page, at('the Functions list'));

      if (viewport.width < 900) {
        await page.getByRole('button', { name: t.layout.openNavigation }).click();
        await expect(page.getByRole('presentation').getByRole('link', { name: t.nav.functions })).toBeVisible();
        await expectAccessible(page, at('the navigation drawer'));
        await page.keyboard.press('Escape');
      }

      for (const tab of ['triggers', 'configuration', 'versions', 'asyncTasks'] as const) {
        await page.goto(`${stack.consoleUrl}/functions/${FUNCTION}?tab=${tab}`);
        await expect(page.getByRole('tab', { name: t.functions.details.tab[tab], selected: true })).toBeVisible();
        await expect(page.getByRole('progressbar')).toHaveCount(0);
        await expectAccessible(page, at(`the ${tab} tab`));
      }

      await page.goto(`${stack.consoleUrl}/functions/${FUNCTION}?tab=triggers`);
      await page.getByRole('button', { name: t.triggers.create.action }).first().click();
      const panel = page.getByRole('dialog', { name: t.triggers.form.createTitle });
      await expect(panel).toBeVisible();
      await expectAccessible(page, at('Create Trigger'));
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();

      await page.goto(`${stack.consoleUrl}/functions/${FUNCTION}`);
      const result = page.getByRole('region', { name: t.invocations.result.title });
      await page.getByRole('button', { name: t.invocations.toolbar.test, exact: true }).click();
      await expect(result.getByText(/\b200\b/).first()).toBeVisible();
      await expectAccessible(page, at('the Code tab with a Test Function result'));

      // The error panel: PUT on a trigger that allows GET and POST.
      await page.getByRole('button', { name: t.invocations.toolbar.configure }).click();
      const parameters = page.getByRole('dialog', { name: new RegExp(t.invocations.configure.title) });
      await parameters.getByRole('combobox', { name: new RegExp(t.invocations.configure.method) }).click();
      await page.getByRole('option', { name: 'PUT', exact: true }).click();
      await expect(page.getByRole('listbox')).toBeHidden();
      await expectAccessible(page, at('Configure Test Parameters'));
      await parameters.getByRole('button', { name: t.common.ok }).click();
      await expect(parameters).toBeHidden();
      await page.getByRole('button', { name: t.invocations.toolbar.test, exact: true }).click();
      await expect(result.getByRole('alert').filter({ hasText: '403' })).toBeVisible();
      await expectAccessible(page, at('the error panel'));
    }
  });
}
