import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedFunction, seedTask } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { recordFcListCalls } from '../../testing/fc-list-calls';
import { renderInConsole } from '../../testing/render-in-console';
import { AsyncTasksView } from './async-tasks-view';

const idOf = (i: number) => `task-${String(i).padStart(3, '0')}`;
function seedTasks(count: number) {
  seedFunction(helloFunction);
  for (let i = 0; i < count; i++) seedTask('hello-world', idOf(i), 1_700_000_000_000 + i * 1000);
}
const ids = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);

describe('Async tasks at scale', () => {
  it('pages through 105 tasks, newest first, to the oldest', async () => {
    seedTasks(105);
    const calls = recordFcListCalls('/async-tasks');
    const { user } = renderInConsole(<AsyncTasksView functionName="hello-world" />);
    const table = await screen.findByRole('table', { name: 'Async tasks' }, { timeout: 20_000 });
    expect(ids(table)).toHaveLength(20);
    expect(ids(table)[0]).toBe(idOf(104));
    expect(calls[0]?.get('limit')).toBe('20');
    expect(calls[0]?.has('nextToken')).toBe(false);

    const pager = screen.getByRole('navigation', { name: 'Pages' });
    await user.selectOptions(within(pager).getByRole('combobox', { name: 'Rows per page' }), '50');
    expect(await within(table).findByRole('cell', { name: idOf(55) })).toBeInTheDocument();
    for (const expected of [idOf(5), idOf(0)]) {
      await user.click(within(pager).getByRole('button', { name: 'Next page' }));
      expect(await screen.findByRole('cell', { name: expected })).toBeInTheDocument();
    }
    expect(ids(screen.getByRole('table', { name: 'Async tasks' }))).toEqual([4, 3, 2, 1, 0].map(idOf));
    expect(within(pager).getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(calls.at(-1)?.get('nextToken')).toBeTruthy();
  }, 120_000);

  it('finds tasks by task ID prefix within a status, and says when none starts with it', async () => {
    seedTasks(30);
    const calls = recordFcListCalls('/async-tasks');
    const { user } = renderInConsole(<AsyncTasksView functionName="hello-world" />);
    await screen.findByRole('table', { name: 'Async tasks' }, { timeout: 20_000 });
    const search = screen.getByRole('searchbox', { name: 'Search by task ID prefix' });

    await user.type(search, 'task-02{Enter}');
    expect(await screen.findByRole('cell', { name: idOf(20) })).toBeInTheDocument();
    expect(ids(screen.getByRole('table', { name: 'Async tasks' }))).toEqual(
      [29, 28, 27, 26, 25, 24, 23, 22, 21, 20].map(idOf),
    );
    expect(calls.at(-1)?.get('prefix')).toBe('task-02');

    await user.click(
      within(screen.getByRole('group', { name: 'Filter by status' })).getByRole('button', { name: 'Enqueued' }),
    );
    expect(await screen.findByRole('cell', { name: idOf(20) })).toBeInTheDocument();
    expect(calls.at(-1)?.get('status')).toBe('Enqueued');
    expect(calls.at(-1)?.get('prefix')).toBe('task-02');

    await user.clear(search);
    await user.type(search, 'job-{Enter}');
    expect(await screen.findByText('No async task ID starts with “job-”.')).toBeInTheDocument();
  }, 120_000);
});
