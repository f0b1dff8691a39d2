import { z } from 'zod';

/*
 * What the engine and the bff both read: the same variables (FC_ENGINE_PORT, FC_ENGINE_REGION, ...)
 * and the credentials file the engine writes and the bff reads. The messages are for whoever starts
 * the process, never shown in the SPA, so they are plain English rather than message keys.
 */

/** An empty variable counts as unset, as a shell user expects from `FC_REGION= npm start`. */
export const optionalEnv = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const PORT_MESSAGE = 'A port is a whole number from 0 to 65535.';
export const portEnvSchema = z.coerce
  .number({ error: PORT_MESSAGE })
  .int({ error: PORT_MESSAGE })
  .min(0, { error: PORT_MESSAGE })
  .max(65535, { error: PORT_MESSAGE });

export const regionEnvSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'A region looks like cn-hangzhou.' });

export const accountIdEnvSchema = z.string().regex(/^[0-9]{1,32}$/, { error: 'An account ID is digits only.' });

/** `<FC_CONSOLE_DATA>/credentials.json`: written by the engine on first start, read by the bff. */
export const credentialsFileSchema = z.object({
  accountId: z.string().min(1),
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
});
export type CredentialsFile = z.infer<typeof credentialsFileSchema>;
