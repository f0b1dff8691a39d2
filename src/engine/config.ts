import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { accountIdEnvSchema, optionalEnv, portEnvSchema, regionEnvSchema } from '../contract/environment';
import { describeIssues } from '../contract/validation-messages';
import { LOCAL_DEFAULTS } from '../contract/local-defaults';
import { RECORDING_DEFAULTS, RECORDING_ENV } from '../contract/recorded-request';

const RECORDED_REQUESTS_MESSAGE =
  'FC_ENGINE_RECORDED_REQUESTS is the number of requests kept per function, 0 (recording off) to 1000000.';
const GATEWAYS_MESSAGE = 'FC_ENGINE_GATEWAYS is the number of gateway processes serving the port, 1 to 4.';
const RECORDED_MB_MESSAGE = 'FC_ENGINE_RECORDED_MB is the megabytes recorded requests may take, more than 0.';

/** Gateway processes serving the public port at most (the primary included). */
export const MAX_GATEWAYS = 4;

const engineEnvSchema = z.object({
  FC_CONSOLE_DATA: optionalEnv(z.string()),
  FC_ENGINE_PORT: optionalEnv(portEnvSchema),
  FC_ENGINE_HTTPS_PORT: optionalEnv(portEnvSchema),
  FC_ENGINE_HOST: optionalEnv(z.string()),
  FC_ENGINE_ACCESS_KEY_ID: optionalEnv(
    z.string().regex(/^[A-Za-z0-9]{8,128}$/, { error: 'An AccessKey ID has 8 to 128 letters and digits.' }),
  ),
  FC_ENGINE_ACCESS_KEY_SECRET: optionalEnv(
    z.string().regex(/^[\x21-\x7e]{8,128}$/, { error: 'An AccessKey secret has 8 to 128 printable characters.' }),
  ),
  FC_ENGINE_ACCOUNT_ID: optionalEnv(accountIdEnvSchema),
  FC_ENGINE_REGION: optionalEnv(regionEnvSchema),
  FC_ENGINE_SANDBOX: optionalEnv(
    z.enum(['auto', 'off'], { error: 'FC_ENGINE_SANDBOX is auto (isolate functions where possible) or off.' }),
  ),
  FC_ENGINE_GATEWAYS: optionalEnv(
    z.coerce
      .number({ error: GATEWAYS_MESSAGE })
      .int({ error: GATEWAYS_MESSAGE })
      .min(1, { error: GATEWAYS_MESSAGE })
      .max(MAX_GATEWAYS, { error: GATEWAYS_MESSAGE }),
  ),
  [RECORDING_ENV.perFunction]: optionalEnv(
    z.coerce
      .number({ error: RECORDED_REQUESTS_MESSAGE })
      .int({ error: RECORDED_REQUESTS_MESSAGE })
      .min(0, { error: RECORDED_REQUESTS_MESSAGE })
      .max(1_000_000, { error: RECORDED_REQUESTS_MESSAGE }),
  ),
  [RECORDING_ENV.totalMegabytes]: optionalEnv(
    z.coerce
      .number({ error: RECORDED_MB_MESSAGE })
      .positive({ error: RECORDED_MB_MESSAGE })
      .max(100_000, { error: RECORDED_MB_MESSAGE }),
  ),
});

export type CredentialOverrides = { accountId?: string; accessKeyId?: string; accessKeySecret?: string };

export type EngineConfig = {
  /** Absolute path of the data dir. */
  dataDir: string;
  host: string;
  port: number;
  /** Custom domains with a certificate are served over TLS here (FC_ENGINE_HTTPS_PORT); unset: no HTTPS listener. */
  httpsPort?: number;
  region: string;
  credentialOverrides: CredentialOverrides;
  /** `off` runs functions without isolation even where bubblewrap works (for debugging only). */
  sandbox: SandboxMode;
  /** The Requests inspector's bounds (recording/); absent: the defaults. */
  recording?: RecordingLimits;
  /** Processes serving the public port, the primary included (FC_ENGINE_GATEWAYS, decision 044); absent: 1. */
  gateways?: number;
};

/** Requests kept per function (0: recording off) and the bytes all recorded requests may take. */
export type RecordingLimits = { perFunction: number; totalBytes: number };

export type SandboxMode = 'auto' | 'off';

/** The recording's bounds when a config (built by hand, in tests) does not say. */
export const RECORDING_LIMITS: RecordingLimits = {
  perFunction: RECORDING_DEFAULTS.perFunction,
  totalBytes: RECORDING_DEFAULTS.totalMegabytes * 1024 * 1024,
};

export const ENGINE_DEFAULTS = {
  dataDir: LOCAL_DEFAULTS.dataDir,
  host: LOCAL_DEFAULTS.host,
  port: LOCAL_DEFAULTS.enginePort,
  region: LOCAL_DEFAULTS.region,
  sandbox: 'auto',
} as const;

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
    ...(e.FC_ENGINE_HTTPS_PORT === undefined ? {} : { httpsPort: e.FC_ENGINE_HTTPS_PORT }),
    region: e.FC_ENGINE_REGION ?? ENGINE_DEFAULTS.region,
    credentialOverrides: {
      accountId: e.FC_ENGINE_ACCOUNT_ID,
      accessKeyId: e.FC_ENGINE_ACCESS_KEY_ID,
      accessKeySecret: e.FC_ENGINE_ACCESS_KEY_SECRET,
    },
    sandbox: e.FC_ENGINE_SANDBOX ?? ENGINE_DEFAULTS.sandbox,
    // A second process is worth its wake-ups only with a second core (decision 021).
    gateways: e.FC_ENGINE_GATEWAYS ?? Math.min(2, os.availableParallelism()),
    recording: {
      perFunction: e[RECORDING_ENV.perFunction] ?? RECORDING_DEFAULTS.perFunction,
      totalBytes: Math.round((e[RECORDING_ENV.totalMegabytes] ?? RECORDING_DEFAULTS.totalMegabytes) * 1024 * 1024),
    },
  };
}
