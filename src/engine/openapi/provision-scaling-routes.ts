import { Hono } from 'hono';
import { LATEST, qualifierSchema } from '../../contract/names';
import { describeIssues } from '../../contract/validation-messages';
import { FcError } from '../fc-error';
import { qualifiedConfigsStore } from '../store/qualified-configs-store';
import { listBody, parseConfigListQuery } from './config-list-query';
import { pathParam, type OpenApiContext, type OpenApiDeps, type OpenApiEnv } from './openapi-env';
import { parseBody } from './request-input';
import { putProvisionConfigInputSchema, putScalingConfigInputSchema } from './sub-resource-schemas';
import { NO_PROVISION_CONFIG, NO_SCALING_CONFIG, provisionView, scalingView } from './sub-resource-views';

const provisionConfigs = qualifiedConfigsStore('provision_configs', putProvisionConfigInputSchema);
const scalingConfigs = qualifiedConfigsStore('scaling_configs', putScalingConfigInputSchema);

function qualifierOf(c: OpenApiContext): string {
  const parsed = qualifierSchema.optional().safeParse(c.req.query('qualifier') || undefined);
  if (!parsed.success) throw new FcError('InvalidArgument', describeIssues(parsed.error.issues, 'qualifier'));
  return parsed.data ?? LATEST;
}

/**
 * Put/Get/DeleteProvisionConfig, ListProvisionConfigs, Put/Get/DeleteScalingConfig and
 * ListScalingConfigs: stored and answered as the service does; the engine starts no instances
 * ahead of requests, and each config says so in currentError.
 */
export function provisionScalingRoutes(deps: OpenApiDeps) {
  const { db } = deps.store;
  const provision = '/functions/:functionName/provision-config';
  const scaling = '/functions/:functionName/scaling-config';
  return new Hono<OpenApiEnv>()
    .put(provision, (c) => {
      const input = parseBody(c, putProvisionConfigInputSchema);
      return c.json(provisionView(deps, provisionConfigs.put(db, pathParam(c, 'functionName'), qualifierOf(c), input)));
    })
    .get(provision, (c) => {
      const found = provisionConfigs.find(db, pathParam(c, 'functionName'), qualifierOf(c));
      return c.json(found ? provisionView(deps, found) : NO_PROVISION_CONFIG);
    })
    .delete(provision, (c) => {
      provisionConfigs.delete(db, pathParam(c, 'functionName'), qualifierOf(c));
      return c.body(null, 204);
    })
    .get('/provision-configs', (c) => {
      const page = provisionConfigs.list(db, parseConfigListQuery(c));
      return c.json(listBody('provisionConfigs', { ...page, items: page.items.map((i) => provisionView(deps, i)) }));
    })
    .put(scaling, (c) => {
      const input = parseBody(c, putScalingConfigInputSchema);
      return c.json(scalingView(deps, scalingConfigs.put(db, pathParam(c, 'functionName'), qualifierOf(c), input)));
    })
    .get(scaling, (c) => {
      const found = scalingConfigs.find(db, pathParam(c, 'functionName'), qualifierOf(c));
      return c.json(found ? scalingView(deps, found) : NO_SCALING_CONFIG);
    })
    .delete(scaling, (c) => {
      scalingConfigs.delete(db, pathParam(c, 'functionName'), qualifierOf(c));
      return c.body(null, 204);
    })
    .get('/scaling-configs', (c) => {
      const page = scalingConfigs.list(db, parseConfigListQuery(c));
      return c.json(listBody('scalingConfigs', { ...page, items: page.items.map((i) => scalingView(deps, i)) }));
    });
}
