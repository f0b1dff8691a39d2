import { Hono } from 'hono';
import { createVpcBinding, deleteVpcBinding, listVpcBindings } from '../store/vpc-bindings-store';
import { pathParam, type OpenApiDeps, type OpenApiEnv } from './openapi-env';
import { parseBody } from './request-input';
import { createVpcBindingInputSchema } from './sub-resource-schemas';

/** CreateVpcBinding, ListVpcBindings, DeleteVpcBinding: stored; locally every caller reaches the function. */
export function vpcBindingsRoutes(deps: OpenApiDeps) {
  const { db } = deps.store;
  const bindings = '/functions/:functionName/vpc-bindings';
  return new Hono<OpenApiEnv>()
    .post(bindings, (c) => {
      const { vpcId } = parseBody(c, createVpcBindingInputSchema);
      createVpcBinding(db, pathParam(c, 'functionName'), vpcId);
      return c.body(null, 200);
    })
    .get(bindings, (c) => c.json({ vpcIds: listVpcBindings(db, pathParam(c, 'functionName')) }))
    .delete(`${bindings}/:vpcId`, (c) => {
      deleteVpcBinding(db, pathParam(c, 'functionName'), pathParam(c, 'vpcId'));
      return c.body(null, 204);
    });
}
