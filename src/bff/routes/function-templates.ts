import { Hono } from 'hono';
import { templateSupportSchema, type TemplateSupport } from '../../contract/template-support';
import { resolveConnection, type ConnectionSource } from '../connection';
import { functionIsolation } from '../engine-sandbox';
import type { FcCall } from '../fc-client';
import { pythonHasFlask } from '../templates/python-flask-check';

export type FlaskCheck = (isolated: boolean) => Promise<boolean>;

/** What the Create Function dialog says about the templates this machine cannot run yet. */
export function functionTemplateRoutes(
  source: ConnectionSource,
  fcCall: FcCall,
  hasFlask: FlaskCheck = pythonHasFlask,
) {
  return new Hono().get('/', async (c) => {
    const connection = await resolveConnection(source);
    let flask: TemplateSupport['flask'] = 'unknown';
    if (connection.mode === 'local') {
      const isolated = (await functionIsolation(fcCall)).functionIsolation === 'isolated';
      flask = (await hasFlask(isolated)) ? 'available' : 'missing';
    }
    return c.json(templateSupportSchema.parse({ flask }));
  });
}
