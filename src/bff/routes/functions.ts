import * as $FC from '@alicloud/fc20230330';
import { Hono } from 'hono';
import { listQuerySchema } from '../../contract/console-api';
import { functionCodeFilesSchema, functionFromTemplateSchema, functionUpdateSchema } from '../../contract/function';
import { downloadCode } from '../code-download';
import { codeFilesFromZip } from '../code-files';
import type { FcCall } from '../fc-client';
import { functionFromTemplate } from '../templates/function-templates';
import { validate } from '../validation';
import { toFunctionView } from '../views';
import { functionParams, qualifierQuery } from './params';

export function functionRoutes(fcCall: FcCall) {
  return new Hono()
    .get('/', validate('query', listQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const { body } = await fcCall((fc) => fc.listFunctions(new $FC.ListFunctionsRequest(query)));
      return c.json({
        functions: (body?.functions ?? []).map(toFunctionView),
        ...(body?.nextToken ? { nextToken: body.nextToken } : {}),
      });
    })
    .post('/', validate('json', functionFromTemplateSchema), async (c) => {
      const input = new $FC.CreateFunctionInput(functionFromTemplate(c.req.valid('json')));
      const { body } = await fcCall((fc) => fc.createFunction(new $FC.CreateFunctionRequest({ body: input })));
      return c.json(toFunctionView(body), 201);
    })
    .get('/:functionName', validate('param', functionParams), validate('query', qualifierQuery), async (c) => {
      const { functionName } = c.req.valid('param');
      const request = new $FC.GetFunctionRequest(c.req.valid('query'));
      const { body } = await fcCall((fc) => fc.getFunction(functionName, request));
      return c.json(toFunctionView(body));
    })
    .put('/:functionName', validate('param', functionParams), validate('json', functionUpdateSchema), async (c) => {
      const { functionName } = c.req.valid('param');
      const input = new $FC.UpdateFunctionInput(c.req.valid('json'));
      const { body } = await fcCall((fc) =>
        fc.updateFunction(functionName, new $FC.UpdateFunctionRequest({ body: input })),
      );
      return c.json(toFunctionView(body));
    })
    .delete('/:functionName', validate('param', functionParams), async (c) => {
      const { functionName } = c.req.valid('param');
      await fcCall((fc) => fc.deleteFunction(functionName));
      return c.body(null, 204);
    })
    .get('/:functionName/code', validate('param', functionParams), validate('query', qualifierQuery), async (c) => {
      const { functionName } = c.req.valid('param');
      const request = new $FC.GetFunctionCodeRequest(c.req.valid('query'));
      const { body } = await fcCall((fc) => fc.getFunctionCode(functionName, request));
      if (!body?.url) return c.json({ checksum: body?.checksum ?? '', files: [] });
      const files = await codeFilesFromZip(await downloadCode(body.url));
      return c.json(functionCodeFilesSchema.parse({ checksum: body.checksum ?? '', files }));
    });
}
