import { z } from 'zod';
import { functionCloudSettingsSchema, functionCreateOnlySchema } from './function-cloud-settings';
import { VERSION_ID_PATTERN, descriptionSchema, functionNameSchema, resourceNameSchema } from './names';
import {
  customContainerConfigSchema,
  customRuntimeConfigSchema,
  handlerStaysInCode,
  instanceLifecycleConfigSchema,
} from './function-answer';

export {
  CUSTOM_RUNTIME_DEFAULT_PORT,
  customContainerConfigSchema,
  customRuntimeConfigSchema,
  functionListSchema,
  functionSchema,
  instanceLifecycleConfigSchema,
  type FcFunction,
  type InstanceLifecycleConfig,
} from './function-answer';

/**
 * Every runtime Function Compute 3.0 accepts: the SDK's CreateFunctionInput.runtime and the runtime
 * overview of the docs. `custom` is an alias of `custom.debian10`. A function of any of them can be
 * stored and listed; the engine runs only those of `runsLocally`.
 */
export const RUNTIMES = [
  'nodejs20',
  'nodejs18',
  'nodejs16',
  'nodejs14',
  'nodejs12',
  'nodejs10',
  'nodejs8',
  'python3.12',
  'python3.10',
  'python3.9',
  'python3',
  'java17',
  'java11',
  'java8',
  'php7.2',
  'go1',
  'dotnetcore3.1',
  'custom.debian12',
  'custom.debian11',
  'custom.debian10',
  'custom',
  'custom-container',
] as const;
export const runtimeSchema = z.enum(RUNTIMES, { error: 'function.runtime.invalid' });
export type Runtime = z.infer<typeof runtimeSchema>;

/** Runs the image of customContainerConfig instead of a code package. */
export const CUSTOM_CONTAINER = 'custom-container';

export function isCustomRuntime(runtime: string): boolean {
  return runtime === 'custom' || runtime.startsWith('custom.');
}

/**
 * Node.js event functions run on the engine's own Node, Python ones on the machine's python3
 * (engine/runtime/python-interpreter.ts); custom runtimes run their command.
 */
