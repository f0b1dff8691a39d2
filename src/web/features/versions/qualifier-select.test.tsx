import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedAlias, seedFunction, seedVersions } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { SEARCH_PAGES } from '../../components/qualifier-autocomplete';
import { recordFcListCalls } from '../../testing/fc-list-calls';
import { renderWithProviders } from '../../testing/render-with-providers';

/** More versions and aliases than one List call answers (FC gives at most 100 a page). */
const MANY = 105;
const aliasName = (i: number) => `alias-${String(i).padStart(3, '0')}`;

function seedMany() {
  seedFunction(helloFunction);
  seedVersions('hello-world', MANY);
  for (let i = 1; i <= MANY; i++) seedAlias('hello-world', aliasName(i), '1');
}

const LOADED = { timeout: 20_000 };
const selector = () => screen.findByRole('combobox', { name: 'Version or alias' }, LOADED);

describe('the Version/Alias selector with more versions and aliases than one page', { timeout: 90_000 }, () => {
  it('finds the oldest version and the last alias by typing, and opens them', async () => {
    seedMany();
    const { user, location } = renderWithProviders('/functions/hello-world?tab=configuration');
    await user.clear(await selector());
    await user.type(await selector(), '1');
    await user.click(await screen.findByRole('option', { name: 'Version 1' }, LOADED));
    expect(location.search).toBe('?tab=configuration&qualifier=1');
    expect(await selector()).toHaveValue('Version 1');

    await user.clear(await selector());
    await user.type(await selector(), aliasName(MANY));
    await user.click(await screen.findByRole('option', { name: `Alias ${aliasName(MANY)} (version 1)` }, LOADED));
    expect(location.search).toBe(`?tab=configuration&qualifier=${aliasName(MANY)}`);
  });

  it('loads the next page when the end of the list is reached', async () => {
    seedMany();
    const { user } = renderWithProviders('/functions/hello-world?tab=configuration');
    await user.click(await selector());
    const list = await screen.findByRole('listbox');
    await within(list).findByRole('option', { name: 'Version 105' }, LOADED);
    expect(within(list).queryByRole('option', { name: 'Version 1' })).not.toBeInTheDocument();
    await user.keyboard('{End}');
    expect(await within(list).findByRole('option', { name: 'Version 1' }, LOADED)).toBeInTheDocument();
    await user.keyboard('{End}');
    expect(await within(list).findByRole('option', { name: /^Alias alias-105/ }, LOADED)).toBeInTheDocument();
  });

  it('points a new alias at the oldest version, past the newest 100', async () => {
    seedFunction(helloFunction);
    seedVersions('hello-world', MANY);
    const { user } = renderWithProviders('/functions/hello-world?tab=versions');
    await user.click(await screen.findByRole('button', { name: 'Create Alias' }, LOADED));
    const create = await screen.findByRole('dialog', { name: 'Create Alias' });
    await user.type(within(create).getByRole('textbox', { name: /Alias Name/ }), 'oldest');
    const version = within(create).getByRole('combobox', { name: /^Version/ });
    await user.clear(version);
    await user.type(version, '1');
    await user.click(await screen.findByRole('option', { name: '1' }, LOADED));
    await user.click(within(create).getByRole('button', { name: 'OK' }));
    const aliases = await screen.findByRole('table', { name: 'Aliases' }, LOADED);
    const row = within(aliases).getByRole('cell', { name: 'oldest' }).closest('tr') as HTMLElement;
    expect(within(row).getByRole('cell', { name: '1' })).toBeInTheDocument();
  });

  it('stops a search that matches nothing after a bounded number of pages, and searches further when asked', async () => {
    seedFunction(helloFunction);
    const pages = SEARCH_PAGES + 2;
    for (let i = 1; i <= pages * 100; i++) seedAlias('hello-world', `alias-${String(i).padStart(4, '0')}`, '1');
    const aliasPages = recordFcListCalls('/aliases');
    const { user } = renderWithProviders('/functions/hello-world?tab=configuration');
    await user.clear(await selector());
    await user.type(await selector(), 'zz');
    expect(
      await screen.findByText(/^No version or alias matches “zz” among the \d+ loaded so far\.$/, {}, LOADED),
    ).toBeVisible();
    expect(aliasPages.length).toBeLessThan(pages);

    await user.click(screen.getByRole('button', { name: 'Search further' }));
    expect(await screen.findByText('No version or alias matches.', {}, LOADED)).toBeVisible();
    expect(aliasPages).toHaveLength(pages);
  });

  it('searches further from the keyboard: the button is in a list Tab leaves, so Enter in the field does it', async () => {
    seedFunction(helloFunction);
    const pages = SEARCH_PAGES + 2;
    for (let i = 1; i <= pages * 100; i++) seedAlias('hello-world', `alias-${String(i).padStart(4, '0')}`, '1');
    const aliasPages = recordFcListCalls('/aliases');
    const { user } = renderWithProviders('/functions/hello-world?tab=configuration');
    await user.clear(await selector());
    await user.type(await selector(), 'zz');
    expect(await screen.findByText('Press Enter to search further.', {}, LOADED)).toBeVisible();
    expect(aliasPages.length).toBeLessThan(pages);

    await user.keyboard('{Enter}');
    expect(await screen.findByText('No version or alias matches.', {}, LOADED)).toBeVisible();
    expect(aliasPages).toHaveLength(pages);
    expect(await selector()).toHaveValue('zz');
  });
});
