import { z } from 'zod';
import { listLimitSchema } from '../../contract/list-query';
import { describeIssues } from '../../contract/validation-messages';
import { FcError } from '../fc-error';
import type { PageRequest } from '../store/paging';
import type { OpenApiContext } from './openapi-env';

/** The JSON body, parsed by a contract schema; anything wrong is InvalidArgument naming the field. */
export function parseBody<S extends z.ZodType>(c: OpenApiContext, schema: S): z.output<S> {
  const text = new TextDecoder().decode(c.get('rawBody'));
  let json: unknown = {};
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      throw new FcError('InvalidArgument', 'The request body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new FcError('InvalidArgument', describeIssues(parsed.error.issues));
  return parsed.data;
}

const listQuerySchema = z.object({
  prefix: z.string().max(128).optional(),
  limit: listLimitSchema.default(20),
  nextToken: z.string().max(256).optional(),
});

/** prefix, limit (default 20, at most 100) and nextToken of a List call. */
export function parseListQuery(c: OpenApiContext): PageRequest {
  const parsed = listQuerySchema.safeParse(c.req.query());
  if (!parsed.success) throw new FcError('InvalidArgument', describeIssues(parsed.error.issues));
  const { prefix, limit, nextToken } = parsed.data;
  return { limit, ...(prefix ? { prefix } : {}), ...(nextToken ? { nextToken } : {}) };
}
