import { z } from 'zod';
import { qualifierSchema, resourceNameSchema, VERSION_ID_PATTERN } from '../../contract/names';

/** Path parameters, named as the OpenAPI names them so field errors read "functionName: ...". */
export const functionParams = z.object({ functionName: resourceNameSchema });
export const triggerParams = functionParams.extend({ triggerName: resourceNameSchema });
export const aliasParams = functionParams.extend({ aliasName: resourceNameSchema });
export const versionParams = functionParams.extend({
  versionId: z.string().regex(VERSION_ID_PATTERN, { error: 'qualifier.format' }),
});
/** `?qualifier=` of a read: LATEST (the default), a version or an alias, as GetFunction and GetFunctionCode take it. */
export const qualifierQuery = z.object({ qualifier: qualifierSchema.optional() });
