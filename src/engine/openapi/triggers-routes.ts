import { Hono } from 'hono';
import { z } from 'zod';
import { isJson } from '../../contract/invocation';
import { triggerConfigFromApiSchema, triggerCreateSchema, triggerUpdateSchema } from '../../contract/trigger';
import { createTrigger, deleteTrigger, getTrigger, listTriggers, updateTrigger } from '../store/triggers-store';
import { pathParam, type OpenApiDeps, type OpenApiEnv } from './openapi-env';
import { parseBody, parseListQuery } from './request-input';
import { triggerView } from './views';

/** The OpenAPI sends triggerConfig as a JSON string (authConfig inside may be a string too). */
const apiTriggerConfigSchema = z
  .any()
  .refine((v) => typeof v !== 'string' || v.trim() === '' || isJson(v), { error: 'json.invalid' })
  .pipe(triggerConfigFromApiSchema);

const createTriggerBodySchema = triggerCreateSchema.extend({ triggerConfig: apiTriggerConfigSchema });

const updateTriggerBodySchema = triggerUpdateSchema.extend({ triggerConfig: apiTriggerConfigSchema.optional() });

/** CreateTrigger, ListTriggers, GetTrigger, UpdateTrigger, DeleteTrigger (HTTP triggers only). */
export function triggersRoutes(deps: OpenApiDeps) {
  const { db } = deps.store;
  return new Hono<OpenApiEnv>()
    .post('/', (c) => {
      const { triggerType: _http, ...input } = parseBody(c, createTriggerBodySchema);
      return c.json(triggerView(deps, createTrigger(db, pathParam(c, 'functionName'), input)));
    })
    .get('/', (c) => {
      const page = listTriggers(db, pathParam(c, 'functionName'), parseListQuery(c));
      return c.json({
        triggers: page.items.map((t) => triggerView(deps, t)),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      });
    })
    .get('/:triggerName', (c) =>
      c.json(triggerView(deps, getTrigger(db, pathParam(c, 'functionName'), pathParam(c, 'triggerName')))),
    )
    .put('/:triggerName', (c) => {
      const patch = parseBody(c, updateTriggerBodySchema);
      return c.json(
        triggerView(deps, updateTrigger(db, pathParam(c, 'functionName'), pathParam(c, 'triggerName'), patch)),
      );
    })
    .delete('/:triggerName', (c) => {
      deleteTrigger(db, pathParam(c, 'functionName'), pathParam(c, 'triggerName'));
      return c.body(null, 204);
    });
}
