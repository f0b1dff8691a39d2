import type { Page } from '@playwright/test';
import { createFunctionBySdk, createHttpTriggerBySdk, engineSdk } from './fixtures/engine-sdk';
import { expect, test } from './fixtures/test';

const COUNT = 150;
const nameOf = (i: number) => `fn-${String(i).padStart(3, '0')}`;

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `the page is ${scrollWidth} px wide in a ${clientWidth} px window`).toBeLessThanOrEqual(
    clientWidth,
  );
}

test('150 functions: a prefix search finds one, and paging reaches the last', async ({ page, stack }) => {
  test.setTimeout(180_000);
  const fc = engineSdk(stack);
  for (let i = 0; i < COUNT; i++) await createFunctionBySdk(fc, nameOf(i));

  await page.goto(`${stack.consoleUrl}/functions`);
  const table = page.getByRole('table', { name: 'Functions' });
  await expect(table.getByRole('link', { name: nameOf(0) })).toBeVisible();
  await expect(page).toHaveTitle('Functions · Function Compute console');

  const search = page.getByRole('searchbox', { name: 'Search by function name prefix' });
  await search.fill(nameOf(137));
  await search.press('Enter');
  await expect(table.getByRole('link')).toHaveText([nameOf(137)]);

  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(table.getByRole('link', { name: nameOf(0) })).toBeVisible();
  const pager = page.getByRole('navigation', { name: 'Pages' });
  const next = pager.getByRole('button', { name: 'Next page' });
  for (let pageNumber = 2; pageNumber <= COUNT / 20 + 1; pageNumber++) {
    await next.click();
    await expect(pager.getByText(`Page ${pageNumber}`)).toBeVisible();
  }
  await expect(table.getByRole('link', { name: nameOf(COUNT - 1) })).toBeVisible();
  await expect(table.getByRole('link')).toHaveCount(COUNT % 20);
  await expect(next).toBeDisabled();
});

/** The longest names FC allows: 64 characters for a function, 128 for a trigger. */
const longFunction = `long_${'f'.repeat(59)}`;
const longTrigger = `trigger_${'t'.repeat(120)}`;

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`a 64-character function and a 128-character trigger at ${viewport.width} px: no sideways scroll, Modify and Delete in view`, async ({
    page,
    stack,
  }) => {
    test.setTimeout(150_000);
    expect(longFunction).toHaveLength(64);
    expect(longTrigger).toHaveLength(128);
    const fc = engineSdk(stack);
    await createFunctionBySdk(fc, longFunction);
    await createHttpTriggerBySdk(fc, longFunction, longTrigger);
    await page.setViewportSize(viewport);

    await page.goto(`${stack.consoleUrl}/functions`);
    const link = page.getByRole('link', { name: longFunction });
    await expect(link).toHaveAttribute('title', longFunction);
    await expect(page.getByRole('button', { name: `Delete function ${longFunction}` })).toBeInViewport();
    await expectNoSidewaysScroll(page);

    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: longFunction })).toBeVisible();
    await expect(page).toHaveTitle(`${longFunction} · Functions · Function Compute console`);
    await page.getByRole('tab', { name: 'Triggers' }).click();
    const row = page.getByRole('row', { name: new RegExp(longTrigger) });
    await expect(row.getByTitle(longTrigger)).toBeVisible();
    await expect(row.getByRole('button', { name: `Modify trigger ${longTrigger}` })).toBeInViewport();
    await expect(row.getByRole('button', { name: `Delete trigger ${longTrigger}` })).toBeInViewport();
    await expectNoSidewaysScroll(page);

    for (const tab of ['Code', 'Configuration', 'Versions and Aliases', 'Async Tasks']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tab', { name: tab, selected: true })).toBeInViewport();
      await expectNoSidewaysScroll(page);
    }
  });
}
