import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedFunction } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { renderWithProviders } from '../testing/render-with-providers';

describe('Console layout', () => {
  it('marks up the navigation as a list of items, with the current section marked', async () => {
    renderWithProviders('/functions');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    const items = within(within(nav).getByRole('list')).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0] as HTMLElement).getByRole('link', { name: 'Functions' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(items[1] as HTMLElement).getByRole('link', { name: 'Custom Domains' })).not.toHaveAttribute(
      'aria-current',
    );
  });

  it('offers a skip link first, which leads to the main content', async () => {
    const { user } = renderWithProviders('/functions');
    await screen.findByRole('heading', { level: 1, name: 'Functions' });
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveFocus();
    const target = document.getElementById(skip.getAttribute('href')?.slice(1) ?? '');
    expect(target?.tagName).toBe('MAIN');
    expect(target).toHaveAttribute('tabindex', '-1');
  });

  it('opens the navigation as a drawer from the menu button, and closes it on the way to a page', async () => {
    const { user } = renderWithProviders('/functions/missing');
    await user.click(await screen.findByRole('button', { name: 'Open navigation' }));
    const drawer = await screen.findByRole('presentation');
    const nav = within(drawer).getByRole('navigation', { name: 'Main navigation' });
    await user.click(within(nav).getByRole('link', { name: 'Functions' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Functions' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open navigation' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('titles the browser tab after the page, the function and the language', async () => {
    seedFunction(helloFunction);
    const { user } = renderWithProviders('/functions/hello-world?tab=configuration');
    // The details page is a lazy chunk: its first transform is slow on a busy machine.
    await screen.findByText('index.handler', undefined, { timeout: 20_000 });
    expect(document.title).toBe('hello-world · Functions · Function Compute console');
    await user.click(screen.getByRole('button', { name: '日本語' }));
    await screen.findByRole('tab', { name: '設定', selected: true });
    expect(document.title).toBe('hello-world · 関数 · Function Compute コンソール');
  }, 40_000);
});
