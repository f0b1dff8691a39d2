import { z } from 'zod';
import { listLimitSchema, nextTokenSchema } from '../../contract/list-query';
import { resourceNameSchema } from '../../contract/names';
import { describeIssues } from '../../contract/validation-messages';
import { FcError } from '../fc-error';
import type { ConfigListRequest } from '../store/concurrency-store';
import type { OpenApiContext } from './openapi-env';

const configListQuerySchema = z.object({
  functionName: resourceNameSchema.optional(),
  limit: listLimitSchema.default(20),
  nextToken: nextTokenSchema.optional(),
});

/** functionName, limit (default 20, at most 100) and nextToken of the account-wide config lists. */
export function parseConfigListQuery(c: OpenApiContext): ConfigListRequest {
  const given = Object.entries(c.req.query()).filter(([, value]) => value !== '');
  const parsed = configListQuerySchema.safeParse(Object.fromEntries(given));
  if (!parsed.success) throw new FcError('InvalidArgument', describeIssues(parsed.error.issues));
  const { functionName, limit, nextToken } = parsed.data;
  return { limit, ...(functionName ? { functionName } : {}), ...(nextToken ? { nextToken } : {}) };
}

/** A List answer: the items under their field name, and nextToken only when there is a next page. */
export function listBody<K extends string, T>(field: K, page: { items: T[]; nextToken?: string }) {
  return { [field]: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) } as Record<K, T[]> & {
    nextToken?: string;
  };
}
