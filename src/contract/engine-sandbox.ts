import { z } from 'zod';

/** The engine's own OpenAPI extension (signed like every call): whether functions run isolated, and with which python3. */
export const SANDBOX_STATUS_PATH = '/2023-03-30/engine/sandbox';

export const NOT_ISOLATED_WARNING = 'functions are not isolated on this machine: install bubblewrap';

/** The python3 the engine runs Python functions with: its version, or why there is none. */
export const pythonStatusSchema = z.discriminatedUnion('found', [
  z.object({ found: z.literal(true), version: z.string().max(32) }),
  z.object({ found: z.literal(false), reason: z.string().max(500) }),
]);
export type PythonStatus = z.infer<typeof pythonStatusSchema>;

/** The answer of `GET SANDBOX_STATUS_PATH`: `{isolated, tool}`, or why not and the warning to show; `python` when the engine says. */
export const sandboxStatusAnswerSchema = z.discriminatedUnion('isolated', [
  z.object({ isolated: z.literal(true), tool: z.literal('bubblewrap'), python: pythonStatusSchema.optional() }),
  z.object({
    isolated: z.literal(false),
    reason: z.string(),
    warning: z.string(),
    python: pythonStatusSchema.optional(),
  }),
]);
export type SandboxStatusAnswer = z.infer<typeof sandboxStatusAnswerSchema>;
