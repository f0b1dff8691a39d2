import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { fcJson } from '../../../../mocks/fc-errors';
import { seedFunction } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { server } from '../../../../mocks/node';
import { renderTestFunction } from './testing/render-test-function';

const section = (name: string) => screen.findByRole('region', { name });

async function chooseMode(
  user: ReturnType<typeof renderTestFunction>['user'],
  mode: 'Sync Invocation' | 'Async Invocation',
) {
  await user.click(screen.getByRole('button', { name: 'Choose the invocation type' }));
  await user.click(await screen.findByRole('menuitemradio', { name: mode }));
}

describe('Test Function', () => {
  it('runs the event payload and shows the status, duration, request ID, body and logs', async () => {
    seedFunction(helloFunction);
    const { user } = renderTestFunction();
    expect(await screen.findByText('Event payload via InvokeFunction')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Test Function' }));

    expect(await screen.findByText('200 OK')).toBeInTheDocument();
    expect(screen.getByText(/^\d+ ms$/)).toBeInTheDocument();
    const requestId = screen.getByRole('button', { name: 'Copy Request ID' });
    expect(requestId).toBeInTheDocument();
    const body = await section('Response body');
    expect(within(body).getByRole('tab', { name: 'Pretty', selected: true })).toBeInTheDocument();
    expect(body.querySelector('pre')).toHaveTextContent('"key": "value"');
    const logs = await section('Logs');
    expect(logs).toHaveTextContent(/FC Invoke Start RequestId: [0-9A-F-]+/);
    expect(logs).toHaveTextContent('event: {');
  });

  it('shows HTML as its source text, never rendered', async () => {
    seedFunction(helloFunction);
    server.use(
      http.post(
        '*/2023-03-30/functions/:fn/invocations',
        () =>
          new Response('<h1 id="injected">hi</h1>', {
            headers: { 'content-type': 'text/html', 'x-fc-request-id': 'r-1' },
          }),
      ),
    );
    const { user } = renderTestFunction();
    await user.click(await screen.findByRole('button', { name: 'Test Function' }));
    const body = await section('Response body');
    expect(within(body).getByText('<h1 id="injected">hi</h1>')).toBeInTheDocument();
    expect(document.getElementById('injected')).toBeNull();
  });

  it('Async Invocation shows the 202 and follows the task from Enqueued through Running to Succeeded', async () => {
    seedFunction(helloFunction);
    const { user } = renderTestFunction();
    await screen.findByText('Event payload via InvokeFunction');
    await chooseMode(user, 'Async Invocation');
    await user.click(screen.getByRole('button', { name: 'Test Function' }));

    expect(await screen.findByText('202 Accepted')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy Task ID' })).toBeInTheDocument();
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Task status: Enqueued');
    expect(screen.getByRole('button', { name: 'Stop' })).toBeInTheDocument();
    await screen.findByText('Task status: Running', undefined, { timeout: 3000 });
    await screen.findByText('Task status: Succeeded', undefined, { timeout: 3000 });
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
    expect(await section('Return payload')).toHaveTextContent('"key": "value"');
  });

  it('stops a running task', async () => {
    seedFunction(helloFunction);
    let stopped = false;
    server.use(
      http.get('*/2023-03-30/functions/:fn/async-tasks/:taskId', ({ params }) =>
        fcJson({ taskId: params.taskId, status: stopped ? 'Stopped' : 'Running', alreadyRetriedTimes: 1 }),
      ),
      http.put('*/2023-03-30/functions/:fn/async-tasks/:taskId/stop', () => {
        stopped = true;
        return fcJson({});
      }),
    );
    const { user } = renderTestFunction();
    await screen.findByText('Event payload via InvokeFunction');
    await chooseMode(user, 'Async Invocation');
    await user.click(screen.getByRole('button', { name: 'Test Function' }));
    expect(await screen.findByText('Task status: Running')).toBeInTheDocument();
    expect(screen.getByText('Retried 1 time')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(await screen.findByText('Task status: Stopped')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
  });

  it('reopens an earlier result from the history', async () => {
    seedFunction(helloFunction);
    const { user } = renderTestFunction();
    await screen.findByText('Event payload via InvokeFunction');
    await user.click(screen.getByRole('button', { name: 'Test Function' }));
    await screen.findByText('200 OK');
    await chooseMode(user, 'Async Invocation');
    await user.click(screen.getByRole('button', { name: 'Test Function' }));
    await screen.findByText('202 Accepted');

    await user.click(await screen.findByRole('button', { name: 'History (2)' }));
    const entries = await screen.findAllByRole('menuitem');
    expect(entries.map((e) => e.textContent)).toEqual([
      expect.stringMatching(/^202 Accepted/),
      expect.stringMatching(/^200 OK/),
    ]);
    await user.click(entries[1]!);
    expect(await screen.findByText('200 OK')).toBeInTheDocument();
    expect(screen.queryByText('202 Accepted')).not.toBeInTheDocument();
    expect(await section('Logs')).toHaveTextContent('FC Invoke Start');
  });

  it('shows why a test could not run at all', async () => {
    const { user } = renderTestFunction('missing');
    await screen.findByText('Event payload via InvokeFunction');
    await user.click(screen.getByRole('button', { name: 'Test Function' }));
    // FunctionNotFound from InvokeFunction is Function Compute's answer: kept as a result.
    expect(await screen.findByText('404 Not Found')).toBeInTheDocument();
    expect(screen.getByText('FunctionNotFound')).toBeInTheDocument();
  });
});
