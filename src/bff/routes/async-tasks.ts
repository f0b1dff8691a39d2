import * as $FC from '@alicloud/fc20230330';
import { Hono } from 'hono';
import {
  asyncTaskIdSchema,
  asyncTaskListQuerySchema,
  asyncTaskSchema,
  type AsyncTask,
} from '../../contract/async-task';
import { describeIssues } from '../../contract/validation-messages';
import type { FcCall } from '../fc-client';
import { FcError } from '../fc-error';
import { validate } from '../validation';
import { toPlain } from '../views';
import { functionParams } from './params';

const taskParams = functionParams.extend({ taskId: asyncTaskIdSchema });
const listQuery = asyncTaskListQuerySchema.pick({ status: true, prefix: true, limit: true, nextToken: true });

function toTaskView(model: unknown): AsyncTask {
  const parsed = asyncTaskSchema.safeParse(toPlain(model));
  if (parsed.success) return parsed.data;
  throw new FcError(
    502,
    'InvalidResponse',
    `Function Compute answered with an async task the console cannot read: ${describeIssues(parsed.error.issues)}`,
  );
}

/** The Async Tasks view and the task an Async Invocation follows: ListAsyncTasks, GetAsyncTask, StopAsyncTask. */
export function asyncTaskRoutes(fcCall: FcCall) {
  const getTask = async (functionName: string, taskId: string) => {
    const { body } = await fcCall((fc) => fc.getAsyncTask(functionName, taskId, new $FC.GetAsyncTaskRequest({})));
    return toTaskView(body);
  };
  return new Hono()
    .get('/', validate('param', functionParams), validate('query', listQuery), async (c) => {
      const { functionName } = c.req.valid('param');
      const request = new $FC.ListAsyncTasksRequest({
        ...c.req.valid('query'),
        sortOrderByTime: 'desc',
        includePayload: true,
      });
      const { body } = await fcCall((fc) => fc.listAsyncTasks(functionName, request));
      return c.json({
        tasks: (body?.tasks ?? []).map(toTaskView),
        ...(body?.nextToken ? { nextToken: body.nextToken } : {}),
      });
    })
    .get('/:taskId', validate('param', taskParams), async (c) => {
      const { functionName, taskId } = c.req.valid('param');
      return c.json(await getTask(functionName, taskId));
    })
    .post('/:taskId/stop', validate('param', taskParams), async (c) => {
      const { functionName, taskId } = c.req.valid('param');
      await fcCall((fc) => fc.stopAsyncTask(functionName, taskId, new $FC.StopAsyncTaskRequest({})));
      return c.json(await getTask(functionName, taskId));
    });
}
