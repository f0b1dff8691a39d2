import { isIP } from 'node:net';

/** A `Host` value, lower-cased, its port made explicit (80 when absent). */
export type RequestHost = {
  hostname: string;
  port: number;
  /** as an Origin's host reads: no `:80` */ authority: string;
};

/** One entry of FC_CONSOLE_ALLOWED_HOSTS: `name`, `name:port`, or `.name` for the name and its subdomains. */
export type AllowedHost = { name: string; subdomains: boolean; port?: number };

export type HostRules = {
  /** The ports the console serves on; undefined accepts any (the in-process app of the tests). */
  ports?: readonly number[];
  allowedHosts: readonly AllowedHost[];
};

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
// A name or an IP literal, then an optional port: nothing else (no user info, path, comma of a joined duplicate).
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/;

function parsePort(digits: string | undefined): number | undefined {
  if (digits === undefined) return 80;
  const port = Number(digits);
  return port <= 65535 ? port : undefined;
}

export function parseHost(value: string): RequestHost | undefined {
  const match = HOST.exec(value.trim().toLowerCase());
  const port = parsePort(match?.[2]);
  const hostname = match?.[1];
  if (!hostname || port === undefined) return undefined;
  return { hostname, port, authority: port === 80 ? hostname : `${hostname}:${port}` };
}

/** An address the browser connected to without asking DNS, so no rebinding can have produced it. */
function isIpLiteral(hostname: string): boolean {
  if (hostname.startsWith('[')) return isIP(hostname.slice(1, -1)) === 6;
  return isIP(hostname) === 4;
}

function matchesAllowed(host: RequestHost, allowed: AllowedHost): boolean {
  if (allowed.port !== undefined && allowed.port !== host.port) return false;
  return host.hostname === allowed.name || (allowed.subdomains && host.hostname.endsWith(`.${allowed.name}`));
}

/**
 * The console's own address: a loopback name or an IP address on a port it serves, or a name the
 * user listed (any port unless the entry gives one: a reverse proxy's public port is not ours).
 */
export function isOwnHost(host: RequestHost, rules: HostRules): boolean {
  if (rules.allowedHosts.some((allowed) => matchesAllowed(host, allowed))) return true;
  if (!LOOPBACK_NAMES.has(host.hostname) && !isIpLiteral(host.hostname)) return false;
  return rules.ports === undefined || rules.ports.includes(host.port);
}

export function parseAllowedHost(entry: string): AllowedHost | undefined {
  const subdomains = entry.startsWith('.');
  const host = parseHost(subdomains ? entry.slice(1) : entry);
  if (!host) return undefined;
  const port = /:\d+$/.test(entry) ? host.port : undefined;
  return { name: host.hostname, subdomains, ...(port === undefined ? {} : { port }) };
}
