import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { fcErrorResponse } from '../../../../mocks/fc-errors';
import { seedFunction, seedTrigger } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { anonymousTrigger } from '../../../../mocks/fixtures/triggers';
import { server } from '../../../../mocks/node';
import { renderWithProviders } from '../../testing/render-with-providers';

async function openCreatePanel(withTrigger = false) {
  seedFunction(helloFunction);
  if (withTrigger) seedTrigger('hello-world', anonymousTrigger);
  const view = renderWithProviders('/functions/hello-world?tab=triggers');
  // The first render of the page transforms its modules: slow on a busy machine.
  const loaded = { timeout: 30_000 };
  if (withTrigger) await screen.findByRole('cell', { name: 'http-trigger' }, loaded);
  await view.user.click(await screen.findByRole('button', { name: 'Create Trigger' }, loaded));
  const panel = await screen.findByRole('dialog', { name: 'Create Trigger' });
  return { ...view, panel };
}

describe('Create Trigger panel, where the user is', { timeout: 90_000 }, () => {
  it('puts the cursor in Name when it opens', async () => {
    const { panel } = await openCreatePanel();
    await waitFor(() => expect(within(panel).getByRole('textbox', { name: /^Name/ })).toHaveFocus());
  });

  it('shows a server error beside OK, where the user is, and moves focus to it', async () => {
    server.use(
      http.post('*/2023-03-30/functions/:fn/triggers', () =>
        fcErrorResponse('ServiceUnavailable', 'The service is busy.', 503),
      ),
    );
    const { user, panel } = await openCreatePanel();
    await user.type(within(panel).getByRole('textbox', { name: /^Name/ }), 'busy-trigger');
    await user.click(within(panel).getByRole('radio', { name: 'API-configured CORS' }));
    await user.type(within(panel).getByRole('combobox', { name: /Allowed Origins/ }), 'https://a.example.com{Enter}');
    await user.click(within(panel).getByRole('button', { name: 'OK' }));

    const title = await within(panel).findByText('The trigger could not be created');
    const alert = title.closest('[role="alert"]') as HTMLElement;
    await waitFor(() => expect(alert).toHaveFocus());
    const cors = within(panel).getByRole('radio', { name: 'API-configured CORS' });
    const ok = within(panel).getByRole('button', { name: 'OK' });
    expect(cors.compareDocumentPosition(alert) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(alert.compareDocumentPosition(ok) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('does not offer LATEST once it has an HTTP trigger, and says which one', async () => {
    const { user, panel } = await openCreatePanel(true);
    const qualifier = within(panel).getByRole('combobox', { name: /Version or Alias/ });
    expect(qualifier).toHaveAccessibleDescription(/LATEST already has the HTTP trigger http-trigger/);
    await user.click(qualifier);
    const latest = await screen.findByRole('option', { name: /LATEST/ });
    expect(latest).toHaveAttribute('aria-disabled', 'true');
    expect(latest).toHaveTextContent('http-trigger');
  });

  it('makes one chip per origin from a pasted comma-separated list', async () => {
    const { user, panel } = await openCreatePanel();
    await user.click(within(panel).getByRole('radio', { name: 'API-configured CORS' }));
    await user.click(within(panel).getByRole('combobox', { name: /Allowed Origins/ }));
    await user.paste('https://a.example.com, https://b.example.com  https://c.example.com');
    await user.keyboard('{Enter}');
    for (const origin of ['https://a.example.com', 'https://b.example.com', 'https://c.example.com'])
      expect(within(panel).getByText(origin)).toBeInTheDocument();
  });

  it('shows the Basic username and password rules before anything fails', async () => {
    const { user, panel } = await openCreatePanel();
    await user.click(within(panel).getByRole('combobox', { name: /Authentication Method/ }));
    await user.click(await screen.findByRole('option', { name: 'Basic Authentication' }));
    expect(within(panel).getByRole('textbox', { name: /^Username 1/ })).toHaveAccessibleDescription(
      /12 to 128 characters, without a colon/,
    );
    expect(within(panel).getByLabelText(/^Password 1/)).toHaveAccessibleDescription(
      /12 to 128 characters with an uppercase letter, a lowercase letter, a digit and a special character/,
    );
  });

  it('names a refused CORS method once', async () => {
    const { user, panel } = await openCreatePanel();
    await user.click(within(panel).getByRole('radio', { name: 'API-configured CORS' }));
    const methods = within(panel).getByRole('combobox', { name: /Allowed Methods/ });
    await user.type(methods, 'OPTIONS{Enter}');
    await user.tab();
    expect(methods).toHaveAccessibleDescription('Do not add OPTIONS: the gateway answers preflight requests itself.');
  });
});
