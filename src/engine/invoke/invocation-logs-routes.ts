import { openApiErrors } from '../../contract/openapi-errors';
import { FcError } from '../fc-error';
import { FUNCTION_PATH, type OpenApiExtension } from '../openapi/openapi-app';
import { pathParam } from '../openapi/openapi-env';
import { getFunction } from '../store/functions-store';
import type { KeptInvocationLogs } from './invocation-logs';

/**
 * `GET /2023-03-30/functions/{functionName}/invocations/{requestId}/logs`: an engine-only extension
 * of the OpenAPI (signed like every call) answering the complete logs of one recent invocation, as
 * `{requestId, functionName, logs, truncated}`. The real service has no such operation: its logs
 * are in Simple Log Service. Logs of an invocation a gateway process served are relayed to the
 * primary: the read waits for what each has sent so far.
 */
export function invocationLogsRoutes(logs: KeptInvocationLogs): OpenApiExtension {
  return (api, deps) => {
    api.get(`${FUNCTION_PATH}/invocations/:requestId/logs`, async (c) => {
      const functionName = pathParam(c, 'functionName');
      getFunction(deps.store.db, functionName); // 404 FunctionNotFound
      const requestId = pathParam(c, 'requestId');
      if (logs.relayed.size) await logs.relayed.settled();
      const entry = logs.get(functionName, requestId);
      if (!entry) throw new FcError(...openApiErrors.invocationLogNotFound(functionName, requestId));
      return c.json(entry);
    });
  };
}
