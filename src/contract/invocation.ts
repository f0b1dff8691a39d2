import { z } from 'zod';
import { domainNameSchema } from './custom-domain';
import { qualifierSchema, resourceNameSchema, wellFormedTextSchema } from './names';
import { httpMethodSchema } from './trigger';

/**
 * Test Function: what the console sends (a saved or ad-hoc test request) and what it shows back.
 * A function with an HTTP trigger is tested through the trigger's endpoint, so every gateway rule
 * applies; one without is tested with InvokeFunction and an event payload.
 */
export const keyValueSchema = z.object({ key: wellFormedTextSchema, value: wellFormedTextSchema });
export type KeyValue = z.infer<typeof keyValueSchema>;

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

export const httpTestRequestSchema = z
  .object({
    kind: z.literal('http'),
    method: httpMethodSchema,
    path: z.string().startsWith('/', { error: 'testRequest.path.format' }).max(4096),
    query: z.array(keyValueSchema).max(100),
    headers: z
      .array(keyValueSchema.extend({ key: z.string().regex(HEADER_NAME, { error: 'testRequest.header.format' }) }))
      .max(100),
    bodyType: z.enum(['text', 'json']),
    body: wellFormedTextSchema,
  })
  .refine((r) => r.bodyType !== 'json' || r.body.trim() === '' || isJson(r.body), {
    error: 'json.invalid',
    path: ['body'],
  });

export const eventTestRequestSchema = z.object({
  kind: z.literal('event'),
  event: wellFormedTextSchema,
});

export const testRequestSchema = z.discriminatedUnion('kind', [httpTestRequestSchema, eventTestRequestSchema]);
export type TestRequest = z.infer<typeof testRequestSchema>;
export type HttpTestRequest = z.infer<typeof httpTestRequestSchema>;

export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export const INVOCATION_MODES = ['sync', 'async'] as const;
export const invocationModeSchema = z.enum(INVOCATION_MODES);
export type InvocationMode = z.infer<typeof invocationModeSchema>;

/** bff POST /api/functions/:fn/invocations */
export const invokeInputSchema = z.object({
  mode: invocationModeSchema,
  /** The HTTP trigger to send an http request through (its endpoint and auth). */
  triggerName: resourceNameSchema.optional(),
  /** Which endpoint: the internal one works even when Disable Internet URL is on. */
  endpoint: z.enum(['internet', 'intranet']).optional(),
  /**
   * Sent through this custom domain instead of a trigger (the Replay of a request that came that
   * way): to its URL, with its Host, carrying the credentials of the domain's own auth settings.
   */
  domainName: domainNameSchema.optional(),
  /** An event payload runs this version or alias (InvokeFunction's qualifier); LATEST without it. */
  qualifier: qualifierSchema.optional(),
  request: testRequestSchema,
  /** Credentials for a trigger with Basic/Bearer/JWT auth, chosen or pasted in the console. */
  auth: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('basic'), username: z.string() }),
      z.object({ type: z.literal('bearer'), tokenName: z.string() }),
      z.object({ type: z.literal('jwt'), token: z.string().min(1) }),
    ])
    .optional(),
});
export type InvokeInput = z.infer<typeof invokeInputSchema>;

/** A response body as the console shows it: text when it decodes as UTF-8, else base64 with its size. */
export const responseBodySchema = z.object({
  encoding: z.enum(['text', 'base64']),
  data: z.string(),
  size: z.number(),
  contentType: z.string().optional(),
  truncated: z.boolean().optional(),
});
export type ResponseBody = z.infer<typeof responseBodySchema>;

/** One test invocation's outcome: the Code tab's result, kept in the history (last 50). */
export const invocationResultSchema = z.object({
  id: z.string(),
  functionName: z.string(),
  mode: invocationModeSchema,
  kind: z.enum(['http', 'event']),
  triggerName: z.string().optional(),
  /** Method and URL (http) or "InvokeFunction" (event), as sent. */
  target: z.string(),
  invokedAt: z.string(),
  durationMs: z.number(),
  status: z.number(),
  statusText: z.string(),
  requestId: z.string().optional(),
  taskId: z.string().optional(),
  /** x-fc-error-type, or the error Code of a gateway JSON error body. */
  errorType: z.string().optional(),
  errorCode: z.string().optional(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  body: responseBodySchema,
  logs: z.string().optional(),
  /** The request as sent, so it can be reopened from the history. */
  request: testRequestSchema,
  /**
   * An HTTP test's sizes as the gateway measures them, on exactly what was sent (the credentials,
   * Host, Content-Length): the one measure the error panel shows beside the limits.
   */
  sent: z.object({ headerBytes: z.number(), pathWithQueryBytes: z.number() }).optional(),
});
export type InvocationResult = z.infer<typeof invocationResultSchema>;

/** A saved test request (Configure Test Parameters), kept per function in the console's data dir. */
export const savedTestRequestSchema = z.object({
  id: z.string(),
  name: z.string().trim().min(1, { error: 'name.required' }).max(64, { error: 'testRequest.name.tooLong' }),
  request: testRequestSchema,
  updatedAt: z.string(),
});
export type SavedTestRequest = z.infer<typeof savedTestRequestSchema>;
export const savedTestRequestInputSchema = savedTestRequestSchema.pick({ name: true, request: true });

/** An import holds at most this many saved requests, in a file of at most this many bytes. */
export const TEST_REQUESTS_IMPORT_MAX = 200;
export const TEST_REQUESTS_IMPORT_MAX_BYTES = 1024 * 1024;

/**
 * The file Export JSON writes and Import reads back: each request's id and time are the exporting console's
 * and are not kept (an import adds new requests, under names of their own).
 */
export const testRequestsExportSchema = z.object({
  functionName: z.string().max(128).optional(),
  exportedAt: z.string().max(64).optional(),
  testRequests: z.array(savedTestRequestInputSchema).max(TEST_REQUESTS_IMPORT_MAX),
});
export type TestRequestsExport = z.infer<typeof testRequestsExportSchema>;
