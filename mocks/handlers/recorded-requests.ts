import { http } from 'msw';
import { openApiErrors } from '../../src/contract/openapi-errors';
import {
  recordedRequestsQuerySchema,
  type RecordedRequest,
  type RecordedRequestsQuery,
  type RecordedRequestSummary,
} from '../../src/contract/recorded-request';
import { fcJson, MockFcError, parseInput, withFcErrors } from '../fc-errors';
import { requireFunction } from '../fc-state';
import { recordedRequests } from '../recorded-requests';

const BASE = '*/2023-03-30/functions/:functionName/requests';
const DEFAULT_LIMIT = 50;

function matches(row: RecordedRequest, query: RecordedRequestsQuery): boolean {
  if (query.after !== undefined && row.seq <= query.after) return false;
  if (query.triggerName && row.triggerName !== query.triggerName) return false;
  if (query.statusClass && `${Math.floor(row.status / 100)}xx` !== query.statusClass) return false;
  if (query.method && row.method !== query.method.toUpperCase()) return false;
  if (query.path && !row.path.includes(query.path)) return false;
  if (query.since && row.time < new Date(query.since).toISOString()) return false;
  if (query.until && row.time > new Date(query.until).toISOString()) return false;
  return !query.requestId || row.requestId === query.requestId;
}

function summary(row: RecordedRequest): RecordedRequestSummary {
  const { request: _request, response: _response, sent: _sent, logs: _logs, detailDropped: _dropped, ...rest } = row;
  return rest;
}

/** The engine's ListRecordedRequests and GetRecordedRequest over what the mock gateway recorded. */
export const recordedRequestHandlers = [
  http.get(
    BASE,
    withFcErrors(({ request, params }) => {
      const functionName = String(params.functionName);
      requireFunction(functionName);
      const query = parseInput(recordedRequestsQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
      // The token is the seq the next page starts below: newest first, so paging goes back in time.
      const below = query.nextToken === undefined ? Infinity : Number(query.nextToken);
      if (Number.isNaN(below)) throw new MockFcError('InvalidArgument', 'nextToken: not a token this list answered');
      const rows = recordedRequests.rows
        .filter((row) => row.functionName === functionName && row.seq < below && matches(row, query))
        .reverse();
      const limit = query.limit ?? DEFAULT_LIMIT;
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return fcJson({
        requests: page.map(summary),
        ...(rows.length > limit && last ? { nextToken: String(last.seq) } : {}),
        latestSeq: recordedRequests.seq,
      });
    }),
  ),
  http.get(
    `${BASE}/:requestId`,
    withFcErrors(({ params }) => {
      const [functionName, requestId] = [String(params.functionName), String(params.requestId)];
      requireFunction(functionName);
      const row = recordedRequests.rows.find((r) => r.functionName === functionName && r.requestId === requestId);
      if (!row) throw new MockFcError(...openApiErrors.recordedRequestNotFound(functionName, requestId));
      return fcJson(row);
    }),
  ),
];
