import { z } from 'zod';
import { wellFormedTextSchema } from './names';

const LIMIT_MESSAGE = 'list.limit.range';

/** `limit` of every List call, the OpenAPI's and the bff's: 1 to 100, from a URL string or a number. */
export const listLimitSchema = z.coerce
  .number({ error: LIMIT_MESSAGE })
  .int({ error: LIMIT_MESSAGE })
  .min(1, { error: LIMIT_MESSAGE })
  .max(100, { error: LIMIT_MESSAGE });

/** `nextToken` of a List call, as the previous page answered it. */
export const nextTokenSchema = wellFormedTextSchema.max(1024);
