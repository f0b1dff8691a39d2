import { z } from 'zod';

// The function answers alone (GetFunction, ListFunctions): the Functions page's schema chunk holds
// only these and zod, not the create/update schemas (decision 026).

/** The port a custom runtime's server listens on in Function Compute when customRuntimeConfig.port is not set. */
export const CUSTOM_RUNTIME_DEFAULT_PORT = 9000;

export const customRuntimeConfigSchema = z.object({
  command: z.array(z.string()).min(1, { error: 'function.command.required' }),
  args: z.array(z.string()).optional(),
  port: z
    .number()
    .int({ error: 'function.port.range' })
    .min(1, { error: 'function.port.range' })
    .max(65535, { error: 'function.port.range' })
    .optional(),
  healthCheckConfig: z
    .object({
      httpGetUrl: z.string().max(1024).optional(),
      initialDelaySeconds: z.number().int().min(0).max(3600).optional(),
      periodSeconds: z.number().int().min(0).max(3600).optional(),
      timeoutSeconds: z.number().int().min(0).max(3600).optional(),
      failureThreshold: z.number().int().min(0).max(3600).optional(),
      successThreshold: z.number().int().min(0).max(3600).optional(),
    })
    .optional(),
});

/**
 * The runtime loads `<file>` of `<file>.<export>` relative to the code folder, so the file part
 * (and the handler as a whole) may not leave it: no absolute path, no `..` segment, no backslash, no NUL.
 */
export function handlerStaysInCode(handler: string): boolean {
  const dot = handler.lastIndexOf('.');
  const file = dot < 0 ? handler : handler.slice(0, dot);
  if (/[\\\0]/.test(handler) || file.startsWith('/') || /^[A-Za-z]:/.test(file)) return false;
  return !handler.split('/').includes('..') && !file.split('/').includes('..');
}

/** A lifecycle hook: `<file>.<function>` in the code, run with its own timeout (FC's LifecycleHook); FC answers an unset hook with an empty handler. */
const lifecycleHookSchema = z.object({
  handler: z
    .string()
    .max(128, { error: 'function.handler.format' })
    .refine(handlerStaysInCode, { error: 'function.handler.path' })
    .optional(),
  timeout: z
    .number()
    .int({ error: 'function.timeout.range' })
    .min(1, { error: 'function.timeout.range' })
    .max(600, { error: 'function.timeout.range' })
    .optional(),
  /** Run by custom runtimes instead of a handler; stored and answered. */
  command: z.array(z.string().max(1024)).max(64).optional(),
});

/** The SDK's InstanceLifecycleConfig: an initializer runs once per instance before its first request. */
export const instanceLifecycleConfigSchema = z.object({
  initializer: lifecycleHookSchema.optional(),
  preStop: lifecycleHookSchema.optional(),
});
export type InstanceLifecycleConfig = z.infer<typeof instanceLifecycleConfigSchema>;

/** The SDK's CustomContainerConfig: stored and answered as sent (the engine runs no images). */
export const customContainerConfigSchema = z.looseObject({
  image: z.string({ error: 'function.image.required' }).min(1, { error: 'function.image.required' }),
});

/** A function as the OpenAPI and the bff answer it. */
export const functionSchema = z.object({
  functionId: z.string(),
  functionName: z.string(),
  functionArn: z.string().optional(),
  runtime: z.string(),
  handler: z.string(),
  description: z.string().optional(),
  timeout: z.number(),
  memorySize: z.number(),
  instanceConcurrency: z.number().optional(),
  environmentVariables: z.record(z.string(), z.string()).optional(),
  customRuntimeConfig: customRuntimeConfigSchema.optional(),
  customContainerConfig: customContainerConfigSchema.optional(),
  instanceLifecycleConfig: instanceLifecycleConfigSchema.optional(),
  codeChecksum: z.string(),
  codeSize: z.number(),
  createdTime: z.string(),
  lastModifiedTime: z.string(),
});
export type FcFunction = z.infer<typeof functionSchema>;
export const functionListSchema = z.object({ functions: z.array(functionSchema), nextToken: z.string().optional() });
