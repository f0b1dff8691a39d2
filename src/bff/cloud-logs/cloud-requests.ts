import type {
  RecordedRequest,
  RecordedRequestsPage,
  RecordedRequestsQuery,
  RecordedRequestSummary,
} from '../../contract/recorded-request';
import { FcError } from '../fc-error';
import type { CloudLogsContext } from './cloud-logs';
import { allOf, phrase, searchable, term } from './log-query';
import {
  functionLogsTopic,
  requestLogRowSchema,
  requestMetricsTopic,
  seqMs,
  toRecordedRequest,
  toRecordedSummary,
} from './request-log-row';

/** How far back the list and a request's detail look (GetLogs needs a window). */
export const LOOKBACK_SECONDS = 7 * 24 * 60 * 60;
/** GetLogs answers at most 100 rows of a search: one scan per page. */
export const SCAN_ROWS = 100;
const DEFAULT_LIMIT = 50;
/** A request's own log lines: at most this many, at most this many characters. */
const LOG_LINES = 100;
const LOG_CHARS = 64 * 1024;

const seconds = (ms: number) => Math.floor(ms / 1000);

function tokenSeq(token: string): number {
  if (!/^\d{1,17}$/.test(token))
    throw new FcError(400, 'InvalidArgument', 'nextToken: not a token this list answered.', undefined, {
      nextToken: 'nextToken',
    });
  return Number(token);
}

function matches(
  row: RecordedRequestSummary,
  query: RecordedRequestsQuery,
  bounds: { above?: number; below?: number },
) {
  if (bounds.above !== undefined && row.seq <= bounds.above) return false;
  if (bounds.below !== undefined && row.seq >= bounds.below) return false;
  if (query.statusClass && `${Math.floor(row.status / 100)}xx` !== query.statusClass) return false;
  if (query.method && row.method.toUpperCase() !== query.method.toUpperCase()) return false;
  if (query.path && !row.path.includes(query.path)) return false;
  if (query.since && row.time < new Date(query.since).toISOString()) return false;
  return !(query.until && row.time > new Date(query.until).toISOString());
}

/** The rows of one function's request metrics a search found, newest first, unreadable rows left out. */
function summariesOf(rows: Record<string, unknown>[], functionName: string): RecordedRequestSummary[] {
  return rows
    .flatMap((row) => {
      const parsed = requestLogRowSchema.safeParse(row);
      return parsed.success ? [toRecordedSummary(parsed.data, functionName)] : [];
    })
    .filter((row) => row.functionName === functionName)
    .sort((a, b) => b.seq - a.seq);
}

/**
 * ListRecordedRequests in the cloud: one GetLogs search of the function's request metrics, newest
 * first, in the window the filters name (else the last week). The search carries what Log Service
 * matches exactly (the function's topic, the qualifier, the request id); the other filters are
 * applied to the scanned rows, so a filtered page may hold fewer rows than asked and still go on.
 */
export async function listCloudRequests(
  ctx: CloudLogsContext,
  functionName: string,
  query: RecordedRequestsQuery,
): Promise<RecordedRequestsPage> {
  const requestId = searchable('requestId', query.requestId);
  const { connection, store } = await ctx.target(functionName);
  const qualifier = query.triggerName ? await ctx.triggerQualifier(functionName, query.triggerName) : undefined;
  const below = query.nextToken === undefined ? undefined : tokenSeq(query.nextToken);
  const now = Date.now();
  const earliest = seconds(now) - LOOKBACK_SECONDS;
  const since = query.after !== undefined ? seqMs(query.after) : query.since ? Date.parse(query.since) : 0;
  const until = Math.min(now, query.until ? Date.parse(query.until) : now, below === undefined ? now : seqMs(below));
  const terms = [term('__topic__', requestMetricsTopic(functionName))];
  if (qualifier) terms.push(term('qualifier', qualifier));
  if (requestId) terms.push(term('requestId', requestId));
  const from = Math.max(earliest, seconds(since));
  const to = seconds(until) + 1;
  // An empty window (since after until, or older than the logs are searched) holds nothing: SLS would refuse it.
  if (from >= to) return { requests: [], latestSeq: query.after ?? 0 };
  const rows = await ctx.getLogs(connection, store, {
    from,
    to,
    query: allOf(terms),
    line: SCAN_ROWS,
    offset: 0,
    reverse: true,
  });
  const scanned = summariesOf(rows, functionName);
  const found = scanned.filter((row) => matches(row, query, { above: query.after, below }));
  const limit = query.limit ?? DEFAULT_LIMIT;
  const page = found.slice(0, limit);
  const last = found.length > limit ? page.at(-1) : rows.length >= SCAN_ROWS ? scanned.at(-1) : undefined;
  const latestSeq = Math.max(query.after ?? 0, below === undefined ? (scanned[0]?.seq ?? 0) : 0);
  return { requests: page, ...(last ? { nextToken: String(last.seq) } : {}), latestSeq };
}

/** The function's own log lines that carry the request id, near the request's time; absent when the search fails. */
async function logLinesOf(ctx: CloudLogsContext, functionName: string, request: RecordedRequestSummary) {
  const { connection, store } = await ctx.target(functionName);
  const at = seconds(Date.parse(request.time));
  try {
    const rows = await ctx.getLogs(connection, store, {
      from: at - 60,
      to: Math.min(at + 60 * 60, seconds(Date.now()) + 60),
      query: allOf([term('__topic__', functionLogsTopic(functionName)), phrase(request.requestId)]),
      line: LOG_LINES,
      offset: 0,
      reverse: false,
    });
    const lines = rows.flatMap((row) => (typeof row.message === 'string' ? [row.message.replace(/\n$/, '')] : []));
    return lines.join('\n').slice(0, LOG_CHARS);
  } catch (err) {
    if (err instanceof FcError) return undefined; // the figures stand without the lines (a logstore without full-text index)
    throw err;
  }
}

/** GetRecordedRequest in the cloud: the request's metrics row of the last week, and its log lines. */
export async function getCloudRequest(
  ctx: CloudLogsContext,
  functionName: string,
  id: string,
): Promise<RecordedRequest> {
  const requestId = searchable('requestId', id)!;
  const { connection, store } = await ctx.target(functionName);
  const now = seconds(Date.now());
  const rows = await ctx.getLogs(connection, store, {
    from: now - LOOKBACK_SECONDS,
    to: now + 1,
    query: allOf([term('__topic__', requestMetricsTopic(functionName)), term('requestId', requestId)]),
    line: 10,
    offset: 0,
    reverse: true,
  });
  const summary = summariesOf(rows, functionName).find((row) => row.requestId === requestId);
  if (!summary)
    throw new FcError(
      404,
      'RecordedRequestNotFound',
      `No request ${requestId} of ${functionName} is in the request logs of ${store.project}/${store.logstore} over the last 7 days.`,
    );
  return toRecordedRequest(summary, await logLinesOf(ctx, functionName, summary));
}
