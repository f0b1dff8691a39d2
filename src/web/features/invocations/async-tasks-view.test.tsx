import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedFunction } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { AsyncTasksView } from './async-tasks-view';
import { renderInConsole } from '../../testing/render-in-console';

const api = (path: string, init?: RequestInit) =>
  fetch(new URL(`/api/functions/hello-world${path}`, window.location.origin), init);

async function asyncInvocation(event: string): Promise<string> {
  const res = await api('/invocations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'async', request: { kind: 'event', event } }),
  });
  return ((await res.json()) as { taskId: string }).taskId;
}

/** The mock moves a task one status further each time it is read. */
const advance = (taskId: string) => api(`/async-tasks/${taskId}`);

const rowOf = (taskId: string) => screen.getByRole('cell', { name: taskId }).closest('tr') as HTMLElement;

describe('Async Tasks view', () => {
  it('lists recent tasks with their status, filtered by status chips', async () => {
    seedFunction(helloFunction);
    const running = await asyncInvocation('a');
    const queued = await asyncInvocation('b');
    await advance(running);
    const { user } = renderInConsole(<AsyncTasksView functionName="hello-world" />);

    await screen.findByRole('table', { name: 'Async tasks' });
    expect(within(rowOf(running)).getByText('Running')).toBeInTheDocument();
    expect(within(rowOf(queued)).getByText('Enqueued')).toBeInTheDocument();
    expect(within(rowOf(running)).getByRole('button', { name: `Stop task ${running}` })).toBeInTheDocument();

    const filters = screen.getByRole('group', { name: 'Filter by status' });
    await user.click(within(filters).getByRole('button', { name: 'Running' }));
    await screen.findByRole('table', { name: 'Async tasks' });
    expect(screen.queryByRole('cell', { name: queued })).not.toBeInTheDocument();
    expect(screen.getByRole('cell', { name: running })).toBeInTheDocument();

    await user.click(within(filters).getByRole('button', { name: 'Failed' }));
    expect(await screen.findByText('No async tasks')).toBeInTheDocument();
  });

  it('follows running tasks by itself, and stops one', async () => {
    seedFunction(helloFunction);
    const first = await asyncInvocation('a');
    const second = await asyncInvocation('b');
    const { user } = renderInConsole(<AsyncTasksView functionName="hello-world" />);
    await screen.findByRole('table', { name: 'Async tasks' });

    await advance(first);
    await advance(first);
    expect(await within(rowOf(first)).findByText('Succeeded', undefined, { timeout: 4000 })).toBeInTheDocument();
    expect(within(rowOf(first)).getByText('a')).toBeInTheDocument(); // its return payload

    await user.click(within(rowOf(second)).getByRole('button', { name: `Stop task ${second}` }));
    expect(await within(rowOf(second)).findByText('Stopped')).toBeInTheDocument();
  });
});
