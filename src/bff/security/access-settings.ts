import { isIP } from 'node:net';
import type { ConsoleEnv } from '../config';
import { generateConsoleToken } from './access-token';
import type { AllowedHost } from './host-allowlist';

/** How the console is protected, decided once at start-up from FC_CONSOLE_HOST / _AUTH / _TOKEN / _ALLOWED_HOSTS. */
export type AccessSettings = {
  allowedHosts: readonly AllowedHost[];
  /** Token mode when set. */
  token?: string;
  /** To print at start-up: the console is open to whoever reaches its address. */
  warning?: string;
};

type AccessEnv = Pick<
  ConsoleEnv,
  'FC_CONSOLE_HOST' | 'FC_CONSOLE_PORT' | 'FC_CONSOLE_AUTH' | 'FC_CONSOLE_TOKEN' | 'FC_CONSOLE_ALLOWED_HOSTS'
>;

export function isLoopbackAddress(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

/** A start that would expose the console without protection: the message says what to set. */
export class ConsoleExposedError extends Error {
  override readonly name = 'ConsoleExposedError';
}

function exposedMessage(host: string, port: number): string {
  return [
    `Refusing to start: FC_CONSOLE_HOST=${host} makes the console reachable from other machines, and anyone who reaches http://${host}:${port} could run code on this machine as you.`,
    'Choose one and start again:',
    '  FC_CONSOLE_AUTH=token   require an access token (generated and printed at start-up, or FC_CONSOLE_TOKEN=<at least 32 characters>)',
    '  FC_CONSOLE_AUTH=none    accept anyone who can reach the port (only on a network where everyone may run code as you)',
    'Or leave FC_CONSOLE_HOST unset to listen on 127.0.0.1 only.',
  ].join('\n');
}

/** Throws ConsoleExposedError for a non-loopback address without FC_CONSOLE_AUTH or FC_CONSOLE_TOKEN. */
export function accessFromEnv(env: AccessEnv, host: string = env.FC_CONSOLE_HOST): AccessSettings {
  const allowedHosts = env.FC_CONSOLE_ALLOWED_HOSTS;
  if (env.FC_CONSOLE_TOKEN !== undefined && env.FC_CONSOLE_AUTH === 'none')
    throw new ConsoleExposedError('FC_CONSOLE_TOKEN is set but FC_CONSOLE_AUTH=none: unset one of them.');
  if (env.FC_CONSOLE_TOKEN !== undefined || env.FC_CONSOLE_AUTH === 'token')
    return { allowedHosts, token: env.FC_CONSOLE_TOKEN ?? generateConsoleToken() };
  if (isLoopbackAddress(host)) return { allowedHosts };
  if (env.FC_CONSOLE_AUTH !== 'none') throw new ConsoleExposedError(exposedMessage(host, env.FC_CONSOLE_PORT));
  return {
    allowedHosts,
    warning: `Warning: FC_CONSOLE_AUTH=none and FC_CONSOLE_HOST=${host}: anyone who can reach port ${env.FC_CONSOLE_PORT} of this machine can run code on it as you.`,
  };
}
