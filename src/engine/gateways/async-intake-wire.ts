import { z } from 'zod';
import { RESOURCE_NAME_MAX } from '../../contract/name-limits';
import { REQUEST_LIMITS } from '../../contract/request-limits';
import type { AsyncQueueError, AsyncResult, EnqueueInput } from '../async/async-queue';

/** The intake's request, gateway process to primary: a batch of enqueues; answered with one result per item. */
export const ASYNC_INTAKE_MESSAGE = 'async.enqueue';

/** Enqueues in one message at most: the primary commits up to 1,024 in one group (group-commit.ts). */
export const ASYNC_BATCH_ITEMS_MAX = 256;
/**
 * A batch is sent once its bodies and heads reach this, even within the turn: one message stays a
 * few megabytes however large the bodies (each at most 128 KB, so one always fits).
 */
export const ASYNC_BATCH_BYTES_MAX = 4 * 1024 * 1024;

/**
 * Bounds of what travels, for the primary's memory only. The gateway's own limits (REQUEST_LIMITS)
 * were checked on the client's request; what the pipeline then made of it (repeated headers joined,
 * JWT claims mapped into headers, query or form fields, a custom domain's rewrite) may be larger, and
 * must be accepted here as the primary accepts it from its own pipeline: so every bound is a
 * multiple of the client's.
 */
const WIRE_TEXT_MAX = 16 * REQUEST_LIMITS.headerBytes;
const WIRE_HEADERS_MAX = 4 * REQUEST_LIMITS.headerCount;
const WIRE_BODY_MAX = 4 * REQUEST_LIMITS.asyncBodyBytes;
const text = z.string().max(WIRE_TEXT_MAX);

/**
 * One enqueue as it travels: an HTTP trigger's request, its headers as entries (a header named
 * `__proto__` is a header like any other), its body as base64 (Node's IPC is JSON).
 */
const wireEnqueueSchema = z.object({
  functionName: z.string().max(RESOURCE_NAME_MAX),
  qualifier: z.string().max(RESOURCE_NAME_MAX).optional(),
  // The queue validates it and answers 400 as it does for the primary's own requests: only bounded here.
  taskId: text.optional(),
  requestId: z.string().max(64).optional(),
  request: z.object({
    method: z.string().max(32),
    rawPath: text,
    query: text,
    headers: z.array(z.tuple([text, z.union([text, z.array(text).max(WIRE_HEADERS_MAX)])])).max(WIRE_HEADERS_MAX),
    body: z
      .base64()
      .max(Math.ceil(WIRE_BODY_MAX / 3) * 4)
      .refine((body) => Buffer.byteLength(body, 'base64') <= WIRE_BODY_MAX, 'body over the bound'),
  }),
});
export type WireEnqueue = z.infer<typeof wireEnqueueSchema>;

/** A batch: items are parsed one by one (`parseWireItem`), so one that does not parse fails alone. */
export const wireBatchSchema = z.array(z.unknown()).min(1).max(ASYNC_BATCH_ITEMS_MAX);

export function parseWireItem(item: unknown): EnqueueInput | undefined {
  const parsed = wireEnqueueSchema.safeParse(item);
  return parsed.success ? fromWire(parsed.data) : undefined;
}

/** What the 202 needs (the task id), or the queue's refusal (400 for a bad task id, 409 for a reused one). */
export type IntakeResult = AsyncResult<{ taskId: string }>;
/** What the primary answers for one item: its result, or that it failed there (the gateway answers 500). */
export type WireAnswer = IntakeResult | { failed: string };

const queueErrorSchema = z.object({
  code: z.enum(['InvalidArgument', 'AsyncTaskAlreadyExists', 'AsyncTaskNotExist', 'PreconditionFailed']),
  status: z.union([z.literal(400), z.literal(404), z.literal(409), z.literal(412)]),
  message: z.string(),
}) satisfies z.ZodType<AsyncQueueError>;

export const wireAnswersSchema = z.array(
  z.union([
    z.object({ ok: z.literal(true), value: z.object({ taskId: z.string() }) }),
    z.object({ ok: z.literal(false), error: queueErrorSchema }),
    z.object({ failed: z.string() }),
  ]),
) satisfies z.ZodType<WireAnswer[]>;

/** An HTTP trigger's enqueue for the wire, and the bytes it counts for in a batch. */
export function toWire(input: EnqueueInput): { item: WireEnqueue; bytes: number } {
  if (input.kind !== 'http') throw new Error('A gateway process enqueues HTTP trigger requests only');
  const { functionName, qualifier, taskId, requestId } = input;
  const { body, headers, ...head } = input.request;
  const entries = Object.entries(headers);
  const item = {
    functionName,
    qualifier,
    taskId,
    requestId,
    request: { ...head, headers: entries, body: body.toString('base64') },
  };
  let bytes = item.request.body.length + head.rawPath.length + head.query.length;
  for (const [name, value] of entries) bytes += name.length + String(value).length;
  return { item, bytes };
}

function fromWire(item: WireEnqueue): EnqueueInput {
  const { request, ...rest } = item;
  const headers: Record<string, string | string[]> = {};
  // Own properties, `__proto__` too, as requestHeaders builds them.
  for (const [name, value] of request.headers)
    Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
  return { ...rest, kind: 'http', request: { ...request, headers, body: Buffer.from(request.body, 'base64') } };
}
