import { z } from 'zod';
import { ASYNC_TASK_STATUSES } from '../../src/contract/async-task';

/*
 * What FC 3.0 takes on the wire, per operation, as the SDK's request models define it
 * (`@alicloud/fc20230330`, `dist/models/*Input.d.ts` and the client's query keys): strict objects,
 * so a key the console adds that FC does not know, or a value of the wrong type, fails the test.
 */

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,127}$/);
/** CreateFunctionInput: "1 to 64 characters". */
const functionName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/);
const count = z.string().regex(/^[1-9][0-9]*$/);
/** A page size: "the minimum value is 1 and the maximum value is 100" (ListFunctions, ListAsyncTasks). */
const limit = z.string().regex(/^([1-9][0-9]?|100)$/);
const noQuery = z.strictObject({});
export const pageQuery = z.strictObject({
  prefix: z.string().optional(),
  limit: limit.optional(),
  nextToken: z.string().optional(),
});

const codeLocation = z.strictObject({ zipFile: base64 });
const customRuntimeConfig = z.strictObject({
  command: z.array(z.string()).min(1),
  args: z.array(z.string()).optional(),
  port: z.number().int().min(1).max(65535).optional(),
});
const functionSettings = {
  description: z.string().max(256).optional(),
  handler: z.string().min(1).max(128).optional(),
  timeout: z.number().int().min(1).max(86400).optional(),
  memorySize: z.number().int().min(128).max(32768).optional(),
  instanceConcurrency: z.number().int().min(1).max(200).optional(),
  environmentVariables: z.record(z.string(), z.string()).optional(),
  customRuntimeConfig: customRuntimeConfig.optional(),
};

export const createFunctionBody = z.strictObject({
  functionName,
  runtime: z.string().min(1),
  code: codeLocation,
  ...functionSettings,
});
export const updateFunctionBody = z
  .strictObject({ runtime: z.string().min(1).optional(), code: codeLocation.optional(), ...functionSettings })
  .refine((body) => Object.keys(body).length > 0, 'an UpdateFunction that changes nothing');

/** A JSON string that must hold what `schema` takes. */
function jsonText<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON text' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const cors = z.strictObject({
  allowOrigins: z.array(z.string()).optional(),
  allowMethods: z.array(z.string()).optional(),
  allowHeaders: z.array(z.string()).optional(),
  exposeHeaders: z.array(z.string()).optional(),
  allowCredentials: z.boolean().optional(),
  maxAge: z.number().int().optional(),
});
/**
 * The SDK's HTTPTriggerConfig. `basic` and `bearer` are the console's own (FC-REFERENCE.md: their
 * spelling is unconfirmed); JWT's authConfig keys go to FC's decoder, which ignores their case.
 */
export const httpTriggerConfig = z.strictObject({
  authType: z.enum(['anonymous', 'function', 'jwt', 'basic', 'bearer']),
  methods: z.array(z.enum(['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'])).min(1),
  disableURLInternet: z.boolean().optional(),
  corsConfig: cors.optional(),
  authConfig: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
});

/** CreateTrigger/UpdateTrigger: triggerConfig is a JSON string (the SDK types it so). */
export const createTriggerBody = z.strictObject({
  triggerName: name,
  triggerType: z.literal('http'),
  qualifier: z.string().min(1).optional(),
  description: z.string().max(256).optional(),
  triggerConfig: jsonText(httpTriggerConfig),
});
export const updateTriggerBody = z.strictObject({
  qualifier: z.string().min(1).optional(),
  description: z.string().max(256).optional(),
  triggerConfig: jsonText(httpTriggerConfig),
});

export const publishVersionBody = z.strictObject({ description: z.string().max(256).optional() });
const weights = z.record(z.string().regex(/^[0-9]+$/), z.number().min(0).max(1));
export const createAliasBody = z.strictObject({
  aliasName: name,
  versionId: z.string().regex(/^[0-9]+$/),
  description: z.string().max(256).optional(),
  additionalVersionWeight: weights.optional(),
});
export const updateAliasBody = createAliasBody.omit({ aliasName: true }).partial();

export const listAsyncTasksQuery = z.strictObject({
  qualifier: z.string().optional(),
  prefix: z.string().optional(),
  status: z.enum(ASYNC_TASK_STATUSES).optional(),
  startedTimeBegin: count.optional(),
  startedTimeEnd: count.optional(),
  sortOrderByTime: z.enum(['asc', 'desc']).optional(),
  includePayload: z.enum(['true', 'false']).optional(),
  limit: limit.optional(),
  nextToken: z.string().optional(),
});
export const qualifierQuery = z.strictObject({ qualifier: z.string().optional() });

/** InvokeFunctionHeaders: the x-fc-* request headers the SDK may send. */
export const invokeHeaders = z.strictObject({
  'x-fc-invocation-type': z.enum(['Sync', 'Async']),
  'x-fc-log-type': z.enum(['None', 'Tail']).optional(),
  'x-fc-async-task-id': z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_-]{0,127}$/)
    .optional(),
});

export { noQuery };
