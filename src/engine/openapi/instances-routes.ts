import { z } from 'zod';
import { VERSION_ID_PATTERN, qualifierSchema } from '../../contract/names';
import { describeIssues } from '../../contract/validation-messages';
import { FcError } from '../fc-error';
import type { InstanceSource } from '../gateways/instances-across';
import type { InstanceInfo } from '../runtime/instance-pool';
import { getFunction } from '../store/functions-store';
import { FUNCTION_PATH, type OpenApiExtension } from './openapi-app';
import { pathParam } from './openapi-env';
import { jsonArrayParam } from './sub-resource-schemas';

const querySchema = z.object({
  qualifier: qualifierSchema.optional(),
  instanceIds: jsonArrayParam(z.string()).optional(),
  instanceStatus: jsonArrayParam(z.string()).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** A live instance takes requests; one retired by a new revision finishes what it runs, then exits. */
const statusOf = (instance: InstanceInfo) => (instance.retiring ? 'Stopping' : 'Running');

/**
 * ListInstances: the function's live instances (LATEST's, a version's or an alias's), filtered by
 * qualifier, instanceIds and instanceStatus. The source is the engine's pool, or with gateway
 * processes every process's pool (instancesAcross). An instance that exited is gone from its pool,
 * so withAllActive and the time window change nothing here.
 */
export function instancesRoutes(source: InstanceSource): OpenApiExtension {
  return (api, deps) => {
    api.get(`${FUNCTION_PATH}/instances`, async (c) => {
      const functionName = pathParam(c, 'functionName');
      getFunction(deps.store.db, functionName);
      const given = Object.entries(c.req.query()).filter(([key, value]) => key in querySchema.shape && value !== '');
      const query = querySchema.safeParse(Object.fromEntries(given));
      if (!query.success) throw new FcError('InvalidArgument', describeIssues(query.error.issues));
      const { qualifier, instanceIds, instanceStatus, limit = 100 } = query.data;
      const instances = (await source.instances())
        .filter((instance) => instance.functionName === functionName)
        .filter((instance) => qualifier === undefined || instance.qualifier === qualifier)
        .filter((instance) => instanceIds === undefined || instanceIds.includes(instance.instanceId))
        .filter((instance) => instanceStatus === undefined || instanceStatus.includes(statusOf(instance)))
        .slice(0, limit)
        .map((instance) => ({
          instanceId: instance.instanceId,
          qualifier: instance.qualifier,
          ...(VERSION_ID_PATTERN.test(instance.qualifier) ? { versionId: instance.qualifier } : {}),
          status: statusOf(instance),
          createdTimeMs: instance.startedTimeMs,
        }));
      return c.json({ instances, requestId: c.get('requestId') });
    });
  };
}
