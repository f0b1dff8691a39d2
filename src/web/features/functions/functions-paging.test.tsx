import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedFunction } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { renderWithProviders } from '../../testing/render-with-providers';

/** `fn-000` … : names that sort as they are numbered, as FC lists them. */
const nameOf = (i: number) => `fn-${String(i).padStart(3, '0')}`;
function seedFunctions(count: number) {
  for (let i = 0; i < count; i++) seedFunction({ ...helloFunction, functionName: nameOf(i) });
}
const names = () =>
  within(screen.getByRole('table', { name: 'Functions' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('Functions list at scale', () => {
  it('pages through more functions than one List call answers, forward and back', async () => {
    seedFunctions(105);
    const { user } = renderWithProviders('/functions');
    await screen.findByRole('link', { name: nameOf(0) });
    expect(names()).toHaveLength(20);
    const pager = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(pager).getByRole('button', { name: 'Previous page' })).toBeDisabled();

    await user.selectOptions(within(pager).getByRole('combobox', { name: 'Rows per page' }), '50');
    expect(await screen.findByRole('link', { name: nameOf(49) })).toBeInTheDocument();
    for (const expected of [nameOf(50), nameOf(100)]) {
      await user.click(within(pager).getByRole('button', { name: 'Next page' }));
      expect(await screen.findByRole('link', { name: expected })).toBeInTheDocument();
    }
    // The 101st function and after: beyond the 100 one call can return.
    expect(names()).toEqual([nameOf(100), nameOf(101), nameOf(102), nameOf(103), nameOf(104)]);
    expect(within(pager).getByText('Page 3')).toBeInTheDocument();
    expect(within(pager).getByRole('button', { name: 'Next page' })).toBeDisabled();

    await user.click(within(pager).getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('link', { name: nameOf(50) })).toBeInTheDocument();
    expect(within(pager).getByText('Page 2')).toBeInTheDocument();
  }, 60_000);

  it('searches by name prefix, says when nothing matches, and clears', async () => {
    seedFunctions(30);
    seedFunction({ ...helloFunction, functionName: 'orders-api' });
    const { user } = renderWithProviders('/functions');
    await screen.findByRole('link', { name: nameOf(0) });
    const search = screen.getByRole('searchbox', { name: 'Search by function name prefix' });

    await user.type(search, 'orders{Enter}');
    expect(await screen.findByRole('link', { name: 'orders-api' })).toBeInTheDocument();
    expect(names()).toEqual(['orders-api']);

    await user.clear(search);
    await user.type(search, 'zzz{Enter}');
    expect(await screen.findByText('No function name starts with “zzz”.')).toBeInTheDocument();
    expect(screen.queryByText('No functions yet')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(await screen.findByRole('link', { name: nameOf(0) })).toBeInTheDocument();
  });

  it('cuts a 64-character name (the longest FC allows) with an ellipsis and keeps the whole name as its title', async () => {
    const long = `f${'n'.repeat(63)}`;
    seedFunction({ ...helloFunction, functionName: long });
    renderWithProviders('/functions');
    const link = await screen.findByRole('link', { name: long });
    expect(link).toHaveAttribute('title', long);
    expect(link).toHaveStyle({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' });
    expect(document.title).toBe('Functions · Function Compute console');
  });
});
