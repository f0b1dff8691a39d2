import type { z } from 'zod';
import { z as zod } from 'zod';
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

const LIMIT_MESSAGE = 'Use a whole number from 1 to 100.';

const listQuerySchema = zod.object({
  prefix: zod.string().max(128).optional(),
  limit: zod.coerce
    .number({ error: LIMIT_MESSAGE })
    .int({ error: LIMIT_MESSAGE })
    .min(1, { error: LIMIT_MESSAGE })
    .max(100, { error: LIMIT_MESSAGE })
    .default(20),
  nextToken: zod.string().max(256).optional(),
});

/** prefix, limit (default 20, at most 100) and nextToken of a List call. */
export function parseListQuery(c: OpenApiContext): PageRequest {
  const parsed = listQuerySchema.safeParse(c.req.query());
  if (!parsed.success) throw new FcError('InvalidArgument', describeIssues(parsed.error.issues));
  const { prefix, limit, nextToken } = parsed.data;
  return { limit, ...(prefix ? { prefix } : {}), ...(nextToken ? { nextToken } : {}) };
}
