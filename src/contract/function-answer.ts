import { z } from 'zod/mini';

// The function answers alone (GetFunction, ListFunctions), in zod's functional API (`zod/mini`): the
// Functions page's schema chunk holds only these and zod's core, and building them allocates no
// methods per schema (decisions 026 and 031). The classic schemas of function.ts embed them.

/** The port a custom runtime's server listens on in Function Compute when customRuntimeConfig.port is not set. */
export const CUSTOM_RUNTIME_DEFAULT_PORT = 9000;

const intIn = (min: number, max: number, error?: string) =>
  z.number().check(z.int(error ? { error } : undefined), z.gte(min, { error }), z.lte(max, { error }));

export const customRuntimeConfigSchema = z.object({
  command: z.array(z.string()).check(z.minLength(1, { error: 'function.command.required' })),
  args: z.optional(z.array(z.string())),
  port: z.optional(intIn(1, 65535, 'function.port.range')),
  healthCheckConfig: z.optional(
    z.object({
      httpGetUrl: z.optional(z.string().check(z.maxLength(1024))),
      initialDelaySeconds: z.optional(intIn(0, 3600)),
      periodSeconds: z.optional(intIn(0, 3600)),
      timeoutSeconds: z.optional(intIn(0, 3600)),
      failureThreshold: z.optional(intIn(0, 3600)),
      successThreshold: z.optional(intIn(0, 3600)),
    }),
  ),
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
  handler: z.optional(
    z
      .string()
      .check(
        z.maxLength(128, { error: 'function.handler.format' }),
        z.refine(handlerStaysInCode, { error: 'function.handler.path' }),
      ),
  ),
  timeout: z.optional(intIn(1, 600, 'function.timeout.range')),
  /** Run by custom runtimes instead of a handler; stored and answered. */
  command: z.optional(z.array(z.string().check(z.maxLength(1024))).check(z.maxLength(64))),
});

/** The SDK's InstanceLifecycleConfig: an initializer runs once per instance before its first request. */
export const instanceLifecycleConfigSchema = z.object({
  initializer: z.optional(lifecycleHookSchema),
  preStop: z.optional(lifecycleHookSchema),
});
export type InstanceLifecycleConfig = z.infer<typeof instanceLifecycleConfigSchema>;

/** The SDK's CustomContainerConfig: stored and answered as sent (the engine runs no images). */
export const customContainerConfigSchema = z.looseObject({
  image: z.string({ error: 'function.image.required' }).check(z.minLength(1, { error: 'function.image.required' })),
});

/** A function as the OpenAPI and the bff answer it. */
export const functionSchema = z.object({
  functionId: z.string(),
  functionName: z.string(),
  functionArn: z.optional(z.string()),
  runtime: z.string(),
  handler: z.string(),
  description: z.optional(z.string()),
  timeout: z.number(),
  memorySize: z.number(),
  instanceConcurrency: z.optional(z.number()),
  environmentVariables: z.optional(z.record(z.string(), z.string())),
  customRuntimeConfig: z.optional(customRuntimeConfigSchema),
  customContainerConfig: z.optional(customContainerConfigSchema),
  instanceLifecycleConfig: z.optional(instanceLifecycleConfigSchema),
  codeChecksum: z.string(),
  codeSize: z.number(),
  createdTime: z.string(),
  lastModifiedTime: z.string(),
});
export type FcFunction = z.infer<typeof functionSchema>;
export const functionListSchema = z.object({
  functions: z.array(functionSchema),
  nextToken: z.optional(z.string()),
});
