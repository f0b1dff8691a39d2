import { Hono } from 'hono';
import { z } from 'zod';
import { savedTestRequestInputSchema, type TestRequestsExport } from '../../contract/invocation';
import { savedTestRequestUpdateSchema } from '../../contract/test-function-api';
import type { ConsoleStore } from '../console-store/console-store';
import { validate } from '../validation';
import { functionParams } from './params';

const testRequestParams = functionParams.extend({ id: z.string().min(1).max(64) });

/** Saved test requests (Configure Test Parameters), kept in the console's data dir. */
export function testRequestRoutes(store: () => ConsoleStore) {
  return new Hono()
    .get('/', validate('param', functionParams), (c) => {
      const { functionName } = c.req.valid('param');
      return c.json({ testRequests: store().testRequests.list(functionName) });
    })
    .get('/export', validate('param', functionParams), (c) => {
      const { functionName } = c.req.valid('param');
      const file: TestRequestsExport = {
        functionName,
        exportedAt: new Date().toISOString(),
        testRequests: store().testRequests.list(functionName),
      };
      c.header('Content-Disposition', `attachment; filename="${functionName}-test-requests.json"`);
      return c.json(file);
    })
    .post('/', validate('param', functionParams), validate('json', savedTestRequestInputSchema), (c) => {
      const { functionName } = c.req.valid('param');
      return c.json(store().testRequests.create(functionName, c.req.valid('json')), 201);
    })
    .put('/:id', validate('param', testRequestParams), validate('json', savedTestRequestUpdateSchema), (c) => {
      const { functionName, id } = c.req.valid('param');
      return c.json(store().testRequests.update(functionName, id, c.req.valid('json')));
    })
    .delete('/:id', validate('param', testRequestParams), (c) => {
      const { functionName, id } = c.req.valid('param');
      store().testRequests.delete(functionName, id);
      return c.body(null, 204);
    });
}
