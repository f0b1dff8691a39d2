import { z } from 'zod/mini';

// Alone, in zod's functional API, so the first page's settings answer is parsed without the rest of
// the console API or zod's classic schemas (decisions 026 and 031).

/** The python3 the engine runs Python functions with: its version, or why there is none. */
export const pythonStatusSchema = z.discriminatedUnion('found', [
  z.object({ found: z.literal(true), version: z.string().check(z.maxLength(32)) }),
  z.object({ found: z.literal(false), reason: z.string().check(z.maxLength(500)) }),
]);
export type PythonStatus = z.infer<typeof pythonStatusSchema>;

/** GET /api/settings: where the console is connected. Never carries a secret. */
export const consoleSettingsSchema = z.object({
  mode: z.enum(['local', 'cloud']),
  region: z.string(),
  accountId: z.string(),
  /** The local engine's OpenAPI address (local mode only). */
  engineUrl: z.optional(z.string()),
  /** Local mode only: whether the engine runs functions isolated (contract/engine-sandbox.ts); unknown for an engine that cannot say. */
  functionIsolation: z.optional(z.enum(['isolated', 'not-isolated', 'unknown'])),
  /** Why functions are not isolated, as the engine said it (bubblewrap missing, FC_ENGINE_SANDBOX=off, …). */
  isolationReason: z.optional(z.string()),
  /** Local mode only: the python3 the engine runs Python functions with, or why there is none. */
  python: z.optional(pythonStatusSchema),
});
export type ConsoleSettings = z.infer<typeof consoleSettingsSchema>;
export type FunctionIsolation = Required<Pick<ConsoleSettings, 'functionIsolation'>> &
  Pick<ConsoleSettings, 'isolationReason' | 'python'>;
