import { Hono } from 'hono';
import { z } from 'zod';
import { invokeInputSchema } from '../../contract/invocation';
import { resolveConnection, type ConnectionSource } from '../connection';
import type { ConsoleStore } from '../console-store/console-store';
import type { FcCall } from '../fc-client';
import { FcError } from '../fc-error';
import { invokeWithEvent } from '../test-function/event-invocation';
import { invokeThroughDomain } from '../test-function/domain-invocation';
import { invokeThroughTrigger } from '../test-function/http-invocation';
import { validate } from '../validation';
import { functionParams } from './params';

const invocationParams = functionParams.extend({ id: z.string().min(1).max(64) });

/** Test Function: run a test request, keep its result in the history (the last 50), and reopen one. */
export function invocationRoutes(fcCall: FcCall, connection: ConnectionSource, store: () => ConsoleStore) {
  return new Hono()
    .post('/', validate('param', functionParams), validate('json', invokeInputSchema), async (c) => {
      const { functionName } = c.req.valid('param');
      const input = c.req.valid('json');
      const resolved = await resolveConnection(connection);
      const context = { fcCall, mode: resolved.mode, functionName };
      const { request, domainName } = input;
      const result =
        request.kind !== 'http'
          ? await invokeWithEvent(context, { ...input, request })
          : domainName
            ? await invokeThroughDomain(context, { ...input, request, domainName }, resolved)
            : await invokeThroughTrigger(context, { ...input, request });
      store().history.add(result);
      return c.json(result);
    })
    .get('/', validate('param', functionParams), (c) => {
      const { functionName } = c.req.valid('param');
      return c.json({ invocations: store().history.list(functionName) });
    })
    .get('/:id', validate('param', invocationParams), (c) => {
      const { functionName, id } = c.req.valid('param');
      const result = store().history.get(functionName, id);
      if (!result)
        throw new FcError(
          404,
          'InvocationNotFound',
          `The invocation ${id} is not in the history of "${functionName}".`,
        );
      return c.json(result);
    });
}
