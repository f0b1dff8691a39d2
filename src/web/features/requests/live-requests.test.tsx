import { screen, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { fcJson } from '../../../../mocks/fc-errors';
import { seedFunction } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { recordedRow } from '../../../../mocks/fixtures/recorded-rows';
import { server } from '../../../../mocks/node';
import { renderWithProviders } from '../../testing/render-with-providers';
import { requestQueries } from './queries';
import { LIVE_ROWS_MAX } from './use-live-requests';

const TAB = '/functions/hello-world?tab=requests';
const LOADED = { timeout: 20_000 };
const arrived = (name: RegExp) => screen.findByRole('row', { name }, LOADED);
const rowsNamed = (name: RegExp) => screen.queryAllByRole('row', { name });

function summaryOf(path: string, seq: number) {
  const { request: _q, response: _r, sent: _s, logs: _l, detailDropped: _d, ...summary } = recordedRow({ path });
  return { ...summary, seq };
}

describe('the Requests tab’s live list', { timeout: 60_000 }, () => {
  it('shows a request recorded before the page opened once, while later ones arrive on top', async () => {
    seedFunction(helloFunction);
    recordedRow({ path: '/before' });
    renderWithProviders(TAB);
    await arrived(/GET \/before: 200/);
    recordedRow({ path: '/after' });
    await arrived(/GET \/after: 200/);
    recordedRow({ path: '/later' });
    await arrived(/GET \/later: 200/);
    expect(
      screen
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.getAttribute('aria-label')),
    ).toEqual([expect.stringMatching(/\/later/), expect.stringMatching(/\/after/), expect.stringMatching(/\/before/)]);
  });

  it('shows every request of a burst larger than one poll’s page, without a gap', async () => {
    seedFunction(helloFunction);
    recordedRow({ path: '/before' });
    renderWithProviders(TAB);
    await arrived(/GET \/before: 200/);
    for (let i = 0; i < 150; i++) recordedRow({ path: `/burst-${String(i).padStart(3, '0')}` });
    await arrived(/GET \/burst-149: 200/);
    expect(rowsNamed(/GET \/burst-000: 200/)).toHaveLength(1);
    expect(rowsNamed(/GET \/burst-\d+: 200/)).toHaveLength(150);
  });

  // Hundreds of rows: found by their path cell and counted in the table body (role queries weigh every row's name).
  it(
    'keeps the newest arrived rows only; the next page brings the older ones from the server',
    { timeout: 180_000 },
    async () => {
      seedFunction(helloFunction);
      recordedRow({ path: '/before' });
      const { user } = renderWithProviders(TAB);
      await screen.findByText('/before', {}, LOADED);
      const over = 20;
      for (let i = 0; i < LIVE_ROWS_MAX + over; i++) recordedRow({ path: `/live-${String(i).padStart(3, '0')}` });
      await screen.findByText(`/live-${LIVE_ROWS_MAX + over - 1}`, {}, LOADED);
      const bodyRows = () => [...document.querySelectorAll('tbody tr')].map((row) => row.textContent ?? '');
      expect(bodyRows()).toHaveLength(LIVE_ROWS_MAX);
      expect(screen.queryByText('/live-019')).toBeNull();
      expect(screen.getByText('/live-020')).toBeInTheDocument();
      expect(screen.queryByText('/before')).toBeNull();
      expect(screen.getByText(`Showing the newest ${LIVE_ROWS_MAX} requests`, { exact: false })).toBeVisible();

      await user.click(screen.getByRole('button', { name: 'Next page' }));
      await screen.findByText('/live-019', {}, LOADED);
      expect(bodyRows()).toHaveLength(over + 1);
      expect(screen.queryByText('/live-020')).toBeNull();
      expect(screen.getByText('/before')).toBeInTheDocument();
    },
  );

  it('shows a request once when the store lists it again under a newer seq', async () => {
    seedFunction(helloFunction);
    const first = summaryOf('/twice', 1);
    const again = { ...first, seq: 2 };
    const next = summaryOf('/next', 3);
    server.use(
      http.get('*/2023-03-30/functions/:functionName/requests', ({ request }) =>
        new URL(request.url).searchParams.has('after')
          ? fcJson({ requests: [next, again], latestSeq: 3 })
          : fcJson({ requests: [first], latestSeq: 1 }),
      ),
    );
    renderWithProviders(TAB);
    await arrived(/GET \/next: 200/);
    expect(rowsNamed(/GET \/twice: 200/)).toHaveLength(1);
  });

  it('asks a bounded number of pages per poll when every page goes on without a row of the filter', async () => {
    seedFunction(helloFunction);
    // What the cloud answers when Log Service's scan holds none of the filter's rows: an empty page and a token.
    const chains: number[] = [];
    server.use(
      http.get('*/2023-03-30/functions/:functionName/requests', ({ request }) => {
        const params = new URL(request.url).searchParams;
        if (!params.has('after')) return fcJson({ requests: [summaryOf('/first', 1)], latestSeq: 1 });
        if (params.has('nextToken')) chains[chains.length - 1]! += 1;
        else chains.push(1);
        // The chain ends after 50 pages, so a poll that does not stop by itself still ends (and the test fails).
        const more = chains.at(-1)! < 50 ? { nextToken: String(1000 - chains.at(-1)!) } : {};
        return fcJson({ requests: [], ...more, latestSeq: 1 });
      }),
    );
    renderWithProviders(TAB);
    await arrived(/GET \/first: 200/);
    // A second poll comes only once the first has stopped asking.
    await waitFor(() => expect(chains.length).toBeGreaterThan(1), { timeout: 40_000 });
    expect(chains[0]).toBeLessThanOrEqual(10);
  });

  it('holds the rows it shows, not every poll’s answer: a flood must not grow the tab by each second’s rows', async () => {
    seedFunction(helloFunction);
    recordedRow({ path: '/before' });
    const { queryClient } = renderWithProviders(TAB);
    await arrived(/GET \/before: 200/);
    const polls = 4;
    for (let i = 0; i < polls; i++) {
      for (let j = 0; j < 50; j++) recordedRow({ path: `/flood-${i}-${j}` });
      await arrived(new RegExp(`GET /flood-${i}-49: 200`));
    }
    // Each poll's answer, kept by its `after` key, holds that second's rows beside the merged list.
    await waitFor(() => {
      const answers = queryClient
        .getQueryCache()
        .findAll({ queryKey: [...requestQueries.all('hello-world'), 'after'] });
      const held = answers.reduce(
        (sum, q) => sum + ((q.state.data as { requests?: unknown[] })?.requests?.length ?? 0),
        0,
      );
      expect(held).toBeLessThanOrEqual(50);
    });
  });
});
