import { Hono } from 'hono';
import { z } from 'zod';
import { listLimitSchema, nextTokenSchema } from '../../contract/list-query';
import { describeIssues } from '../../contract/validation-messages';
import { FcError } from '../fc-error';
import { getFunction } from '../store/functions-store';
import { listTags, tagFunctions, untagFunctions } from '../store/tags-store';
import type { OpenApiDeps, OpenApiEnv } from './openapi-env';
import { parseBody } from './request-input';
import {
  jsonArrayParam,
  tagKeySchema,
  tagResourcesInputSchema,
  untagResourcesQuerySchema,
} from './sub-resource-schemas';
import { functionArn } from './views';

/** The service's one taggable resource type here; the SDK documents "function" as short for ALIYUN::FC::FUNCTION. */
const FUNCTION_TYPE = 'function';
const FUNCTION_TYPES = new Set(['function', 'aliyun::fc::function']);

const listQuerySchema = z.object({
  ResourceId: jsonArrayParam(z.string().min(1)).optional(),
  ResourceType: z.string().optional(),
  Tag: jsonArrayParam(z.object({ Key: tagKeySchema, Value: z.string().max(128).optional() })).optional(),
  Limit: listLimitSchema.default(20),
  NextToken: nextTokenSchema.optional(),
});

function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '')));
  if (!parsed.success) throw new FcError('InvalidArgument', describeIssues(parsed.error.issues));
  return parsed.data;
}

/** TagResources, UntagResources and ListTagResources (`/tags-v2`) for the functions of this engine. */
export function tagsRoutes(deps: OpenApiDeps) {
  const { db } = deps.store;
  const arnPrefix = functionArn(deps, '');

  /** The function a ResourceId names; it must be a function ARN of this engine's account and region. */
  const functionNamesOf = (resourceType: string | undefined, resourceIds: readonly string[]) => {
    if (resourceType !== undefined && !FUNCTION_TYPES.has(resourceType.toLowerCase()))
      throw new FcError('InvalidArgument', `ResourceType: "${resourceType}" cannot be tagged here; tag a function.`);
    return resourceIds.map((arn) => {
      if (!arn.startsWith(arnPrefix) || arn.length === arnPrefix.length)
        throw new FcError('InvalidArgument', `ResourceId: "${arn}" is not the ARN of a function (${arnPrefix}<name>).`);
      return getFunction(db, arn.slice(arnPrefix.length)).functionName;
    });
  };

  return new Hono<OpenApiEnv>()
    .post('/tags-v2', (c) => {
      const input = parseBody(c, tagResourcesInputSchema);
      const names = functionNamesOf(input.ResourceType, input.ResourceId);
      tagFunctions(
        db,
        names,
        input.Tag.map((tag) => ({ key: tag.Key, value: tag.Value })),
      );
      return c.body(null, 200);
    })
    .delete('/tags-v2', (c) => {
      const query = parseQuery(untagResourcesQuerySchema, c.req.query());
      if (query.TagKey === undefined && query.All !== 'true')
        throw new FcError('InvalidArgument', 'TagKey: name the tag keys to remove, or set All to true.');
      const names = functionNamesOf(query.ResourceType, query.ResourceId);
      untagFunctions(db, names, query.All === 'true' ? undefined : query.TagKey);
      return c.body(null, 204);
    })
    .get('/tags-v2', (c) => {
      const query = parseQuery(listQuerySchema, c.req.query());
      const page = listTags(db, {
        ...(query.ResourceId ? { functionNames: functionNamesOf(query.ResourceType, query.ResourceId) } : {}),
        tags: (query.Tag ?? []).map((tag) => ({
          key: tag.Key,
          ...(tag.Value === undefined ? {} : { value: tag.Value }),
        })),
        limit: query.Limit,
        ...(query.NextToken ? { nextToken: query.NextToken } : {}),
      });
      return c.json({
        RequestId: c.get('requestId'),
        TagResources: page.items.map((tag) => ({
          ResourceId: functionArn(deps, tag.functionName),
          ResourceType: FUNCTION_TYPE,
          TagKey: tag.key,
          TagValue: tag.value,
        })),
        ...(page.nextToken ? { NextToken: page.nextToken } : {}),
      });
    });
}
