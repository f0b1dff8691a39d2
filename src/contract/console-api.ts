import { z } from 'zod';

/** GET /api/settings: where the console is connected. Never carries a secret. */
export const consoleSettingsSchema = z.object({
  mode: z.enum(['local', 'cloud']),
  region: z.string(),
  accountId: z.string(),
  /** The local engine's OpenAPI address (local mode only). */
  engineUrl: z.string().optional(),
});
export type ConsoleSettings = z.infer<typeof consoleSettingsSchema>;

const LIMIT_MESSAGE = 'Limit is a whole number from 1 to 100.';

/** The paging query of the bff's list routes (the OpenAPI's prefix, limit, nextToken). */
export const listQuerySchema = z.object({
  prefix: z.string().max(128, { error: 'name.tooLong' }).optional(),
  limit: z.coerce
    .number({ error: LIMIT_MESSAGE })
    .int({ error: LIMIT_MESSAGE })
    .min(1, { error: LIMIT_MESSAGE })
    .max(100, { error: LIMIT_MESSAGE })
    .optional(),
  nextToken: z.string().max(1024).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;
