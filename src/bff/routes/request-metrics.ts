import { Hono } from 'hono';
import { metricsQuerySchema, requestMetricsPath, requestMetricsSchema } from '../../contract/recorded-request';
import type { ConnectionSource } from '../connection';
import { readEngineView } from '../engine-extension';
import type { FcCall } from '../fc-client';
import { validate } from '../validation';
import { functionParams } from './params';

/**
 * The Monitoring tab's figures: the local engine's GetRequestMetrics, computed from the requests it
 * recorded. Function Compute in Alibaba Cloud has no such operation, so cloud mode answers LocalEngineOnly.
 */
export function requestMetricsRoutes(fcCall: FcCall, connection: ConnectionSource) {
  return new Hono().get('/', validate('param', functionParams), validate('query', metricsQuerySchema), async (c) => {
    const { functionName } = c.req.valid('param');
    const metrics = await readEngineView(fcCall, connection, {
      action: 'GetRequestMetrics',
      path: requestMetricsPath(functionName),
      query: c.req.valid('query'),
      schema: requestMetricsSchema,
      what: 'metrics',
    });
    return c.json(metrics);
  });
}
