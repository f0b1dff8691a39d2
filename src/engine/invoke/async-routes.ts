import { asyncTaskListQuerySchema } from '../../contract/async-task';
import { asyncInvokeConfigInputSchema } from '../../contract/function';
import { LATEST, qualifierSchema } from '../../contract/names';
import { openApiErrors } from '../../contract/openapi-errors';
import { describeIssues } from '../../contract/validation-messages';
import type { AsyncQueue } from '../async/async-queue';
import { FcError } from '../fc-error';
import { FUNCTION_PATH, type OpenApiExtension } from '../openapi/openapi-app';
import { pathParam, type OpenApiContext } from '../openapi/openapi-env';
import { parseBody } from '../openapi/request-input';
import { getFunction } from '../store/functions-store';
import { lookupQualifier } from '../store/qualifier';
import { queueErrorResponse } from './invoke-routes';

function qualifierOf(c: OpenApiContext): string {
  const parsed = qualifierSchema.optional().safeParse(c.req.query('qualifier') || undefined);
  if (!parsed.success) throw new FcError('InvalidArgument', describeIssues(parsed.error.issues, 'qualifier'));
  return parsed.data ?? LATEST;
}

function configNotFound(functionName: string, qualifier: string): FcError {
  return new FcError(
    'AsyncConfigNotExists',
    `The async invoke config of function "${functionName}" (${qualifier}) does not exist.`,
  );
}

/** Put/Get/DeleteAsyncInvokeConfig, ListAsyncTasks, GetAsyncTask and StopAsyncTask, as the SDK calls them. */
export function asyncRoutes(queue: AsyncQueue): OpenApiExtension {
  return (api, deps) => {
    const db = deps.store.db;
    const config = `${FUNCTION_PATH}/async-invoke-config`;
    const tasks = `${FUNCTION_PATH}/async-tasks`;

    api.put(config, (c) => {
      const functionName = pathParam(c, 'functionName');
      const qualifier = qualifierOf(c);
      lookupQualifier(db, functionName, qualifier);
      const input = parseBody(c, asyncInvokeConfigInputSchema);
      return c.json(queue.putConfig(functionName, qualifier, input));
    });
    api.get(config, (c) => {
      const functionName = pathParam(c, 'functionName');
      const qualifier = qualifierOf(c);
      getFunction(db, functionName);
      const found = queue.getConfig(functionName, qualifier);
      if (!found) throw configNotFound(functionName, qualifier);
      return c.json(found);
    });
    api.delete(config, (c) => {
      const functionName = pathParam(c, 'functionName');
      const qualifier = qualifierOf(c);
      getFunction(db, functionName);
      if (!queue.deleteConfig(functionName, qualifier)) throw configNotFound(functionName, qualifier);
      return c.body(null, 204);
    });

    api.get(tasks, (c) => {
      const functionName = pathParam(c, 'functionName');
      getFunction(db, functionName);
      const query = asyncTaskListQuerySchema.safeParse(c.req.query());
      if (!query.success) throw new FcError('InvalidArgument', describeIssues(query.error.issues));
      const page = queue.list(functionName, query.data);
      return page.ok ? c.json(page.value) : queueErrorResponse(c, page.error);
    });
    api.get(`${tasks}/:taskId`, (c) => {
      const functionName = pathParam(c, 'functionName');
      getFunction(db, functionName);
      const task = queue.get(functionName, pathParam(c, 'taskId'));
      if (!task) throw new FcError(...openApiErrors.asyncTaskNotExist(pathParam(c, 'taskId')));
      return c.json(task);
    });
    api.put(`${tasks}/:taskId/stop`, (c) => {
      const functionName = pathParam(c, 'functionName');
      getFunction(db, functionName);
      const stopped = queue.stopTask(functionName, pathParam(c, 'taskId'));
      // The SDK reads no body from StopAsyncTask.
      return stopped.ok ? c.body(null, 200) : queueErrorResponse(c, stopped.error);
    });
  };
}
