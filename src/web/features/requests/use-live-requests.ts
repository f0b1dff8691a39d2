import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { olderThanToken, RECORDING_DEFAULTS, type RecordedRequestSummary } from '../../../contract/recorded-request';
import type { PageRequest } from '../../components/use-token-pages';
import { fetchRequests, LIVE_POLL_MS, requestQueries, type RequestFilters } from './queries';

/** `capped`: more arrived than the tab keeps; the first page loaded is older than what is kept and is not shown. */
type Fresh = { key: string; rows: RecordedRequestSummary[]; latestSeq?: number; capped?: boolean };

/** The most arrived rows an open tab keeps in memory: older ones stay on the server, a page away. */
export const LIVE_ROWS_MAX = 500;

/** The most rows one poll brings: the engine keeps no more of a function by default. */
const ARRIVED_MAX = RECORDING_DEFAULTS.perFunction;
/** And the most pages: in cloud mode a page may hold none of the filter's rows (Log Service is filtered after its scan). */
const ARRIVED_PAGES = ARRIVED_MAX / 100;

/** Every row newer than `after`, page after page: a burst larger than one page must not leave a gap below it. */
async function fetchArrived(functionName: string, filters: RequestFilters, after: number) {
  const first = await fetchRequests(functionName, { ...filters, after, limit: 100 });
  const requests = [...first.requests];
  for (let page = first, pages = 1; page.nextToken && requests.length < ARRIVED_MAX && pages < ARRIVED_PAGES; pages++) {
    page = await fetchRequests(functionName, { ...filters, after, limit: 100, nextToken: page.nextToken });
    requests.push(...page.requests);
  }
  return { ...first, requests };
}

/** One row per request id, the first (newest) kept: opening a request shows its newest record too. */
function oncePerRequest(rows: RecordedRequestSummary[]): RecordedRequestSummary[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.requestId) && Boolean(seen.add(row.requestId)));
}

/**
 * One page of recorded requests and, on the first page, the rows that arrive after it: asked every
 * second for rows `after` the newest seq seen, merged on top without refetching the page (no
 * flicker), the newest LIVE_ROWS_MAX kept. react-query pauses the polling while the browser tab is hidden.
 */
export function useLiveRequests(functionName: string, filters: RequestFilters, page: PageRequest) {
  const query = { ...filters, ...page };
  const base = useQuery({ ...requestQueries.page(functionName, query), placeholderData: keepPreviousData });
  const key = JSON.stringify(query);
  const [fresh, setFresh] = useState<Fresh>({ key, rows: [] });
  const current: Fresh = fresh.key === key ? fresh : { key, rows: [] };
  const after = current.latestSeq ?? (base.isPlaceholderData ? undefined : base.data?.latestSeq);
  const live = useQuery({
    queryKey: [...requestQueries.all(functionName), 'after', key, after] as const,
    queryFn: () => fetchArrived(functionName, filters, after!),
    enabled: page.nextToken === undefined && after !== undefined,
    refetchInterval: LIVE_POLL_MS,
    // Each answer is merged once, under a key of its own: kept for the default 5 minutes, a flood's answers
    // (up to 1,000 rows a second) would pile up beside the LIVE_ROWS_MAX rows shown.
    gcTime: 0,
  });

  // Merged while rendering (React's "adjusting state when a prop changes"): each answer once.
  const answer = live.data;
  if (answer && after !== undefined && answer.latestSeq !== after) {
    const rows = oncePerRequest([...answer.requests, ...current.rows]);
    const capped = current.capped === true || rows.length > LIVE_ROWS_MAX;
    setFresh({ key, rows: rows.slice(0, LIVE_ROWS_MAX), latestSeq: answer.latestSeq, capped });
  }

  // Past the cap the next page starts below the oldest row kept, so none between it and the first page is lost.
  const oldest = current.rows.at(-1);
  if (current.capped && oldest)
    return { base, rows: current.rows, nextToken: olderThanToken(oldest.seq), capped: true };
  const rows = oncePerRequest([...current.rows, ...(base.data?.requests ?? [])]);
  return { base, rows, nextToken: base.data?.nextToken, capped: false };
}
