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

const { headerBytes, headerCount, pathWithQueryBytes, asyncBodyBytes } = REQUEST_LIMITS;
const headerText = z.string().max(headerBytes);

/**
 * One enqueue as it travels: an HTTP trigger's request, its body as base64 (Node's IPC is JSON).
 * Every field is bounded by what the gateway itself lets through (the request limits), so a message
 * past them is not one a gateway process made.
 */
const wireEnqueueSchema = z.object({
  functionName: z.string().max(RESOURCE_NAME_MAX),
  qualifier: z.string().max(RESOURCE_NAME_MAX).optional(),
  // The queue validates it and answers 400 as it does for the primary's own requests: only bounded here.
  taskId: headerText.optional(),
  requestId: z.string().max(64).optional(),
  request: z.object({
    method: z.string().max(32),
    rawPath: z.string().max(pathWithQueryBytes),
    query: z.string().max(pathWithQueryBytes),
    headers: z
      .record(headerText, z.union([headerText, z.array(headerText).max(headerCount)]))
      .refine((headers) => Object.keys(headers).length <= headerCount, 'too many headers'),
    body: z
      .base64()
      .max(Math.ceil(asyncBodyBytes / 3) * 4)
      .refine((body) => Buffer.byteLength(body, 'base64') <= asyncBodyBytes, 'body over the async limit'),
  }),
});
export type WireEnqueue = z.infer<typeof wireEnqueueSchema>;

export const wireBatchSchema = z.array(wireEnqueueSchema).min(1).max(ASYNC_BATCH_ITEMS_MAX);

/** What the 202 needs (the task id), or the queue's refusal (400 for a bad task id, 409 for a reused one). */
export type IntakeResult = AsyncResult<{ taskId: string }>;

const queueErrorSchema = z.object({
  code: z.enum(['InvalidArgument', 'AsyncTaskAlreadyExists', 'AsyncTaskNotExist', 'PreconditionFailed']),
  status: z.union([z.literal(400), z.literal(404), z.literal(409), z.literal(412)]),
  message: z.string(),
}) satisfies z.ZodType<AsyncQueueError>;

export const wireAnswersSchema = z.array(
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: z.object({ taskId: z.string() }) }),
    z.object({ ok: z.literal(false), error: queueErrorSchema }),
  ]),
) satisfies z.ZodType<IntakeResult[]>;

/** An HTTP trigger's enqueue for the wire, and the bytes it counts for in a batch. */
export function toWire(input: EnqueueInput): { item: WireEnqueue; bytes: number } {
  if (input.kind !== 'http') throw new Error('A gateway process enqueues HTTP trigger requests only');
  const { functionName, qualifier, taskId, requestId } = input;
  const { body, ...head } = input.request;
  const item = { functionName, qualifier, taskId, requestId, request: { ...head, body: body.toString('base64') } };
  let bytes = item.request.body.length + head.rawPath.length + head.query.length;
  for (const name in head.headers) bytes += name.length + String(head.headers[name]).length;
  return { item, bytes };
}

export function fromWire(item: WireEnqueue): EnqueueInput {
  const { request, ...rest } = item;
  return { ...rest, kind: 'http', request: { ...request, body: Buffer.from(request.body, 'base64') } };
}
