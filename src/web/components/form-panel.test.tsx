import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { seedFunction } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { Providers } from '../app/providers';
import { AppRoutes } from '../app/routes';
import { useGuardedBrowserLocation } from '../lib/browser-location';
import { createTestQueryClient } from '../testing/query-client';

// The first render of a page transforms its modules: slow on a busy machine.
const loaded = { timeout: 30_000 };

/** The whole console in the browser's own location, so that Back and Forward are the browser's. */
function renderInBrowser(path: string) {
  // As if the user had come to `path` earlier in this tab: the location follows the history's popstate.
  const idx = (history.state as { idx?: number } | null)?.idx ?? 0;
  history.pushState({ idx: idx + 1 }, '', path);
  dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
  const user = userEvent.setup();
  render(
    <Providers queryClient={createTestQueryClient()}>
      <Router hook={useGuardedBrowserLocation}>
        <AppRoutes />
      </Router>
    </Providers>,
  );
  return user;
}

const discardDialog = () => screen.findByRole('dialog', { name: 'Discard changes?' });
async function cancelDiscard(user: ReturnType<typeof userEvent.setup>) {
  await user.click(within(await discardDialog()).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Discard changes?' })).not.toBeInTheDocument());
}

describe('FormPanel and the browser’s Back', { timeout: 120_000 }, () => {
  it('asks before Back discards a half-filled Create Trigger; Cancel keeps it all, Discard leaves', async () => {
    seedFunction(helloFunction);
    const user = renderInBrowser('/functions/hello-world');
    await user.click(await screen.findByRole('tab', { name: 'Triggers' }, loaded));
    expect(location.search).toBe('?tab=triggers');
    await user.click(await screen.findByRole('button', { name: 'Create Trigger' }, loaded));
    const panel = await screen.findByRole('dialog', { name: 'Create Trigger' });
    const name = within(panel).getByRole('textbox', { name: /^Name/ });
    await user.type(name, 'half-filled');

    // Back only changes the tab in the address, and that alone would drop the panel.
    act(() => history.back());
    await cancelDiscard(user);
    expect(location.search).toBe('?tab=triggers');
    expect(screen.getByRole('dialog', { name: 'Create Trigger' })).toBe(panel);
    expect(name).toHaveValue('half-filled');

    act(() => history.back());
    await user.click(within(await discardDialog()).getByRole('button', { name: 'Discard' }));
    expect(await screen.findByRole('tab', { name: 'Code', selected: true })).toBeInTheDocument();
    expect(location.search).toBe('');
    expect(screen.queryByRole('dialog', { name: 'Create Trigger' })).not.toBeInTheDocument();
  });

  it('asks before Back leaves a half-filled Add Custom Domain for another page', async () => {
    const user = renderInBrowser('/functions');
    await user.click(await screen.findByRole('link', { name: 'Custom Domains' }, loaded));
    expect(location.pathname).toBe('/custom-domains');
    await user.click((await screen.findAllByRole('button', { name: 'Add Custom Domain' }, loaded))[0] as HTMLElement);
    const panel = await screen.findByRole('dialog', { name: 'Add Custom Domain' });
    await user.type(within(panel).getByRole('textbox', { name: /Domain Name/ }), 'shop.example.localhost');

    act(() => history.back());
    await cancelDiscard(user);
    expect(location.pathname).toBe('/custom-domains');
    expect(within(panel).getByRole('textbox', { name: /Domain Name/ })).toHaveValue('shop.example.localhost');

    act(() => history.back());
    await user.click(within(await discardDialog()).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(location.pathname).toBe('/functions'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Functions' }, loaded)).toBeInTheDocument();
  });
});
