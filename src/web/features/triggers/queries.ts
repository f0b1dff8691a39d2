import { triggerSchema, type TriggerCreate, type TriggerUpdate } from '../../../contract/trigger';
import { apiClient, apiPath, ifMatchHeader } from '../../lib/api-client';
import { triggersPath as base } from '../../lib/trigger-queries';

export function createTrigger(fn: string, input: TriggerCreate) {
  return apiClient.post(base(fn), input, triggerSchema);
}

/** `version`: the trigger's lastModifiedTime as the panel opened it (a save since then is 412 TriggerChanged); none overwrites. */
export function updateTrigger(fn: string, triggerName: string, input: TriggerUpdate, version: string | undefined) {
  return apiClient.put(`${base(fn)}${apiPath(triggerName)}`, input, triggerSchema, ifMatchHeader(version));
}

export function deleteTrigger(fn: string, triggerName: string) {
  return apiClient.delete(`${base(fn)}${apiPath(triggerName)}`);
}
