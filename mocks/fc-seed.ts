import { functionCreateSchema, type FunctionCreate } from '../src/contract/function';
import { triggerCreateSchema, type TriggerCreateInput } from '../src/contract/trigger';
import { addFunction, buildFunction, buildTrigger, functionResponse, now, requireFunction } from './fc-state';
import { enqueueTask } from './invocation-state';

/** Put a function straight into the mock account (a test's "given"), checked by the contract. */
export function seedFunction(input: FunctionCreate) {
  return functionResponse(addFunction(buildFunction(functionCreateSchema.parse(input))).fn);
}

/** Put an HTTP trigger on a seeded function; URLs as the engine on port 3001 would give them. */
export function seedTrigger(functionName: string, input: TriggerCreateInput) {
  const entry = requireFunction(functionName);
  const trigger = buildTrigger(functionName, triggerCreateSchema.parse(input), '3001');
  entry.triggers.set(trigger.triggerName, trigger);
  return trigger;
}

/** Publish `count` versions of a seeded function (1, 2, …), each a snapshot of it as it is now. */
export function seedVersions(functionName: string, count: number) {
  const entry = requireFunction(functionName);
  for (let i = 0; i < count; i++) {
    entry.lastVersionId += 1;
    const time = now();
    const versionId = String(entry.lastVersionId);
    entry.versions.set(versionId, { versionId, createdTime: time, lastModifiedTime: time, snapshot: { ...entry.fn } });
  }
}

/** Point an alias of a seeded function at one of its versions. */
export function seedAlias(functionName: string, aliasName: string, versionId: string) {
  const time = now();
  requireFunction(functionName).aliases.set(aliasName, {
    aliasName,
    versionId,
    createdTime: time,
    lastModifiedTime: time,
  });
}

/** An async task of a seeded function, Enqueued, started at `startedTime`. */
export function seedTask(functionName: string, taskId: string, startedTime: number) {
  enqueueTask(requireFunction(functionName), { taskId, startedTime, qualifier: 'LATEST' });
}