export function runsLocally(runtime: string): boolean {
  return runtime.startsWith('nodejs') || runtime.startsWith('python3') || isCustomRuntime(runtime);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const functionCodeSchema = z.object({
  zipFile: z
    .string({ error: 'function.code.required' })
    .min(1, { error: 'function.code.required' })
    .regex(BASE64, { error: 'function.code.base64' }),
});

const functionSettings = {
  description: descriptionSchema.optional(),
  handler: z
    .string()
    .min(1, { error: 'function.handler.format' })
    .max(128, { error: 'function.handler.format' })
    .refine(handlerStaysInCode, { error: 'function.handler.path' }),
  timeout: z
    .number()
    .int({ error: 'function.timeout.range' })
    .min(1, { error: 'function.timeout.range' })
    .max(86400, { error: 'function.timeout.range' }),
  memorySize: z
    .number()
    .int({ error: 'function.memorySize.range' })
    .min(128, { error: 'function.memorySize.range' })
    .max(32768, { error: 'function.memorySize.range' })
    .refine((m) => m % 64 === 0, { error: 'function.memorySize.range' }),
  instanceConcurrency: z
    .number()
    .int({ error: 'function.instanceConcurrency.range' })
    .min(1, { error: 'function.instanceConcurrency.range' })
    .max(200, { error: 'function.instanceConcurrency.range' }),
  environmentVariables: z.record(z.string().regex(ENV_KEY, { error: 'function.env.key' }), z.string()),
  customRuntimeConfig: customRuntimeConfigSchema,
  instanceLifecycleConfig: instanceLifecycleConfigSchema,
};

export const FUNCTION_DEFAULTS = { timeout: 3, memorySize: 512, instanceConcurrency: 1 } as const;

/** CreateFunction's body: the OpenAPI's CreateFunctionInput, every field (the cloud-only ones stored as sent). */
export const functionCreateSchema = z.object({
  ...functionCloudSettingsSchema.shape,
  ...functionCreateOnlySchema.shape,
  functionName: functionNameSchema,
  runtime: runtimeSchema,
  code: functionCodeSchema,
  ...functionSettings,
  handler: functionSettings.handler.optional(),
  timeout: functionSettings.timeout.optional(),
  memorySize: functionSettings.memorySize.optional(),
  instanceConcurrency: functionSettings.instanceConcurrency.optional(),
  environmentVariables: functionSettings.environmentVariables.optional(),
  customRuntimeConfig: z.optional(functionSettings.customRuntimeConfig),
  instanceLifecycleConfig: z.optional(functionSettings.instanceLifecycleConfig),
});
export type FunctionCreate = z.infer<typeof functionCreateSchema>;

/** CreateFunction of a `custom-container` function: an image instead of a code package. */
export const containerFunctionCreateSchema = functionCreateSchema.extend({
  runtime: z.literal(CUSTOM_CONTAINER),
  code: functionCodeSchema.optional(),
  customContainerConfig: customContainerConfigSchema,
});

/** UpdateFunction's body: any subset, code included (UpdateFunctionInput has no resourceGroupId or tags). */
export const functionUpdateSchema = z
  .object({
    ...functionCloudSettingsSchema.omit({ resourceGroupId: true }).shape,
    runtime: runtimeSchema,
    code: functionCodeSchema,
    ...functionSettings,
    customContainerConfig: customContainerConfigSchema,
  })
  .partial();
export type FunctionUpdate = z.infer<typeof functionUpdateSchema>;

/** The console's Create Function templates; the bff turns each into code and settings. */
export const FUNCTION_TEMPLATES = [
  'nodejs-event-http',
  'python-event-http',
  'nodejs-web',
  'custom-runtime',
  'python-flask',
] as const;
export const functionTemplateSchema = z.enum(FUNCTION_TEMPLATES);
export type FunctionTemplate = z.infer<typeof functionTemplateSchema>;

/** The console's Create Function dialog (bff POST /api/functions). */
export const functionFromTemplateSchema = z.object({
  functionName: functionNameSchema,
  template: functionTemplateSchema,
  description: descriptionSchema.optional(),
  memorySize: functionSettings.memorySize.optional(),
  timeout: functionSettings.timeout.optional(),
});
export type FunctionFromTemplate = z.infer<typeof functionFromTemplateSchema>;

/** A file of the function's code zip, as the Code tab shows it. */
export const codeFileSchema = z.object({
  path: z.string(),
  content: z.string(),
  size: z.number(),
  binary: z.boolean(),
});
export const functionCodeFilesSchema = z.object({ checksum: z.string(), files: z.array(codeFileSchema) });
export type CodeFile = z.infer<typeof codeFileSchema>;

const CODE_PATH_MESSAGE = 'code.path.format';

/** A path inside the code zip, as a zip entry names it: relative, forward slashes, no way out of the root. */
export const codePathSchema = z
  .string({ error: CODE_PATH_MESSAGE })
  .min(1, { error: CODE_PATH_MESSAGE })
  .max(1024, { error: CODE_PATH_MESSAGE })
  .refine((path) => !path.includes('\\') && path.split('/').every((s) => s !== '' && s !== '.' && s !== '..'), {
    error: CODE_PATH_MESSAGE,
  });

/** The Code tab's Deploy (bff PUT /api/functions/:fn/code): text files to replace or add; the rest of the zip is kept. */
export const codeDeploySchema = z.object({
  files: z
    .array(z.object({ path: codePathSchema, content: z.string() }))
    .min(1, { error: 'code.files.required' })
    .refine((files) => new Set(files.map((f) => f.path)).size === files.length, {
      error: 'code.files.duplicate',
    }),
});
export type CodeDeploy = z.infer<typeof codeDeploySchema>;

// ---- versions and aliases ----------------------------------------------------------------------

export const versionSchema = z.object({
  versionId: z.string(),
  description: z.string().optional(),
  createdTime: z.string(),
  lastModifiedTime: z.string(),
});
export type FunctionVersion = z.infer<typeof versionSchema>;
export const versionListSchema = z.object({ versions: z.array(versionSchema), nextToken: z.string().optional() });
export const versionPublishSchema = z.object({ description: descriptionSchema.optional() });

const versionIdSchema = z.string().regex(VERSION_ID_PATTERN, { error: 'qualifier.format' });
const weightsSchema = z
  .record(z.string(), z.number().min(0).max(1))
  .refine((weights) => Object.keys(weights).every((id) => VERSION_ID_PATTERN.test(id)), { error: 'qualifier.format' });

export const aliasCreateSchema = z.object({
  aliasName: resourceNameSchema,
  versionId: versionIdSchema,
  description: descriptionSchema.optional(),
  additionalVersionWeight: weightsSchema.optional(),
});
export type AliasCreate = z.infer<typeof aliasCreateSchema>;
export const aliasUpdateSchema = aliasCreateSchema.omit({ aliasName: true }).partial();
export type AliasUpdate = z.infer<typeof aliasUpdateSchema>;

export const aliasSchema = z.object({
  aliasName: z.string(),
  versionId: z.string(),
  description: z.string().optional(),
  additionalVersionWeight: weightsSchema.optional(),
  createdTime: z.string(),
  lastModifiedTime: z.string(),
});
export type FunctionAlias = z.infer<typeof aliasSchema>;
export const aliasListSchema = z.object({ aliases: z.array(aliasSchema), nextToken: z.string().optional() });

// ---- async invoke config -----------------------------------------------------------------------

const destinationSchema = z.object({ destination: z.string().max(1024) });
/** The SDK's DestinationConfig: where a finished async task's result goes. */
export const destinationConfigSchema = z.object({
  onSuccess: destinationSchema.optional(),
  onFailure: destinationSchema.optional(),
});

export const asyncInvokeConfigInputSchema = z.object({
  maxAsyncEventAgeInSeconds: z
    .number()
    .int()
    .min(1, { error: 'async.maxAge.range' })
    .max(604800, { error: 'async.maxAge.range' })
    .optional(),
  maxAsyncRetryAttempts: z
    .number()
    .int()
    .min(0, { error: 'async.retries.range' })
    .max(8, { error: 'async.retries.range' })
    .optional(),
  asyncTask: z.boolean().optional(),
  destinationConfig: destinationConfigSchema.optional(),
});
export const ASYNC_DEFAULTS = { maxAsyncEventAgeInSeconds: 86400, maxAsyncRetryAttempts: 3 } as const;
