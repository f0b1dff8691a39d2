import * as $FC from '@alicloud/fc20230330';
import { Hono } from 'hono';
import { listQuerySchema } from '../../contract/console-api';
import { versionPublishSchema } from '../../contract/function';
import type { FcCall } from '../fc-client';
import { validate } from '../validation';
import { toVersionView } from '../views';
import { functionParams, versionParams } from './params';

export function versionRoutes(fcCall: FcCall) {
  return new Hono()
    .get(
      '/',
      validate('param', functionParams),
      validate('query', listQuerySchema.pick({ limit: true, nextToken: true })),
      async (c) => {
        const { functionName } = c.req.valid('param');
        const request = new $FC.ListFunctionVersionsRequest(c.req.valid('query'));
        const { body } = await fcCall((fc) => fc.listFunctionVersions(functionName, request));
        return c.json({
          versions: (body?.versions ?? []).map(toVersionView),
          ...(body?.nextToken ? { nextToken: body.nextToken } : {}),
        });
      },
    )
    .post('/', validate('param', functionParams), validate('json', versionPublishSchema), async (c) => {
      const { functionName } = c.req.valid('param');
      const input = new $FC.PublishVersionInput(c.req.valid('json'));
      const { body } = await fcCall((fc) =>
        fc.publishFunctionVersion(functionName, new $FC.PublishFunctionVersionRequest({ body: input })),
      );
      return c.json(toVersionView(body), 201);
    })
    .delete('/:versionId', validate('param', versionParams), async (c) => {
      const { functionName, versionId } = c.req.valid('param');
      await fcCall((fc) => fc.deleteFunctionVersion(functionName, versionId));
      return c.body(null, 204);
    });
}
