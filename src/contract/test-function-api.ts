import { z } from 'zod';
import { invocationResultSchema, savedTestRequestInputSchema, savedTestRequestSchema } from './invocation';

/** bff GET /api/functions/:fn/invocations: the last 50 results, newest first. */
export const invocationHistorySchema = z.object({ invocations: z.array(invocationResultSchema) });
export type InvocationHistory = z.infer<typeof invocationHistorySchema>;

/** bff GET /api/functions/:fn/test-requests. */
export const savedTestRequestListSchema = z.object({ testRequests: z.array(savedTestRequestSchema) });

/** bff PUT /api/functions/:fn/test-requests/:id: rename, edit the request, or both. */
export const savedTestRequestUpdateSchema = savedTestRequestInputSchema.partial();
export type SavedTestRequestUpdate = z.infer<typeof savedTestRequestUpdateSchema>;

/** bff GET /api/functions/:fn/test-requests/export: a JSON file. */
export const testRequestExportSchema = z.object({
  functionName: z.string(),
  exportedAt: z.string(),
  testRequests: z.array(savedTestRequestSchema),
});

/** The console keeps the last 50 test invocations of each function. */
export const MAX_HISTORY = 50;
