import * as $FC from '@alicloud/fc20230330';
import { Hono } from 'hono';
import {
  httpTriggerConfigSchema,
  restoreTriggerSecrets,
  triggerCreateSchema,
  triggerUpdateSchema,
} from '../../contract/trigger';
import type { FcCall } from '../fc-client';
import { assertUnchanged, ifMatchOf } from '../if-match';
import { createResourceLock } from '../resource-lock';
import { invalidArgument, validate } from '../validation';
import { storedTriggerConfig, toTriggerView } from '../views';
import { functionParams, triggerParams } from './params';

export function triggerRoutes(fcCall: FcCall) {
  const lock = createResourceLock();
  return new Hono()
    .get('/', validate('param', functionParams), async (c) => {
      const { functionName } = c.req.valid('param');
      const triggers = [];
      let nextToken: string | undefined;
      do {
        const request = new $FC.ListTriggersRequest({ limit: 100, ...(nextToken ? { nextToken } : {}) });
        const { body } = await fcCall((fc) => fc.listTriggers(functionName, request));
        triggers.push(...(body?.triggers ?? []));
        nextToken = body?.nextToken || undefined;
      } while (nextToken);
      // The console manages HTTP triggers; timer, OSS and other triggers of a cloud function are left out.
      return c.json({ triggers: triggers.filter((t) => t.triggerType === 'http').map(toTriggerView) });
    })
    .post('/', validate('param', functionParams), validate('json', triggerCreateSchema), async (c) => {
      const { functionName } = c.req.valid('param');
      const { triggerConfig, ...rest } = c.req.valid('json');
      const input = new $FC.CreateTriggerInput({ ...rest, triggerConfig: JSON.stringify(triggerConfig) });
      const { body } = await fcCall((fc) =>
        fc.createTrigger(functionName, new $FC.CreateTriggerRequest({ body: input })),
      );
      return c.json(toTriggerView(body), 201);
    })
    .get('/:triggerName', validate('param', triggerParams), async (c) => {
      const { functionName, triggerName } = c.req.valid('param');
      const { body } = await fcCall((fc) => fc.getTrigger(functionName, triggerName));
      return c.json(toTriggerView(body));
    })
    .put('/:triggerName', validate('param', triggerParams), validate('json', triggerUpdateSchema), async (c) => {
      const { functionName, triggerName } = c.req.valid('param');
      const { triggerConfig: edit, ...rest } = c.req.valid('json');
      // `If-Match: "<lastModifiedTime>"`: the trigger as the panel opened it; a save since then is 412.
      const expected = ifMatchOf(c.req.header('if-match'));
      const body = await lock(`${functionName}/${triggerName}`, async () => {
        // The console never sees stored secrets: a blank one means "keep the current one".
        const { body: stored } = await fcCall((fc) => fc.getTrigger(functionName, triggerName));
        assertUnchanged(expected, stored?.lastModifiedTime, 'TriggerChanged');
        const config = httpTriggerConfigSchema.safeParse(
          restoreTriggerSecrets(edit, storedTriggerConfig(stored ?? {})),
        );
        if (!config.success) throw invalidArgument(config.error.issues, 'triggerConfig');
        const input = new $FC.UpdateTriggerInput({ ...rest, triggerConfig: JSON.stringify(config.data) });
        return (
          await fcCall((fc) =>
            fc.updateTrigger(functionName, triggerName, new $FC.UpdateTriggerRequest({ body: input })),
          )
        ).body;
      });
      return c.json(toTriggerView(body));
    })
    .delete('/:triggerName', validate('param', triggerParams), async (c) => {
      const { functionName, triggerName } = c.req.valid('param');
      await fcCall((fc) => fc.deleteTrigger(functionName, triggerName));
      return c.body(null, 204);
    });
}
