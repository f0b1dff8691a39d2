import { z } from 'zod';
import { pythonStatusSchema } from './engine-sandbox';

// Alone so the first page's settings answer is parsed without the rest of the console API (decision 026).

/** GET /api/settings: where the console is connected. Never carries a secret. */
export const consoleSettingsSchema = z.object({
  mode: z.enum(['local', 'cloud']),
  region: z.string(),
  accountId: z.string(),
  /** The local engine's OpenAPI address (local mode only). */
  engineUrl: z.string().optional(),
  /** Local mode only: whether the engine runs functions isolated (contract/engine-sandbox.ts); unknown for an engine that cannot say. */
  functionIsolation: z.enum(['isolated', 'not-isolated', 'unknown']).optional(),
  /** Why functions are not isolated, as the engine said it (bubblewrap missing, FC_ENGINE_SANDBOX=off, …). */
  isolationReason: z.string().optional(),
  /** Local mode only: the python3 the engine runs Python functions with, or why there is none. */
  python: pythonStatusSchema.optional(),
});
export type ConsoleSettings = z.infer<typeof consoleSettingsSchema>;
export type FunctionIsolation = Required<Pick<ConsoleSettings, 'functionIsolation'>> &
  Pick<ConsoleSettings, 'isolationReason' | 'python'>;
