import { z } from 'zod';
import { pythonStatusSchema } from './console-settings';

export { pythonStatusSchema, type PythonStatus } from './console-settings';

/** The engine's own OpenAPI extension (signed like every call): whether functions run isolated, and with which python3. */
export const SANDBOX_STATUS_PATH = '/2023-03-30/engine/sandbox';

export const NOT_ISOLATED_WARNING = 'functions are not isolated on this machine: install bubblewrap';

/** The answer of `GET SANDBOX_STATUS_PATH`: `{isolated, tool}`, or why not and the warning to show; `python` when the engine says. */
export const sandboxStatusAnswerSchema = z.discriminatedUnion('isolated', [
  z.object({ isolated: z.literal(true), tool: z.literal('bubblewrap'), python: z.optional(pythonStatusSchema) }),
  z.object({
    isolated: z.literal(false),
    reason: z.string(),
    warning: z.string(),
    python: z.optional(pythonStatusSchema),
  }),
]);
export type SandboxStatusAnswer = z.infer<typeof sandboxStatusAnswerSchema>;
