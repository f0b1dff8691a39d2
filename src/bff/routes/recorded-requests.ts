import { Hono } from 'hono';
import { z } from 'zod';
import { consoleErrorMessage, CONSOLE_ERRORS } from '../../contract/console-errors';
import {
  recordedRequestPath,
  recordedRequestSchema,
  recordedRequestsPageSchema,
  recordedRequestsPath,
  recordedRequestsQuerySchema,
} from '../../contract/recorded-request';
import { describeIssues } from '../../contract/validation-messages';
import { resolveConnection, type ConnectionSource } from '../connection';
import { getEngineExtension } from '../engine-extension';
import type { FcCall } from '../fc-client';
import { FcError } from '../fc-error';
import { validate } from '../validation';
import { functionParams } from './params';

const requestParams = functionParams.extend({ requestId: z.string().min(1).max(128) });

/** The engine's answer, bounded by the contract's schema: a shape the console cannot read is the engine's fault. */
function parsed<T extends z.ZodType>(schema: T, answer: unknown): z.infer<T> {
  const result = schema.safeParse(answer);
  if (result.success) return result.data;
  throw new FcError(
    502,
    'InvalidResponse',
    `The engine answered with recorded requests the console cannot read: ${describeIssues(result.error.issues)}`,
  );
}

/** The query as the signed call carries it: strings, the unset filters left out. */
function asQuery(query: Record<string, string | number | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
  );
}

/** Only the local engine's gateway records its requests (docs/decisions: the cloud's are in Log Service). */
async function requireLocal(connection: ConnectionSource) {
  const { mode } = await resolveConnection(connection);
  if (mode === 'cloud')
    throw new FcError(CONSOLE_ERRORS.LocalEngineOnly.status, 'LocalEngineOnly', consoleErrorMessage('LocalEngineOnly'));
}

/** The Requests inspector: the engine's ListRecordedRequests and GetRecordedRequest, passed on. */
export function recordedRequestRoutes(fcCall: FcCall, connection: ConnectionSource) {
  return new Hono()
    .get('/', validate('param', functionParams), validate('query', recordedRequestsQuerySchema), async (c) => {
      const { functionName } = c.req.valid('param');
      await requireLocal(connection);
      const path = recordedRequestsPath(functionName);
      const answer = await getEngineExtension(fcCall, 'ListRecordedRequests', path, asQuery(c.req.valid('query')));
      return c.json(parsed(recordedRequestsPageSchema, answer));
    })
    .get('/:requestId', validate('param', requestParams), async (c) => {
      const { functionName, requestId } = c.req.valid('param');
      await requireLocal(connection);
      const answer = await getEngineExtension(
        fcCall,
        'GetRecordedRequest',
        recordedRequestPath(functionName, requestId),
      );
      return c.json(parsed(recordedRequestSchema, answer));
    });
}
