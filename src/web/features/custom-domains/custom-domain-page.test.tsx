import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customDomainGateway } from '../../../../mocks/custom-domain-gateway';
import { server } from '../../../../mocks/node';
import { addShopDomain, seedTwoFunctions, updateDomain } from '../../testing/custom-domain-seeds';
import { renderWithProviders } from '../../testing/render-with-providers';

beforeAll(() => import('./custom-domains-routes'), 120_000);
// A lazy page's first render on a busy machine takes longer than the usual wait.
const FIRST_RENDER = { timeout: 30_000 };
beforeEach(() => {
  server.use(customDomainGateway);
});

const DOMAIN = 'shop.example.localhost';

async function openDomain() {
  seedTwoFunctions();
  await addShopDomain(DOMAIN);
  const view = renderWithProviders(`/custom-domains/${DOMAIN}`);
  expect(await screen.findByRole('heading', { level: 1, name: DOMAIN }, FIRST_RENDER)).toBeInTheDocument();
  expect(await screen.findByText('http://shop.example.localhost:3001')).toBeInTheDocument();
  return view;
}

describe('A custom domain’s page', { timeout: 60_000 }, () => {
  it('shows the URL to copy and the routes', async () => {
    const { user } = await openDomain();
    expect(screen.getByText('http://shop.example.localhost:3001')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: `Copy URL of ${DOMAIN}` }));
    expect(await navigator.clipboard.readText()).toBe('http://shop.example.localhost:3001');
    const rows = within(screen.getByRole('table', { name: 'Routes' })).getAllByRole('row');
    expect(rows.slice(1).map((row) => row.textContent)).toEqual([
      '/api/*api-fnLATESTGET, POST',
      '/*site-fnLATESTAll methods',
    ]);
  });

  it('sends a request through the domain and marks the route that matched', async () => {
    const { user } = await openDomain();
    const area = screen.getByRole('region', { name: 'Test Through the Domain' });
    const routes = screen.getByRole('table', { name: 'Routes' });
    const path = within(area).getByRole('textbox', { name: 'Path' });
    await user.clear(path);
    await user.type(path, '/api/orders');
    await user.click(within(area).getByRole('button', { name: 'Send' }));

    expect(await within(area).findByText('Status 200')).toBeInTheDocument();
    expect(within(area).getByText(/Matched route 1: \/api\/\*/)).toBeInTheDocument();
    expect(within(area).getByRole('region', { name: 'Response body' })).toHaveTextContent('"function":"api-fn"');
    const marked = () => routes.querySelector('tr[aria-current="true"]');
    expect(marked()).toHaveTextContent('/api/*');

    // POST is not among /api/*'s methods: the catch-all serves it.
    await user.click(within(area).getByRole('combobox', { name: 'Method' }));
    await user.click(await screen.findByRole('option', { name: 'POST' }));
    await user.click(within(area).getByRole('button', { name: 'Send' }));
    expect(await within(area).findByText(/Matched route 1/)).toBeInTheDocument();
    await user.click(within(area).getByRole('combobox', { name: 'Method' }));
    await user.click(await screen.findByRole('option', { name: 'DELETE' }));
    await user.click(within(area).getByRole('button', { name: 'Send' }));
    expect(await within(area).findByText(/Matched route 2: \/\*/)).toBeInTheDocument();
    expect(marked()).toHaveTextContent('site-fn');
  });

  it('refuses a path that is not a request path, under the field', async () => {
    const { user } = await openDomain();
    const area = screen.getByRole('region', { name: 'Test Through the Domain' });
    const path = within(area).getByRole('textbox', { name: 'Path' });
    await user.clear(path);
    await user.type(path, '//attacker.example/');
    await user.click(within(area).getByRole('button', { name: 'Send' }));
    expect(await within(area).findByText('A path starts with /.')).toBeInTheDocument();
    expect(path).toHaveAttribute('aria-invalid', 'true');
  });

  it('edits the routes; a save over someone else’s is refused until the user overwrites', async () => {
    const { user } = await openDomain();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const panel = await screen.findByRole('dialog', { name: 'Edit Custom Domain' });
    expect(within(panel).getByRole('textbox', { name: 'Domain Name' })).toBeDisabled();
    await user.click(within(panel).getByRole('button', { name: 'Remove route 1' }));
    await updateDomain(DOMAIN, { protocol: 'HTTP' });
    await user.click(within(panel).getByRole('button', { name: 'OK' }));

    expect(await within(panel).findByText('The custom domain changed since you opened it')).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Overwrite' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Custom Domain' })).not.toBeInTheDocument());
    const table = await screen.findByRole('table', { name: 'Routes' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('/*site-fn');
  });

  it('deletes the domain after a confirmation and returns to the list', async () => {
    const { user, location } = await openDomain();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete custom domain' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No custom domains yet')).toBeInTheDocument();
    expect(location.pathname).toBe('/custom-domains');
  });
});
