import { Hono } from 'hono';
import { metricsQuerySchema, requestMetricsPath, requestMetricsSchema } from '../../contract/recorded-request';
import { createCloudLogs } from '../cloud-logs/cloud-logs';
import { cloudRequestMetrics } from '../cloud-logs/cloud-metrics';
import { resolveConnection, type ConnectionSource } from '../connection';
import { readEngineView } from '../engine-extension';
import type { FcCall } from '../fc-client';
import { validate } from '../validation';
import { functionParams } from './params';

/**
 * The Monitoring tab's figures: the local engine's GetRequestMetrics, computed from the requests it
 * recorded; in cloud mode Log Service's analytics over the function's request logs (decision 024).
 */
export function requestMetricsRoutes(fcCall: FcCall, connection: ConnectionSource) {
  const cloud = createCloudLogs(fcCall, connection);
  return new Hono().get('/', validate('param', functionParams), validate('query', metricsQuerySchema), async (c) => {
    const { functionName } = c.req.valid('param');
    const query = c.req.valid('query');
    if ((await resolveConnection(connection)).mode === 'cloud')
      return c.json(await cloudRequestMetrics(cloud, functionName, query));
    const metrics = await readEngineView(fcCall, connection, {
      action: 'GetRequestMetrics',
      path: requestMetricsPath(functionName),
      query,
      schema: requestMetricsSchema,
      what: 'metrics',
    });
    return c.json(metrics);
  });
}
