import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedFunction } from '../../../mocks/fc-seed';
import { helloFunction, helloSource } from '../../../mocks/fixtures/functions';
import { renderWithProviders } from '../testing/render-with-providers';

describe('Function details page', () => {
  it('shows the name, runtime and the Code tab with the files read-only', async () => {
    seedFunction(helloFunction);
    const { user } = renderWithProviders('/functions/hello-world');
    expect(await screen.findByRole('heading', { level: 1, name: 'hello-world' })).toBeInTheDocument();
    expect(await screen.findByText('Node.js 20')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Code', selected: true })).toBeInTheDocument();

    const files = await screen.findByRole('navigation', { name: 'Files' });
    expect(screen.getByRole('region', { name: 'index.js' })).toHaveTextContent(
      helloSource.trim().split('\n')[0] as string,
    );
    await user.click(within(files).getByRole('button', { name: 'assets/logo.png' }));
    expect(await screen.findByText(/Binary file \(10 bytes\), not editable/)).toBeInTheDocument();
  });

  it('keeps the tab in the URL and moves between tabs with the keyboard', async () => {
    seedFunction(helloFunction);
    const { user, location } = renderWithProviders('/functions/hello-world?tab=configuration');
    const tab = await screen.findByRole('tab', { name: 'Configuration', selected: true });
    expect(await screen.findByText('index.handler')).toBeInTheDocument();
    expect(screen.getByText('3 seconds')).toBeInTheDocument();

    tab.focus();
    await user.keyboard('{ArrowRight}{Enter}');
    expect(await screen.findByRole('tab', { name: 'Versions and Aliases', selected: true })).toBeInTheDocument();
    expect(location.search).toBe('?tab=versions');
  });

  it('says so when the function does not exist', async () => {
    renderWithProviders('/functions/missing');
    expect(await screen.findByText('The function could not be loaded')).toBeInTheDocument();
    expect(screen.getByText(/FunctionNotFound/)).toBeInTheDocument();
  });
});
