import { z } from 'zod';
import { listLimitSchema, nextTokenSchema } from './list-query';
import { RESOURCE_NAME_MAX, wellFormedTextSchema } from './names';

export { consoleSettingsSchema, type ConsoleSettings, type FunctionIsolation } from './console-settings';

/** The paging query of the bff's list routes (the OpenAPI's prefix, limit, nextToken). */
export const listQuerySchema = z.object({
  prefix: wellFormedTextSchema.max(RESOURCE_NAME_MAX, { error: 'name.tooLong' }).optional(),
  limit: listLimitSchema.optional(),
  nextToken: nextTokenSchema.optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;
