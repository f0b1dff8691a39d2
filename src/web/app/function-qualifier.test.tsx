import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedAlias, seedFunction, seedTrigger, seedVersions } from '../../../mocks/fc-seed';
import { requireFunction } from '../../../mocks/fc-state';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { anonymousTrigger } from '../../../mocks/fixtures/triggers';
import { server } from '../../../mocks/node';
import { renderWithProviders } from '../testing/render-with-providers';

/** Version 1 (and alias prod) runs with a 3-second timeout; LATEST has since moved to 30 seconds. */
function seedPublishedFunction() {
  seedFunction(helloFunction);
  seedVersions('hello-world', 1);
  seedAlias('hello-world', 'prod', '1');
  const entry = requireFunction('hello-world');
  entry.fn = { ...entry.fn, timeout: 30 };
}

describe('Version/Alias selector on the function details page', () => {
  it('shows an alias’s configuration read-only, keeps it in the URL across tabs, and returns to LATEST', async () => {
    seedPublishedFunction();
    const { user, location } = renderWithProviders('/functions/hello-world?tab=configuration');
    expect(await screen.findByText('30 seconds', undefined, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Modify Configuration' })).toBeInTheDocument();

    await user.click(await screen.findByRole('combobox', { name: 'Version or alias' }));
    await user.click(await screen.findByRole('option', { name: 'Alias prod (version 1)' }));
    expect(await screen.findByText('3 seconds')).toBeInTheDocument();
    expect(location.search).toBe('?tab=configuration&qualifier=prod');
    expect(screen.getByText(/You are viewing prod: a published version cannot be changed/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Modify Configuration' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Code' }));
    expect(location.search).toBe('?tab=code&qualifier=prod');
    await screen.findByRole('navigation', { name: 'Files' }, { timeout: 20_000 });
    const deploy = screen.getByRole('button', { name: 'Deploy' });
    expect(deploy).toBeDisabled();
    expect(deploy).toHaveAccessibleDescription(/The code of prod is published and cannot be changed/);

    await user.click(screen.getByRole('combobox', { name: 'Version or alias' }));
    await user.click(await screen.findByRole('option', { name: 'LATEST' }));
    expect(location.search).toBe('?tab=code');
    await screen.findByRole('navigation', { name: 'Files' }, { timeout: 20_000 });
    expect(screen.queryByText(/is published and cannot be changed/)).not.toBeInTheDocument();
  }, 120_000);

  it('opens a version from the address and lists every version and alias to choose from', async () => {
    seedPublishedFunction();
    seedVersions('hello-world', 2);
    const { user } = renderWithProviders('/functions/hello-world?tab=configuration&qualifier=1');
    expect(await screen.findByText('3 seconds')).toBeInTheDocument();
    const select = await screen.findByRole('combobox', { name: 'Version or alias' });
    expect(select).toHaveValue('Version 1');
    await user.click(select);
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'LATEST',
      'Version 3',
      'Version 2',
      'Version 1',
      'Alias prod (version 1)',
    ]);
  }, 60_000);

  it('tests through the trigger of the alias, and runs an event payload at the version chosen', async () => {
    seedPublishedFunction();
    seedTrigger('hello-world', anonymousTrigger);
    seedTrigger('hello-world', { ...anonymousTrigger, triggerName: 'prod-http', qualifier: 'prod' });
    const { user } = renderWithProviders('/functions/hello-world?tab=code&qualifier=prod');
    expect(await screen.findByText(/via prod-http/, undefined, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByText(/via http-trigger/)).not.toBeInTheDocument();

    const invoked: URL[] = [];
    const listener = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (request.method === 'POST' && url.pathname.endsWith('/2023-03-30/functions/hello-world/invocations'))
        invoked.push(url);
    };
    server.events.on('request:start', listener);
    try {
      await user.click(screen.getByRole('combobox', { name: 'Version or alias' }));
      await user.click(await screen.findByRole('option', { name: 'Version 1' }));
      expect(await screen.findByText('Event payload via InvokeFunction')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Test Function' }));
      expect(await screen.findByText('200 OK')).toBeInTheDocument();
      expect(invoked.map((url) => url.searchParams.get('qualifier'))).toEqual(['1']);
    } finally {
      server.events.removeListener('request:start', listener);
    }
  }, 120_000);

  it('explains a version that does not exist', async () => {
    seedFunction(helloFunction);
    renderWithProviders('/functions/hello-world?tab=configuration&qualifier=9');
    expect(await screen.findByText(/VersionNotFound|not found/i)).toBeInTheDocument();
  }, 60_000);
});
