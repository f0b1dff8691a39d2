import { triggerSchema, type TriggerCreate, type TriggerUpdate } from '../../../contract/trigger';
import { apiClient, apiPath } from '../../lib/api-client';
import { triggersPath as base } from '../../lib/trigger-queries';

export function createTrigger(fn: string, input: TriggerCreate) {
  return apiClient.post(base(fn), input, triggerSchema);
}

export function updateTrigger(fn: string, triggerName: string, input: TriggerUpdate) {
  return apiClient.put(`${base(fn)}${apiPath(triggerName)}`, input, triggerSchema);
}

export function deleteTrigger(fn: string, triggerName: string) {
  return apiClient.delete(`${base(fn)}${apiPath(triggerName)}`);
}
