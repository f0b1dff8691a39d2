import { z } from 'zod';
import { VERSION_ID_PATTERN, qualifierSchema } from '../../contract/names';
import { describeIssues } from '../../contract/validation-messages';
import { FcError } from '../fc-error';
import type { InstancePool } from '../runtime/instance-pool';
import { getFunction } from '../store/functions-store';
import { FUNCTION_PATH, type OpenApiExtension } from './openapi-app';
import { pathParam } from './openapi-env';

const querySchema = z.object({
  qualifier: qualifierSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** ListInstances: the function's live instances in the engine's pool (LATEST's, a version's or an alias's). */
export function instancesRoutes(pool: InstancePool): OpenApiExtension {
  return (api, deps) => {
    api.get(`${FUNCTION_PATH}/instances`, (c) => {
      const functionName = pathParam(c, 'functionName');
      getFunction(deps.store.db, functionName);
      const given = Object.entries(c.req.query()).filter(([key, value]) => key in querySchema.shape && value !== '');
      const query = querySchema.safeParse(Object.fromEntries(given));
      if (!query.success) throw new FcError('InvalidArgument', describeIssues(query.error.issues));
      const instances = pool
        .instances()
        .filter((instance) => instance.functionName === functionName)
        .filter((instance) => query.data.qualifier === undefined || instance.qualifier === query.data.qualifier)
        .slice(0, query.data.limit ?? 100)
        .map((instance) => ({
          instanceId: instance.instanceId,
          qualifier: instance.qualifier,
          ...(VERSION_ID_PATTERN.test(instance.qualifier) ? { versionId: instance.qualifier } : {}),
          status: instance.retiring ? 'Stopping' : 'Running',
          createdTimeMs: instance.startedTimeMs,
        }));
      return c.json({ instances, requestId: c.get('requestId') });
    });
  };
}
