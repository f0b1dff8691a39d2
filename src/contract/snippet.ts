import { z } from 'zod';
import { httpTestRequestSchema, invocationModeSchema, invokeInputSchema } from './invocation';
import { resourceNameSchema } from './names';

/**
 * bff POST /api/functions/:fn/snippets: the current test request as a command to paste, with the
 * trigger's authentication filled in by the bff (a signature with the account's AccessKey, a stored
 * Basic password or Bearer token, a pasted JWT).
 */
export const snippetInputSchema = z.object({
  request: httpTestRequestSchema,
  mode: invocationModeSchema,
  triggerName: resourceNameSchema,
  endpoint: z.enum(['internet', 'intranet']),
  auth: invokeInputSchema.shape.auth,
});
export type SnippetInput = z.infer<typeof snippetInputSchema>;

export const snippetSchema = z.object({
  curl: z.string(),
  fetch: z.string(),
  /** A signed request stops verifying at this time (15 minutes after signing). */
  expiresAt: z.string().optional(),
});
export type Snippet = z.infer<typeof snippetSchema>;
