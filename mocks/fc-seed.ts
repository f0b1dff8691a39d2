import { functionCreateSchema, type FunctionCreate } from '../src/contract/function';
import { triggerCreateSchema, type TriggerCreateInput } from '../src/contract/trigger';
import { addFunction, buildFunction, buildTrigger, functionResponse, requireFunction } from './fc-state';

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
