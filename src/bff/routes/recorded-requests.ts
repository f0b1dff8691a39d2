import { Hono } from 'hono';
import { z } from 'zod';
import {
  recordedRequestPath,
  recordedRequestSchema,
  recordedRequestsPageSchema,
  recordedRequestsPath,
  recordedRequestsQuerySchema,
} from '../../contract/recorded-request';
import { createCloudLogs } from '../cloud-logs/cloud-logs';
import { getCloudRequest, listCloudRequests } from '../cloud-logs/cloud-requests';
import { resolveConnection, type ConnectionSource } from '../connection';
import { readEngineView } from '../engine-extension';
import type { FcCall } from '../fc-client';
import { validate } from '../validation';
import { functionParams } from './params';

const requestParams = functionParams.extend({ requestId: z.string().min(1).max(128) });
const what = 'recorded requests';

/**
 * The Requests inspector: the engine's ListRecordedRequests and GetRecordedRequest, passed on; in
 * cloud mode the function's request logs in Simple Log Service (decision 024), in the same shapes.
 */
export function recordedRequestRoutes(fcCall: FcCall, connection: ConnectionSource) {
  const cloud = createCloudLogs(fcCall, connection);
  const inCloud = async () => (await resolveConnection(connection)).mode === 'cloud';
  return new Hono()
    .get('/', validate('param', functionParams), validate('query', recordedRequestsQuerySchema), async (c) => {
      const { functionName } = c.req.valid('param');
      const query = c.req.valid('query');
      if (await inCloud()) return c.json(await listCloudRequests(cloud, functionName, query));
      const path = recordedRequestsPath(functionName);
      const schema = recordedRequestsPageSchema;
      return c.json(
        await readEngineView(fcCall, connection, { action: 'ListRecordedRequests', path, query, schema, what }),
      );
    })
    .get('/:requestId', validate('param', requestParams), async (c) => {
      const { functionName, requestId } = c.req.valid('param');
      if (await inCloud()) return c.json(await getCloudRequest(cloud, functionName, requestId));
      const path = recordedRequestPath(functionName, requestId);
      const schema = recordedRequestSchema;
      return c.json(await readEngineView(fcCall, connection, { action: 'GetRecordedRequest', path, schema, what }));
    });
}
