import { Hono } from 'hono';
import { aliasCreateSchema, aliasUpdateSchema } from '../../contract/function';
import { createAlias, deleteAlias, getAlias, listAliases, updateAlias } from '../store/aliases-store';
import { pathParam, type OpenApiDeps, type OpenApiEnv } from './openapi-env';
import { parseBody, parseListQuery } from './request-input';
import { aliasView } from './views';

/** CreateAlias, ListAliases, GetAlias, UpdateAlias, DeleteAlias. */
export function aliasesRoutes(deps: OpenApiDeps) {
  const { db } = deps.store;
  return new Hono<OpenApiEnv>()
    .post('/', (c) => {
      const { aliasName, ...input } = parseBody(c, aliasCreateSchema);
      return c.json(aliasView(createAlias(db, pathParam(c, 'functionName'), aliasName, input)));
    })
    .get('/', (c) => {
      const page = listAliases(db, pathParam(c, 'functionName'), parseListQuery(c));
      return c.json({ aliases: page.items.map(aliasView), ...(page.nextToken ? { nextToken: page.nextToken } : {}) });
    })
    .get('/:aliasName', (c) => c.json(aliasView(getAlias(db, pathParam(c, 'functionName'), pathParam(c, 'aliasName')))))
    .put('/:aliasName', (c) => {
      const patch = parseBody(c, aliasUpdateSchema);
      return c.json(aliasView(updateAlias(db, pathParam(c, 'functionName'), pathParam(c, 'aliasName'), patch)));
    })
    .delete('/:aliasName', (c) => {
      deleteAlias(db, pathParam(c, 'functionName'), pathParam(c, 'aliasName'));
      return c.body(null, 204);
    });
}
