import { Hono } from 'hono';
import { CONSOLE_ERRORS, consoleErrorMessage } from '../../contract/console-errors';
import {
  metricsQuerySchema,
  requestMetricsPath,
  requestMetricsSchema,
  type MetricsQuery,
  type RequestMetrics,
} from '../../contract/recorded-request';
import { describeIssues } from '../../contract/validation-messages';
import { resolveConnection, type ConnectionSource } from '../connection';
import { getEngineExtension } from '../engine-extension';
import type { FcCall } from '../fc-client';
import { FcError } from '../fc-error';
import { validate } from '../validation';
import { functionParams } from './params';

function toEngineQuery(query: MetricsQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
}

function toMetricsView(answer: unknown): RequestMetrics {
  const parsed = requestMetricsSchema.safeParse(answer);
  if (parsed.success) return parsed.data;
  throw new FcError(
    502,
    'InvalidResponse',
    `The local engine answered with metrics the console cannot read: ${describeIssues(parsed.error.issues)}`,
  );
}

/**
 * The Monitoring tab's figures: the local engine's GetRequestMetrics, computed from the requests it
 * recorded. Function Compute in Alibaba Cloud has no such operation, so cloud mode answers LocalEngineOnly.
 */
export function requestMetricsRoutes(fcCall: FcCall, connection: ConnectionSource) {
  return new Hono().get('/', validate('param', functionParams), validate('query', metricsQuerySchema), async (c) => {
    const { functionName } = c.req.valid('param');
    const { mode } = await resolveConnection(connection);
    if (mode === 'cloud')
      throw new FcError(
        CONSOLE_ERRORS.LocalEngineOnly.status,
        'LocalEngineOnly',
        consoleErrorMessage('LocalEngineOnly'),
      );
    const query = toEngineQuery(c.req.valid('query'));
    const answer = await getEngineExtension(fcCall, 'GetRequestMetrics', requestMetricsPath(functionName), query);
    return c.json(toMetricsView(answer));
  });
}
