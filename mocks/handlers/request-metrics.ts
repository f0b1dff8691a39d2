import { http } from 'msw';
import { metricsQuerySchema } from '../../src/contract/recorded-request';
import { requestMetricsOf } from '../../src/contract/request-metrics-buckets';
import { fcJson, parseInput, withFcErrors } from '../fc-errors';
import { requireFunction } from '../fc-state';
import { recordedRequests } from '../recorded-requests';

/** The engine's GetRequestMetrics: the figures of what the mock gateway recorded, cut as the engine cuts them. */
export const requestMetricsHandlers = [
  http.get(
    '*/2023-03-30/functions/:functionName/request-metrics',
    withFcErrors(({ request, params }) => {
      const functionName = String(params.functionName);
      requireFunction(functionName);
      const query = parseInput(metricsQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
      return fcJson(
        requestMetricsOf(
          recordedRequests.rows.filter((row) => row.functionName === functionName),
          query,
        ),
      );
    }),
  ),
];
