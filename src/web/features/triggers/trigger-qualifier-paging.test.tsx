import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedAlias, seedFunction, seedVersions } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { renderWithProviders } from '../../testing/render-with-providers';

/** More versions and aliases than one List call answers (FC gives at most 100 a page). */
const MANY = 105;
const aliasName = (i: number) => `alias-${String(i).padStart(3, '0')}`;
const LOADED = { timeout: 30_000 };

async function openCreatePanel() {
  seedFunction(helloFunction);
  seedVersions('hello-world', MANY);
  for (let i = 1; i <= MANY; i++) seedAlias('hello-world', aliasName(i), String(i));
  const view = renderWithProviders('/functions/hello-world?tab=triggers');
  await view.user.click(await screen.findByRole('button', { name: 'Create Trigger' }, LOADED));
  const panel = await screen.findByRole('dialog', { name: 'Create Trigger' });
  return { ...view, panel, qualifier: within(panel).getByRole('combobox', { name: /Version or Alias/ }) };
}

async function createOn(label: string, typed: string, triggerName: string) {
  const { user, panel, qualifier } = await openCreatePanel();
  await user.type(within(panel).getByRole('textbox', { name: /^Name/ }), triggerName);
  await user.clear(qualifier);
  await user.type(qualifier, typed);
  await user.click(await screen.findByRole('option', { name: label }, LOADED));
  expect(qualifier).toHaveValue(label);
  await user.click(within(panel).getByRole('button', { name: 'OK' }));
  return (await screen.findByRole('cell', { name: triggerName }, LOADED)).closest('tr') as HTMLElement;
}

describe('the trigger form’s Version or Alias with more than one page of each', { timeout: 90_000 }, () => {
  it('puts a trigger on the oldest version, past the newest 100', async () => {
    const row = await createOn('Version 1', '1', 'on-version-1');
    expect(within(row).getByRole('cell', { name: '1' })).toBeInTheDocument();
  });

  it('puts a trigger on the 105th alias', async () => {
    const row = await createOn(`${aliasName(MANY)} (version ${MANY})`, aliasName(MANY), 'on-last-alias');
    expect(within(row).getByRole('cell', { name: aliasName(MANY) })).toBeInTheDocument();
  });
});
