import { z } from 'zod';
import { listLimitSchema, nextTokenSchema } from './list-query';
import { qualifierSchema } from './names';
import { destinationConfigSchema } from './function';

/** The AsyncTask statuses of FC 2023-03-30 (the SDK's AsyncTask.status). */
export const ASYNC_TASK_STATUSES = [
  'Enqueued',
  'Dequeued',
  'Running',
  'Succeeded',
  'Failed',
  'Stopped',
  'Stopping',
  'Expired',
  'Invalid',
  'Retrying',
] as const;
export const asyncTaskStatusSchema = z.enum(ASYNC_TASK_STATUSES, { error: 'asyncTask.status.invalid' });
export type AsyncTaskStatus = z.infer<typeof asyncTaskStatusSchema>;

/** A status the task never leaves. */
export const ASYNC_TASK_FINAL_STATUSES: readonly AsyncTaskStatus[] = [
  'Succeeded',
  'Failed',
  'Stopped',
  'Expired',
  'Invalid',
];

/**
 * A task id as stored: the client's `x-fc-async-task-id`, or the request id when none was sent (a
 * request id may start with a digit). Looking a task up takes either.
 */
export const asyncTaskIdSchema = z
  .string({ error: 'asyncTask.id.format' })
  .regex(/^[A-Za-z0-9_.-]{1,128}$/, { error: 'asyncTask.id.format' });

/**
 * The `x-fc-async-task-id` a client may send (the SDK's InvokeFunctionHeaders): a letter or `_`,
 * then letters, digits, `_` and `-`, at most 128 characters.
 */
export const asyncTaskIdHeaderSchema = z
  .string({ error: 'asyncTask.id.header' })
  .regex(/^[A-Za-z_][A-Za-z0-9_-]{0,127}$/, { error: 'asyncTask.id.header' });

/** The SDK's AsyncTaskEvent. */
export const asyncTaskEventSchema = z.object({
  eventId: z.number(),
  status: z.string(),
  timestamp: z.number(),
  eventDetail: z.string().optional(),
});
export type AsyncTaskEvent = z.infer<typeof asyncTaskEventSchema>;

/** The SDK's AsyncTask, as GetAsyncTask and ListAsyncTasks answer it. Times are epoch milliseconds. */
export const asyncTaskSchema = z.object({
  taskId: z.string(),
  requestId: z.string().optional(),
  functionArn: z.string().optional(),
  qualifier: z.string().optional(),
  status: z.string(),
  startedTime: z.number().optional(),
  endTime: z.number().optional(),
  durationMs: z.number().optional(),
  alreadyRetriedTimes: z.number().optional(),
  events: z.array(asyncTaskEventSchema).optional(),
  returnPayload: z.string().optional(),
  taskErrorMessage: z.string().optional(),
  taskPayload: z.string().optional(),
  instanceId: z.string().optional(),
  destinationStatus: z.string().optional(),
});
export type AsyncTask = z.infer<typeof asyncTaskSchema>;
export const asyncTaskListSchema = z.object({ tasks: z.array(asyncTaskSchema), nextToken: z.string().optional() });
export type AsyncTaskList = z.infer<typeof asyncTaskListSchema>;

const TIME_MESSAGE = 'asyncTask.time.format';
const epochMs = z.coerce.number({ error: TIME_MESSAGE }).int({ error: TIME_MESSAGE }).min(0, { error: TIME_MESSAGE });

/** ListAsyncTasks' query (strings from the URL, or typed values). */
export const asyncTaskListQuerySchema = z.object({
  qualifier: qualifierSchema.optional(),
  prefix: z.string().max(128, { error: 'asyncTask.prefix.tooLong' }).optional(),
  status: asyncTaskStatusSchema.optional(),
  startedTimeBegin: epochMs.optional(),
  startedTimeEnd: epochMs.optional(),
  sortOrderByTime: z.enum(['asc', 'desc'], { error: 'asyncTask.sortOrder.invalid' }).optional(),
  includePayload: z
    .union([z.boolean(), z.enum(['true', 'false'])], { error: 'asyncTask.includePayload.invalid' })
    .transform((v) => v === true || v === 'true')
    .optional(),
  limit: listLimitSchema.optional(),
  nextToken: nextTokenSchema.optional(),
});
export type AsyncTaskListQuery = z.infer<typeof asyncTaskListQuerySchema>;
export const ASYNC_TASK_LIST_DEFAULTS = { limit: 20, sortOrderByTime: 'desc' } as const;

/** GetAsyncInvokeConfig's answer (the SDK's AsyncConfig). */
export const asyncConfigSchema = z.object({
  functionArn: z.string().optional(),
  maxAsyncEventAgeInSeconds: z.number(),
  maxAsyncRetryAttempts: z.number(),
  asyncTask: z.boolean().optional(),
  destinationConfig: destinationConfigSchema.optional(),
  createdTime: z.string(),
  lastModifiedTime: z.string(),
});
export type AsyncConfig = z.infer<typeof asyncConfigSchema>;
