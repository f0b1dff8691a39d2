import { z } from 'zod';
import { asyncTaskIdHeaderSchema } from '../../contract/async-task';
import { LATEST, qualifierSchema } from '../../contract/names';
import { describeIssues } from '../../contract/validation-messages';
import { FcError } from '../fc-error';

/** `sync` → `Sync`: the SDK sends FC's spelling, a hand-written request may not. */
const capitalized = (value: unknown) =>
  typeof value === 'string' && value.length > 0 ? value[0]!.toUpperCase() + value.slice(1).toLowerCase() : value;

const invokeInputSchema = z.object({
  'x-fc-invocation-type': z
    .preprocess(capitalized, z.enum(['Sync', 'Async'], { error: 'The invocation type is Sync or Async.' }).optional())
    .transform((v) => v ?? 'Sync'),
  'x-fc-log-type': z
    .preprocess(capitalized, z.enum(['None', 'Tail'], { error: 'The log type is None or Tail.' }).optional())
    .transform((v) => v ?? 'None'),
  'x-fc-async-task-id': asyncTaskIdHeaderSchema.optional(),
  qualifier: qualifierSchema.optional().transform((v) => v ?? LATEST),
});

export type InvokeInput = z.infer<typeof invokeInputSchema>;

/** InvokeFunction's headers and `qualifier` query; a bad one is InvalidArgument naming it. */
export function parseInvokeInput(
  headers: Record<string, string | undefined>,
  qualifier: string | undefined,
): InvokeInput {
  const parsed = invokeInputSchema.safeParse({
    'x-fc-invocation-type': headers['x-fc-invocation-type'] || undefined,
    'x-fc-log-type': headers['x-fc-log-type'] || undefined,
    'x-fc-async-task-id': headers['x-fc-async-task-id'] || undefined,
    qualifier: qualifier || undefined,
  });
  if (!parsed.success) throw new FcError('InvalidArgument', describeIssues(parsed.error.issues));
  return parsed.data;
}

/** `x-fc-log-type: Tail`: the last 4 KB of the invocation's log, base64, as FC's x-fc-log-result. */
export const LOG_TAIL_BYTES = 4096;

export function logTail(logs: string): string {
  const bytes = Buffer.from(logs, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - LOG_TAIL_BYTES)).toString('base64');
}
