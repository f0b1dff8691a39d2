import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bffHandler, createTestBffApp, TEST_CONNECTION } from '../../../../mocks/bff-in-process';
import { seedFunction, seedTrigger } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { recordedRow } from '../../../../mocks/fixtures/recorded-rows';
import { anonymousTrigger, bearerTrigger } from '../../../../mocks/fixtures/triggers';
import { server } from '../../../../mocks/node';
import { LOGGING_CONFIG } from '../../../../mocks/sls-request-logs';
import { renderWithProviders } from '../../testing/render-with-providers';
import { renderInConsole } from '../../testing/render-in-console';
import { MonitoringTab } from './monitoring-tab';

const HOUR = 60 * 60 * 1000;

function given() {
  seedFunction(helloFunction);
  seedTrigger('hello-world', anonymousTrigger);
  seedTrigger('hello-world', bearerTrigger);
}

/** The text beside a total's name in the Totals list. */
async function total(name: string, list = 'Totals'): Promise<string | null | undefined> {
  const totals = await screen.findByRole('region', { name: list });
  return within(totals).getByText(name).nextElementSibling?.textContent;
}

// jsdom draws each chart's SVG slowly (96 bars of the last day, four charts): a busy machine needs the time.
describe('Monitoring tab', { timeout: 60_000 }, () => {
  it('shows the totals and the titled charts of the recorded requests, each chart described in words', async () => {
    given();
    for (const status of [200, 200, 201, 404, 429, 502]) recordedRow({ status, durationMs: status / 10 }); // p50 by nearest rank: the 3rd of 6, 20.1
    renderInConsole(<MonitoringTab functionName="hello-world" />);

    expect(await total('Invocations')).toBe('6');
    expect(await total('Client errors (4xx)')).toBe('2'); // the 429 is a client error too
    expect(await total('Server errors (5xx)')).toBe('1');
    expect(await total('Throttled (429)')).toBe('1');
    expect(await total('Slowest p99')).toBe('50.2 ms');

    const invocations = screen.getByRole('figure', { name: 'Invocations' });
    expect(invocations).toHaveAccessibleDescription('6 in total, at most 6 in one bucket');
    expect(screen.getByRole('figure', { name: 'Errors by status' })).toHaveAccessibleDescription(
      '3 in total, at most 3 in one bucket',
    );
    expect(screen.getByRole('figure', { name: 'Throttles (429)' })).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Duration p50 / p99 (ms)' })).toHaveAccessibleDescription(
      'p50 up to 20.1 ms and p99 up to 50.2 ms',
    );
    const table = screen.getByRole('table', { name: /Requests per 1 minutes/ });
    expect(within(table).getAllByRole('row')).toHaveLength(2); // the header and the one minute with requests

    // The charts arrive in their own chunk: the spinner gives way to the drawing.
    await waitFor(() => expect(within(invocations).queryByRole('progressbar')).not.toBeInTheDocument());
    expect(invocations.querySelector('svg')).not.toBeNull();
    expect(screen.queryByText(/The chart could not be drawn/)).not.toBeInTheDocument();
  });

  it('asks for the last day when the window is switched', async () => {
    given();
    recordedRow({ status: 200 });
    recordedRow({ status: 500, ago: 5 * HOUR });
    const { user } = renderInConsole(<MonitoringTab functionName="hello-world" />);
    expect(await total('Invocations')).toBe('1');
    expect(await total('Server errors (5xx)')).toBe('0');

    await user.click(screen.getByRole('button', { name: 'Last day' }));
    await waitFor(async () => expect(await total('Invocations')).toBe('2'));
    expect(await total('Server errors (5xx)')).toBe('1');
    expect(screen.getByRole('table', { name: /Requests per 15 minutes/ })).toBeInTheDocument();
  });

  it('shows one trigger’s requests when a trigger is chosen, and offers the qualifiers seen', async () => {
    given();
    recordedRow({ triggerName: 'http-trigger' });
    recordedRow({ triggerName: 'bearer-trigger', status: 401, qualifier: 'prod' });
    recordedRow({ triggerName: 'bearer-trigger', status: 401 });
    const { user } = renderInConsole(<MonitoringTab functionName="hello-world" />);
    expect(await total('Invocations')).toBe('3');

    await user.click(screen.getByRole('combobox', { name: 'Trigger' }));
    await user.click(await screen.findByRole('option', { name: 'bearer-trigger' }));
    await waitFor(async () => expect(await total('Invocations')).toBe('2'));
    expect(await total('Client errors (4xx)')).toBe('2');

    await user.click(screen.getByRole('combobox', { name: 'Qualifier' }));
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['All qualifiers', 'LATEST', 'prod']);
    await user.click(screen.getByRole('option', { name: 'prod' }));
    await waitFor(async () => expect(await total('Invocations')).toBe('1'));
  });

  it('says nothing was recorded, then shows a request that arrives while it is open', async () => {
    given();
    recordedRow({ ago: 2 * HOUR });
    renderInConsole(<MonitoringTab functionName="hello-world" />);
    expect(await screen.findByText('No requests recorded in this time range')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();

    recordedRow({ status: 503 });
    expect(await screen.findByRole('figure', { name: 'Invocations' }, { timeout: 9000 })).toBeInTheDocument();
    expect(await total('Server errors (5xx)')).toBe('1');
  });

  it('shows in cloud mode the figures Log Service computes from the function’s request logs', async () => {
    seedFunction({ ...helloFunction, logConfig: LOGGING_CONFIG });
    for (const status of [200, 404, 502]) recordedRow({ status });
    server.use(bffHandler(createTestBffApp({ ...TEST_CONNECTION, mode: 'cloud' })));
    renderInConsole(<MonitoringTab functionName="hello-world" />);
    expect(await total('Invocations')).toBe('3');
    expect(await total('Client errors (4xx)')).toBe('1');
    expect(await total('Server errors (5xx)')).toBe('1');
    expect(screen.getByText(/analysis of the function's request logs/)).toBeInTheDocument();
  });

  it('says in cloud mode how to turn on the request logs it reads, when the function writes none', async () => {
    given();
    server.use(bffHandler(createTestBffApp({ ...TEST_CONNECTION, mode: 'cloud' })));
    renderInConsole(<MonitoringTab functionName="hello-world" />);
    expect(await screen.findByText('This function writes no request logs')).toBeInTheDocument();
    expect(screen.getByText(/Turn on logging .* with request-level metrics in the Function Compute console/));
  });

  it('is a tab of the function’s page, in Japanese too', async () => {
    given();
    recordedRow();
    const { user } = renderWithProviders('/functions/hello-world?tab=monitoring');
    // The details page is a lazy chunk, transformed on first use: slow on a busy machine.
    expect(
      await screen.findByRole('tab', { name: 'Monitoring', selected: true }, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(await total('Invocations')).toBe('1');
    await user.click(within(screen.getByRole('group', { name: 'Language' })).getByRole('button', { name: '日本語' }));
    expect(
      await screen.findByRole('tab', { name: 'モニタリング', selected: true }, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(await total('呼び出し', '合計')).toBe('1');
  });
});
