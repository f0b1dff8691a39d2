import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  accountIdEnvSchema,
  credentialsFileSchema,
  optionalEnv,
  portEnvSchema,
  regionEnvSchema,
  type CredentialsFile,
} from '../contract/environment';
import { describeIssues } from '../contract/validation-messages';
import { type ConnectionSource, type FcConnection } from './connection';
import { FcError } from './fc-error';
import { requestedRegion } from './region-scope';
import { parseAllowedHost, type AllowedHost } from './security/host-allowlist';
import { LOCAL_DEFAULTS } from '../contract/local-defaults';

/** `npm run dev`: the Vite dev server the bff also answers for (it proxies /api with the browser's Host). */
export const DEV_SERVER_PORT = 5173;

const ALLOWED_HOSTS_MESSAGE =
  'A comma-separated list of host names, each optionally with :port, or starting with a dot for a domain and its subdomains.';
const allowedHostsSchema = z.string().transform((list, ctx): AllowedHost[] => {
  const entries = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const parsed = entries.map(parseAllowedHost);
  if (parsed.every((host) => host !== undefined)) return parsed;
  ctx.addIssue({ code: 'custom', message: ALLOWED_HOSTS_MESSAGE });
  return z.NEVER;
});

const consoleTokenSchema = z.string().regex(/^[A-Za-z0-9._~-]{32,256}$/, {
  error: 'A console token has 32 to 256 letters, digits, dots, underscores, tildes or hyphens (openssl rand -hex 16).',
});

const consoleEnvSchema = z.object({
  FC_CONSOLE_PORT: optionalEnv(portEnvSchema).transform((v) => v ?? LOCAL_DEFAULTS.consolePort),
  FC_CONSOLE_HOST: optionalEnv(z.string()).transform((v) => v ?? LOCAL_DEFAULTS.host),
  FC_CONSOLE_DATA: optionalEnv(z.string()).transform((v) => v ?? LOCAL_DEFAULTS.dataDir),
  FC_CONSOLE_ALLOWED_HOSTS: optionalEnv(allowedHostsSchema).transform((v) => v ?? []),
  FC_CONSOLE_AUTH: optionalEnv(z.enum(['token', 'none'], { error: 'FC_CONSOLE_AUTH is token or none.' })),
  FC_CONSOLE_TOKEN: optionalEnv(consoleTokenSchema),
  FC_ENGINE_PORT: optionalEnv(portEnvSchema).transform((v) => v ?? LOCAL_DEFAULTS.enginePort),
  FC_ENGINE_HOST: optionalEnv(z.string()).transform((v) => v ?? LOCAL_DEFAULTS.host),
  FC_ENGINE_REGION: optionalEnv(regionEnvSchema),
  FC_ENGINE_ACCOUNT_ID: optionalEnv(z.string()),
  FC_ENGINE_ACCESS_KEY_ID: optionalEnv(z.string()),
  FC_ENGINE_ACCESS_KEY_SECRET: optionalEnv(z.string()),
  FC_REGION: optionalEnv(regionEnvSchema),
  FC_ACCOUNT_ID: optionalEnv(accountIdEnvSchema),
});
export type ConsoleEnv = z.infer<typeof consoleEnvSchema>;

/** Parse the console's environment once, at start-up. The message names the variables, never their values. */
export function parseConsoleEnv(env: Record<string, string | undefined> = process.env): ConsoleEnv {
  const parsed = consoleEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid console environment: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** The engine binds 0.0.0.0 or :: to listen everywhere; the bff reaches it on loopback. */
function engineEndpoint(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '') return `127.0.0.1:${port}`;
  if (host === '::') return `[::1]:${port}`;
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
}

async function readCredentialsFile(file: string): Promise<CredentialsFile | undefined> {
  try {
    return credentialsFileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * Cloud mode when FC_REGION and FC_ACCOUNT_ID are set (FC_REGION unless the request chose another:
 * docs/decisions/023-region-selector.md); otherwise the local engine, whose keys are
 * read from `<data>/credentials.json` on each request (the engine writes it when it first starts).
 */
export function connectionFromEnv(env: ConsoleEnv, cwd = process.cwd()): ConnectionSource {
  const { FC_REGION, FC_ACCOUNT_ID } = env;
  if (FC_REGION && FC_ACCOUNT_ID) {
    // The region the request chose in the header's selector, else FC_REGION; the same keys for every region.
    return async (): Promise<FcConnection> => {
      const region = requestedRegion() ?? FC_REGION;
      const endpoint = `${FC_ACCOUNT_ID}.${region}.fc.aliyuncs.com`;
      return { mode: 'cloud', region, accountId: FC_ACCOUNT_ID, endpoint, protocol: 'https' };
    };
  }
  const file = path.resolve(cwd, env.FC_CONSOLE_DATA, 'credentials.json');
  const endpoint = engineEndpoint(env.FC_ENGINE_HOST, env.FC_ENGINE_PORT);
  return async (): Promise<FcConnection> => {
    const stored = await readCredentialsFile(file);
    const accessKeyId = env.FC_ENGINE_ACCESS_KEY_ID ?? stored?.accessKeyId;
    const accessKeySecret = env.FC_ENGINE_ACCESS_KEY_SECRET ?? stored?.accessKeySecret;
    if (!accessKeyId || !accessKeySecret)
      throw new FcError(
        503,
        'EngineUnavailable',
        `The local Function Compute engine has not started yet: ${file} does not exist. Start it with \`npm start\` (or \`fc-console\`).`,
      );
    return {
      mode: 'local',
      region: env.FC_ENGINE_REGION ?? LOCAL_DEFAULTS.region,
      accountId: env.FC_ENGINE_ACCOUNT_ID ?? stored?.accountId ?? '',
      endpoint,
      protocol: 'http',
      accessKeyId,
      accessKeySecret,
    };
  };
}
