import { Hono } from 'hono';
import { z } from 'zod';
import {
  recordedRequestPath,
  recordedRequestSchema,
  recordedRequestsPageSchema,
  recordedRequestsPath,
  recordedRequestsQuerySchema,
} from '../../contract/recorded-request';
import type { ConnectionSource } from '../connection';
import { readEngineView } from '../engine-extension';
import type { FcCall } from '../fc-client';
import { validate } from '../validation';
import { functionParams } from './params';

const requestParams = functionParams.extend({ requestId: z.string().min(1).max(128) });
const what = 'recorded requests';

/**
 * The Requests inspector: the engine's ListRecordedRequests and GetRecordedRequest, passed on. Only
 * the local engine's gateway records its requests (decision 018: the cloud's are in Log Service).
 */
export function recordedRequestRoutes(fcCall: FcCall, connection: ConnectionSource) {
  return new Hono()
    .get('/', validate('param', functionParams), validate('query', recordedRequestsQuerySchema), async (c) => {
      const { functionName } = c.req.valid('param');
      const path = recordedRequestsPath(functionName);
      const query = c.req.valid('query');
      const schema = recordedRequestsPageSchema;
      return c.json(
        await readEngineView(fcCall, connection, { action: 'ListRecordedRequests', path, query, schema, what }),
      );
    })
    .get('/:requestId', validate('param', requestParams), async (c) => {
      const { functionName, requestId } = c.req.valid('param');
      const path = recordedRequestPath(functionName, requestId);
      const schema = recordedRequestSchema;
      return c.json(await readEngineView(fcCall, connection, { action: 'GetRecordedRequest', path, schema, what }));
    });
}
