import { z } from 'zod';
import { functionSchema, versionSchema, aliasSchema, type FcFunction } from '../contract/function';
import {
  redactTriggerConfig,
  triggerConfigFromApiSchema,
  triggerSchema,
  type HttpTriggerConfig,
  type Trigger,
} from '../contract/trigger';
import { describeIssues } from '../contract/validation-messages';
import { FcError } from './fc-error';

/** SDK models are class instances with unset (undefined or null) fields: keep the data only. */
export function toPlain(model: unknown): unknown {
  return JSON.parse(JSON.stringify(model ?? null, (_key, value: unknown) => (value === null ? undefined : value)));
}

/** A cloud service's answer parsed by its schema, or 502 InvalidResponse naming what could not be read. */
export function parseAnswer<T extends z.core.$ZodType>(
  schema: T,
  value: unknown,
  what: string,
  service = 'Function Compute',
): z.infer<T> {
  const parsed = z.safeParse(schema, value); // classic or functional (`zod/mini`) schemas alike
  if (parsed.success) return parsed.data;
  throw new FcError(
    502,
    'InvalidResponse',
    `${service} answered with ${what} the console cannot read: ${describeIssues(parsed.error.issues)}`,
  );
}

export function toFunctionView(model: unknown): FcFunction {
  const fn = toPlain(model) as Record<string, unknown> & { customRuntimeConfig?: { command?: unknown[] } };
  // A custom runtime started by a `bootstrap` file has no command; the console shows none.
  if (fn.customRuntimeConfig && !fn.customRuntimeConfig.command?.length) delete fn.customRuntimeConfig;
  return parseAnswer(functionSchema, { handler: '', codeChecksum: '', codeSize: 0, ...fn }, 'a function');
}

export function toVersionView(model: unknown) {
  return parseAnswer(versionSchema, toPlain(model), 'a version');
}

export function toAliasView(model: unknown) {
  return parseAnswer(aliasSchema, toPlain(model), 'an alias');
}

/** The stored config, secrets included: only for the bff's own use (restoring blank secrets). */
export function storedTriggerConfig(model: { triggerConfig?: string }): HttpTriggerConfig | undefined {
  const parsed = triggerConfigFromApiSchema.safeParse(model.triggerConfig);
  return parsed.success ? parsed.data : undefined;
}

/** A trigger as the SPA sees it: config parsed from its JSON string, passwords and tokens blank. */
export function toTriggerView(model: unknown): Trigger {
  const trigger = toPlain(model) as Record<string, unknown> & { triggerConfig?: string; triggerName?: string };
  const config = parseAnswer(
    triggerConfigFromApiSchema,
    trigger.triggerConfig,
    `trigger ${trigger.triggerName ?? ''} with a configuration`,
  );
  return parseAnswer(
    triggerSchema,
    { qualifier: 'LATEST', ...trigger, triggerConfig: redactTriggerConfig(config) },
    'a trigger',
  );
}
