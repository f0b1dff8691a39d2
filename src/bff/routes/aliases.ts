import * as $FC from '@alicloud/fc20230330';
import { Hono } from 'hono';
import { listQuerySchema } from '../../contract/console-api';
import { aliasCreateSchema, aliasUpdateSchema } from '../../contract/function';
import type { FcCall } from '../fc-client';
import { validate } from '../validation';
import { toAliasView } from '../views';
import { aliasParams, functionParams } from './params';

export function aliasRoutes(fcCall: FcCall) {
  return new Hono()
    .get('/', validate('param', functionParams), validate('query', listQuerySchema), async (c) => {
      const { functionName } = c.req.valid('param');
      const request = new $FC.ListAliasesRequest(c.req.valid('query'));
      const { body } = await fcCall((fc) => fc.listAliases(functionName, request));
      return c.json({
        aliases: (body?.aliases ?? []).map(toAliasView),
        ...(body?.nextToken ? { nextToken: body.nextToken } : {}),
      });
    })
    .post('/', validate('param', functionParams), validate('json', aliasCreateSchema), async (c) => {
      const { functionName } = c.req.valid('param');
      const input = new $FC.CreateAliasInput(c.req.valid('json'));
      const { body } = await fcCall((fc) => fc.createAlias(functionName, new $FC.CreateAliasRequest({ body: input })));
      return c.json(toAliasView(body), 201);
    })
    .get('/:aliasName', validate('param', aliasParams), async (c) => {
      const { functionName, aliasName } = c.req.valid('param');
      const { body } = await fcCall((fc) => fc.getAlias(functionName, aliasName));
      return c.json(toAliasView(body));
    })
    .put('/:aliasName', validate('param', aliasParams), validate('json', aliasUpdateSchema), async (c) => {
      const { functionName, aliasName } = c.req.valid('param');
      const input = new $FC.UpdateAliasInput(c.req.valid('json'));
      const { body } = await fcCall((fc) =>
        fc.updateAlias(functionName, aliasName, new $FC.UpdateAliasRequest({ body: input })),
      );
      return c.json(toAliasView(body));
    })
    .delete('/:aliasName', validate('param', aliasParams), async (c) => {
      const { functionName, aliasName } = c.req.valid('param');
      await fcCall((fc) => fc.deleteAlias(functionName, aliasName));
      return c.body(null, 204);
    });
}
