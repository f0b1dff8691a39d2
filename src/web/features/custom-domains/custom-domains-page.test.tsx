import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../../../mocks/node';
import { renderWithProviders } from '../../testing/render-with-providers';
import { addShopDomain, seedTwoFunctions } from '../../testing/custom-domain-seeds';

// The Custom Domains pages are a lazy chunk: load it once, before the first test's wait starts.
beforeAll(() => import('./custom-domains-routes'), 120_000);
// A lazy page's first render on a busy machine takes longer than the usual wait.
const FIRST_RENDER = { timeout: 30_000 };

describe('Custom Domains page', { timeout: 60_000 }, () => {
  it('is in the navigation, and invites to add a domain when there is none', async () => {
    const { user, location } = renderWithProviders('/functions');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' }, FIRST_RENDER);
    await user.click(within(nav).getByRole('link', { name: 'Custom Domains' }));
    expect(location.pathname).toBe('/custom-domains');
    expect(await screen.findByText('No custom domains yet', {}, FIRST_RENDER)).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Custom Domains' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getAllByRole('button', { name: 'Add Custom Domain' })).toHaveLength(2);
  });

  it('lists a domain with its URL to copy, its protocol and its routes', async () => {
    seedTwoFunctions();
    await addShopDomain();
    const { user } = renderWithProviders('/custom-domains');
    const link = await screen.findByRole('link', { name: 'shop.example.localhost' }, FIRST_RENDER);
    expect(link).toHaveAttribute('href', '/custom-domains/shop.example.localhost');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('http://shop.example.localhost:3001')).toBeInTheDocument();
    expect(within(row).getByText('HTTP')).toBeInTheDocument();
    expect(within(row).getByText('2 routes')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Copy URL of shop.example.localhost' }));
    expect(await navigator.clipboard.readText()).toBe('http://shop.example.localhost:3001');
  });

  it('shows a failed list with Retry', async () => {
    server.use(
      http.get('*/2023-03-30/custom-domains', () =>
        HttpResponse.json({ Code: 'InternalError', Message: 'list broke', RequestId: 'r-1' }, { status: 500 }),
      ),
    );
    renderWithProviders('/custom-domains');
    const alert = await screen.findByRole('alert', {}, FIRST_RENDER);
    expect(alert).toHaveTextContent('The custom domains could not be loaded');
    expect(alert).toHaveTextContent('list broke');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('pages through more domains than one page holds', async () => {
    seedTwoFunctions();
    for (let i = 0; i < 21; i += 1) await addShopDomain(`d${String(i).padStart(2, '0')}.example.localhost`);
    const { user } = renderWithProviders('/custom-domains');
    expect(await screen.findByRole('link', { name: 'd00.example.localhost' }, FIRST_RENDER)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'd20.example.localhost' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'd20.example.localhost' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'd00.example.localhost' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('link', { name: 'd00.example.localhost' })).toBeInTheDocument();
  });

  it('deletes a domain after a confirmation naming it', async () => {
    seedTwoFunctions();
    await addShopDomain();
    const { user } = renderWithProviders('/custom-domains');
    await user.click(await screen.findByRole('button', { name: 'Delete domain shop.example.localhost' }, FIRST_RENDER));
    const dialog = await screen.findByRole('dialog', { name: 'Delete custom domain' });
    expect(dialog).toHaveTextContent('Delete the custom domain “shop.example.localhost”?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No custom domains yet')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
