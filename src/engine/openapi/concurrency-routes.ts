import { Hono } from 'hono';
import { deleteConcurrency, getConcurrency, listConcurrency, putConcurrency } from '../store/concurrency-store';
import { listBody, parseConfigListQuery } from './config-list-query';
import { pathParam, type OpenApiDeps, type OpenApiEnv } from './openapi-env';
import { parseBody } from './request-input';
import { putConcurrencyInputSchema } from './sub-resource-schemas';
import { concurrencyView } from './sub-resource-views';

/**
 * Put/Get/DeleteConcurrencyConfig and ListConcurrencyConfigs. reservedConcurrency is enforced:
 * it caps the function's instances, 0 disables the function (every invocation is throttled).
 */
export function concurrencyRoutes(deps: OpenApiDeps) {
  const { db } = deps.store;
  return new Hono<OpenApiEnv>()
    .put('/functions/:functionName/concurrency', (c) => {
      const { reservedConcurrency } = parseBody(c, putConcurrencyInputSchema);
      return c.json(concurrencyView(deps, putConcurrency(db, pathParam(c, 'functionName'), reservedConcurrency)));
    })
    .get('/functions/:functionName/concurrency', (c) =>
      c.json(concurrencyView(deps, getConcurrency(db, pathParam(c, 'functionName')))),
    )
    .delete('/functions/:functionName/concurrency', (c) => {
      deleteConcurrency(db, pathParam(c, 'functionName'));
      return c.body(null, 204);
    })
    .get('/concurrency-configs', (c) => {
      const page = listConcurrency(db, parseConfigListQuery(c));
      return c.json(listBody('configs', { ...page, items: page.items.map((item) => concurrencyView(deps, item)) }));
    });
}
