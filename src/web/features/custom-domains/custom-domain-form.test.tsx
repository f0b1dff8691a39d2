import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestBffApp } from '../../../../mocks/bff-in-process';
import { REWRITE_DEADLINE_MS } from '../../../contract/regexp-cost';
import { seedVersions } from '../../../../mocks/fc-seed';
import { callApi } from '../../../../mocks/use-mock-fc';
import { chooseLanguage } from '../../i18n/i18n';
import { renderWithProviders } from '../../testing/render-with-providers';
import { addShopDomain, seedTwoFunctions } from '../../testing/custom-domain-seeds';

beforeAll(() => import('./custom-domains-routes'), 120_000);
// A lazy page's first render on a busy machine takes longer than the usual wait.
const FIRST_RENDER = { timeout: 30_000 };

async function openAdd() {
  const view = renderWithProviders('/custom-domains');
  await view.user.click(
    (await screen.findAllByRole('button', { name: 'Add Custom Domain' }, FIRST_RENDER))[0] as HTMLElement,
  );
  const panel = await screen.findByRole('dialog', { name: 'Add Custom Domain' });
  return { ...view, panel };
}

async function choose(user: ReturnType<typeof renderWithProviders>['user'], combobox: HTMLElement, option: string) {
  await user.click(combobox);
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('Add / Edit Custom Domain panel', { timeout: 60_000 }, () => {
  it('adds a domain with two routes and opens it', async () => {
    seedTwoFunctions();
    const { user, panel, location } = await openAdd();
    await user.type(within(panel).getByRole('textbox', { name: /Domain Name/ }), 'shop.example.localhost');
    const first = within(panel).getByRole('row', { name: 'Route 1' });
    await user.clear(within(first).getByRole('textbox', { name: 'Path' }));
    await user.type(within(first).getByRole('textbox', { name: 'Path' }), '/api/*');
    await choose(user, within(first).getByRole('combobox', { name: 'Function' }), 'api-fn');
    await choose(user, within(first).getByRole('combobox', { name: 'Methods' }), 'GET');
    await user.keyboard('{Escape}');

    await user.click(within(panel).getByRole('button', { name: 'Add Route' }));
    const second = within(panel).getByRole('row', { name: 'Route 2' });
    expect(within(second).getByRole('textbox', { name: 'Path' })).toHaveFocus();
    await user.keyboard('/*');
    await choose(user, within(second).getByRole('combobox', { name: 'Function' }), 'site-fn');
    await user.click(within(panel).getByRole('button', { name: 'OK' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'shop.example.localhost' })).toBeInTheDocument();
    expect(location.pathname).toBe('/custom-domains/shop.example.localhost');
    const saved = await callApi(createTestBffApp(), 'GET', '/api/custom-domains/shop.example.localhost');
    expect(saved.body.routeConfig.routes).toMatchObject([
      { path: '/api/*', functionName: 'api-fn', qualifier: 'LATEST', methods: ['GET'] },
      { path: '/*', functionName: 'site-fn', qualifier: 'LATEST' },
    ]);
  });

  it('checks each field by the contract as it is left, in the user’s language', async () => {
    seedTwoFunctions();
    const { user, panel } = await openAdd();
    const name = within(panel).getByRole('textbox', { name: /Domain Name/ });
    await user.type(name, 'not a domain');
    const path = within(within(panel).getByRole('row', { name: 'Route 1' })).getByRole('textbox', { name: 'Path' });
    await user.click(path);
    expect(await within(panel).findByText(/Use labels of letters, digits and hyphens/)).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await user.clear(path);
    await user.type(path, 'api');
    await user.tab();
    expect(await within(panel).findByText(/A route path starts with \//)).toBeInTheDocument();
    expect(path).toHaveAttribute('aria-invalid', 'true');

    await chooseLanguage('ja');
    expect(await within(panel).findByText(/ルートのパスは \/ で始まり/)).toBeInTheDocument();
    expect(within(panel).getByText(/英字、数字、ハイフンからなるラベル/)).toBeInTheDocument();
  });

  it('shows why regex rules are refused together though each one is allowed (their cost)', async () => {
    seedTwoFunctions();
    const { user, panel } = await openAdd();
    await user.type(within(panel).getByRole('textbox', { name: /Domain Name/ }), 'rules.example.localhost');
    const row = within(panel).getByRole('row', { name: 'Route 1' });
    await choose(user, within(row).getByRole('combobox', { name: 'Function' }), 'site-fn');
    await user.click(within(row).getByRole('button', { name: /Rewrite/ }));
    const timeHelp = /is answered 503 DomainRewriteTimeout/;
    expect(within(panel).queryByText(timeHelp)).not.toBeInTheDocument();
    for (const n of [1, 2, 3]) {
      await user.click(within(panel).getByRole('button', { name: 'Add Rewrite Rule: Regular expression' }));
      await user.paste('x?'.repeat(50));
      await user.click(within(panel).getByRole('textbox', { name: `Regular expression ${n}: Replace with` }));
      await user.paste('/y');
    }
    // Where a client's request goes when the rules take too long on its path.
    expect(within(panel).getByText(timeHelp)).toHaveTextContent(`within ${REWRITE_DEADLINE_MS} ms per request`);
    await user.click(within(panel).getByRole('button', { name: 'OK' }));
    expect(await within(panel).findByText(/These regex rules are too large/)).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Add Custom Domain' })).toBeInTheDocument();
  });

  it('keeps the panel and shows why the service refused', async () => {
    seedTwoFunctions();
    await addShopDomain();
    const { user, panel } = await openAdd();
    await user.type(within(panel).getByRole('textbox', { name: /Domain Name/ }), 'shop.example.localhost');
    await user.click(within(panel).getByRole('button', { name: 'OK' }));
    expect(await within(panel).findByText('The custom domain could not be added')).toBeInTheDocument();
    expect(within(panel).getByRole('textbox', { name: /Domain Name/ })).toHaveValue('shop.example.localhost');
  });

  it('offers the versions and aliases of the chosen function', async () => {
    seedTwoFunctions();
    const app = createTestBffApp();
    expect((await callApi(app, 'POST', '/api/functions/site-fn/versions', {})).status).toBe(201);
    expect(
      (await callApi(app, 'POST', '/api/functions/site-fn/aliases', { aliasName: 'live', versionId: '1' })).status,
    ).toBe(201);
    const { user, panel } = await openAdd();
    const row = within(panel).getByRole('row', { name: 'Route 1' });
    await choose(user, within(row).getByRole('combobox', { name: 'Function' }), 'site-fn');
    await user.click(within(row).getByRole('combobox', { name: 'Version or Alias' }));
    expect(await screen.findByRole('option', { name: 'Version 1' })).toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: 'live (version 1)' }));
    expect(within(row).getByRole('combobox', { name: 'Version or Alias' })).toHaveValue('live (version 1)');
  });

  it('reaches a version past the first page of the chosen function’s versions', async () => {
    seedTwoFunctions();
    seedVersions('site-fn', 105);
    const { user, panel } = await openAdd();
    const row = within(panel).getByRole('row', { name: 'Route 1' });
    await choose(user, within(row).getByRole('combobox', { name: 'Function' }), 'site-fn');
    const qualifier = within(row).getByRole('combobox', { name: 'Version or Alias' });
    await user.clear(qualifier);
    await user.type(qualifier, '1');
    await user.click(await screen.findByRole('option', { name: 'Version 1' }, FIRST_RENDER));
    expect(qualifier).toHaveValue('Version 1');
  });
});
