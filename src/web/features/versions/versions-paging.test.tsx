import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedAlias, seedFunction, seedVersions } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { recordFcListCalls } from '../../testing/fc-list-calls';
import { renderWithProviders } from '../../testing/render-with-providers';

const PATH = '/functions/hello-world?tab=versions';
const firstColumn = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);

describe('Versions and aliases at scale', () => {
  it('pages through 105 versions, newest first, to the oldest', async () => {
    seedFunction(helloFunction);
    seedVersions('hello-world', 105);
    const calls = recordFcListCalls('/versions');
    const { user } = renderWithProviders(PATH);
    const table = await screen.findByRole('table', { name: 'Versions' }, { timeout: 20_000 });
    expect(firstColumn(table)).toHaveLength(20);
    expect(firstColumn(table)[0]).toBe('105');
    // The first page asks FC for one page, not for everything.
    expect(calls.some((query) => query.get('limit') === '20' && !query.has('nextToken'))).toBe(true);
    expect(calls.every((query) => query.has('limit'))).toBe(true);

    const pager = screen.getByRole('navigation', { name: 'Version pages' });
    await user.selectOptions(within(pager).getByRole('combobox', { name: 'Rows per page' }), '50');
    expect(await within(table).findByRole('cell', { name: '56' })).toBeInTheDocument();
    await user.click(within(pager).getByRole('button', { name: 'Next page' }));
    expect(await within(table).findByRole('cell', { name: '6' })).toBeInTheDocument();
    await user.click(within(pager).getByRole('button', { name: 'Next page' }));
    expect(await within(table).findByRole('cell', { name: '1' })).toBeInTheDocument();
    expect(firstColumn(table)).toEqual(['5', '4', '3', '2', '1']);
    expect(within(pager).getByText('Page 3')).toBeInTheDocument();
    expect(within(pager).getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(calls.at(-1)?.get('nextToken')).toBe('5');
  }, 120_000);

  it('pages through 105 aliases by name to the last', async () => {
    seedFunction(helloFunction);
    seedVersions('hello-world', 1);
    const nameOf = (i: number) => `alias-${String(i).padStart(3, '0')}`;
    for (let i = 0; i < 105; i++) seedAlias('hello-world', nameOf(i), '1');
    const calls = recordFcListCalls('/aliases');
    const { user } = renderWithProviders(PATH);
    const table = await screen.findByRole('table', { name: 'Aliases' }, { timeout: 20_000 });
    expect(firstColumn(table)).toEqual(Array.from({ length: 20 }, (_, i) => nameOf(i)));
    expect(calls.some((query) => query.get('limit') === '20' && !query.has('nextToken'))).toBe(true);

    const pager = screen.getByRole('navigation', { name: 'Alias pages' });
    await user.selectOptions(within(pager).getByRole('combobox', { name: 'Rows per page' }), '50');
    expect(await within(table).findByRole('cell', { name: nameOf(49) })).toBeInTheDocument();
    for (const expected of [nameOf(50), nameOf(104)]) {
      await user.click(within(pager).getByRole('button', { name: 'Next page' }));
      expect(await within(table).findByRole('cell', { name: expected })).toBeInTheDocument();
    }
    expect(firstColumn(table)).toEqual([100, 101, 102, 103, 104].map(nameOf));
    expect(within(pager).getByRole('button', { name: 'Next page' })).toBeDisabled();

    await user.click(within(pager).getByRole('button', { name: 'Previous page' }));
    expect(await within(table).findByRole('cell', { name: nameOf(50) })).toBeInTheDocument();
  }, 120_000);
});
