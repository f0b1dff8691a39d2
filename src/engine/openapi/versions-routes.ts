import { Hono } from 'hono';
import { z } from 'zod';
import { versionPublishSchema } from '../../contract/function';
import { describeIssues } from '../../contract/validation-messages';
import { FcError } from '../fc-error';
import { deleteVersion, listVersions, publishVersion } from '../store/versions-store';
import { pathParam, type OpenApiDeps, type OpenApiEnv } from './openapi-env';
import { parseBody, parseListQuery } from './request-input';
import { versionView } from './views';

const directionSchema = z.enum(['FORWARD', 'BACKWARD'], { error: 'Use FORWARD or BACKWARD.' }).default('BACKWARD');

/** PublishFunctionVersion, ListFunctionVersions, DeleteFunctionVersion. */
export function versionsRoutes(deps: OpenApiDeps) {
  const { db } = deps.store;
  return new Hono<OpenApiEnv>()
    .post('/', (c) => {
      const { description } = parseBody(c, versionPublishSchema);
      return c.json(versionView(publishVersion(db, pathParam(c, 'functionName'), description ?? '')));
    })
    .get('/', (c) => {
      const { limit, nextToken } = parseListQuery(c);
      const direction = directionSchema.safeParse(c.req.query('direction') || undefined);
      if (!direction.success) throw new FcError('InvalidArgument', describeIssues(direction.error.issues, 'direction'));
      const page = listVersions(db, pathParam(c, 'functionName'), { limit, nextToken, direction: direction.data });
      return c.json({
        versions: page.items.map(versionView),
        direction: direction.data,
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      });
    })
    .delete('/:versionId', (c) => {
      deleteVersion(db, pathParam(c, 'functionName'), pathParam(c, 'versionId'));
      return c.body(null, 204);
    });
}
