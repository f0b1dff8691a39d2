import path from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../contract/validation-messages';

/** An empty variable counts as unset, as a shell user expects from `FC_ENGINE_PORT= npm start`. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const engineEnvSchema = z.object({
  FC_CONSOLE_DATA: optional(z.string()),
  FC_ENGINE_PORT: optional(
    z.coerce
      .number({ error: 'A port is a whole number from 0 to 65535.' })
      .int({ error: 'A port is a whole number from 0 to 65535.' })
      .min(0, { error: 'A port is a whole number from 0 to 65535.' })
      .max(65535, { error: 'A port is a whole number from 0 to 65535.' }),
  ),
  FC_ENGINE_HOST: optional(z.string()),
  FC_ENGINE_ACCESS_KEY_ID: optional(
    z.string().regex(/^[A-Za-z0-9]{8,128}$/, { error: 'An AccessKey ID has 8 to 128 letters and digits.' }),
  ),
  FC_ENGINE_ACCESS_KEY_SECRET: optional(
    z.string().regex(/^[\x21-\x7e]{8,128}$/, { error: 'An AccessKey secret has 8 to 128 printable characters.' }),
  ),
  FC_ENGINE_ACCOUNT_ID: optional(z.string().regex(/^[0-9]{1,32}$/, { error: 'An account ID is digits only.' })),
  FC_ENGINE_REGION: optional(
    z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'A region looks like cn-hangzhou.' }),
  ),
});

export type CredentialOverrides = { accountId?: string; accessKeyId?: string; accessKeySecret?: string };

export type EngineConfig = {
  /** Absolute path of the data dir. */
  dataDir: string;
  host: string;
  port: number;
  region: string;
  credentialOverrides: CredentialOverrides;
};

export const ENGINE_DEFAULTS = { dataDir: '.fc-console', host: '127.0.0.1', port: 3001, region: 'cn-hangzhou' } as const;

/** Parse the engine's environment once, at start-up. Throws an Error naming each bad variable. */
export function loadEngineConfig(env: Record<string, string | undefined>, cwd = process.cwd()): EngineConfig {
  const parsed = engineEnvSchema.safeParse(env);
  // The values are left out of the message: one of them may be a secret.
  if (!parsed.success) throw new Error(`Invalid engine environment: ${describeIssues(parsed.error.issues)}`);
  const e = parsed.data;
  return {
    dataDir: path.resolve(cwd, e.FC_CONSOLE_DATA ?? ENGINE_DEFAULTS.dataDir),
    host: e.FC_ENGINE_HOST ?? ENGINE_DEFAULTS.host,
    port: e.FC_ENGINE_PORT ?? ENGINE_DEFAULTS.port,
    region: e.FC_ENGINE_REGION ?? ENGINE_DEFAULTS.region,
    credentialOverrides: {
      accountId: e.FC_ENGINE_ACCOUNT_ID,
      accessKeyId: e.FC_ENGINE_ACCESS_KEY_ID,
      accessKeySecret: e.FC_ENGINE_ACCESS_KEY_SECRET,
    },
  };
}
