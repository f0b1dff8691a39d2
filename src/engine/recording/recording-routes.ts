import type { z } from 'zod';
import { openApiErrors } from '../../contract/openapi-errors';
import { metricsQuerySchema, recordedRequestsQuerySchema } from '../../contract/recorded-request';
import { describeIssues } from '../../contract/validation-messages';
import { FcError } from '../fc-error';
import { FUNCTION_PATH, type OpenApiExtension } from '../openapi/openapi-app';
import { pathParam, type OpenApiContext } from '../openapi/openapi-env';
import { getFunction } from '../store/functions-store';
import type { Recorder } from './recorder';

/** A page token is the seq the previous page ended at. */
const pagedQuerySchema = recordedRequestsQuerySchema.refine(
  (q) => q.nextToken === undefined || /^[0-9]{1,15}$/.test(q.nextToken),
  { error: 'nextToken is not a token this operation answered.', path: ['nextToken'] },
);

function parseQuery<S extends z.ZodType>(c: OpenApiContext, schema: S): z.output<S> {
  const given = Object.entries(c.req.query()).filter(([, value]) => value !== '');
  const parsed = schema.safeParse(Object.fromEntries(given));
  if (!parsed.success) throw new FcError('InvalidArgument', describeIssues(parsed.error.issues));
  return parsed.data;
}

/**
 * The engine's own operations of the Requests inspector and Monitoring (contract/recorded-request.ts),
 * signed like every call: ListRecordedRequests, GetRecordedRequest and GetRequestMetrics. The real
 * service has none: its request logs and metrics are in Simple Log Service.
 */
export function recordingRoutes(recorder: Recorder): OpenApiExtension {
  return (api, deps) => {
    api.get(`${FUNCTION_PATH}/requests`, async (c) => {
      const functionName = pathParam(c, 'functionName');
      getFunction(deps.store.db, functionName); // 404 FunctionNotFound
      return c.json(await recorder.list(functionName, parseQuery(c, pagedQuerySchema)));
    });
    api.get(`${FUNCTION_PATH}/requests/:requestId`, async (c) => {
      const functionName = pathParam(c, 'functionName');
      getFunction(deps.store.db, functionName);
      const requestId = pathParam(c, 'requestId');
      const found = await recorder.get(functionName, requestId);
      if (!found) throw new FcError(...openApiErrors.recordedRequestNotFound(functionName, requestId));
      return c.json(found);
    });
    api.get(`${FUNCTION_PATH}/request-metrics`, async (c) => {
      const functionName = pathParam(c, 'functionName');
      getFunction(deps.store.db, functionName);
      return c.json(await recorder.metrics(functionName, parseQuery(c, metricsQuerySchema)));
    });
  };
}
