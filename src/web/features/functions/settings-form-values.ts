import { z } from 'zod';
import { functionSchema, functionUpdateSchema, type FcFunction, type FunctionUpdate } from '../../../contract/function';
import { apiClient, apiPath } from '../../lib/api-client';

const rules = functionUpdateSchema.shape;
const envKeyRule = rules.environmentVariables.unwrap().keyType;

/** The Configuration tab's editable settings; environment variables as rows, the way the form shows them. */
export const settingsFormSchema = z
  .object({
    memorySize: rules.memorySize.unwrap(),
    timeout: rules.timeout.unwrap(),
    instanceConcurrency: rules.instanceConcurrency.unwrap(),
    env: z.array(z.object({ key: z.string(), value: z.string() })),
  })
  .superRefine(({ env }, ctx) => {
    const seen = new Set<string>();
    env.forEach(({ key }, i) => {
      const valid = envKeyRule.safeParse(key);
      if (!valid.success)
        ctx.addIssue({ code: 'custom', path: ['env', i, 'key'], message: valid.error.issues[0]?.message });
      else if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['env', i, 'key'], message: 'function.env.duplicate' });
      seen.add(key);
    });
  });

export type SettingsFormValues = z.infer<typeof settingsFormSchema>;

export function settingsFormValues(fn: FcFunction): SettingsFormValues {
  return {
    memorySize: fn.memorySize,
    timeout: fn.timeout,
    instanceConcurrency: fn.instanceConcurrency ?? 1,
    env: Object.entries(fn.environmentVariables ?? {}).map(([key, value]) => ({ key, value })),
  };
}

/** UpdateFunction with the whole map: FC replaces the environment variables, so a removed row is gone. */
export function settingsInput({ env, ...settings }: SettingsFormValues): FunctionUpdate {
  return { ...settings, environmentVariables: Object.fromEntries(env.map(({ key, value }) => [key, value])) };
}

export function updateFunctionSettings(name: string, values: SettingsFormValues) {
  return apiClient.put(apiPath('functions', name), settingsInput(values), functionSchema);
}
