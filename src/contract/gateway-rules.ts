import type { BasicAuthConfig, BearerAuthConfig } from './auth-config';

/**
 * The trigger gateway's host, method, public-URL, Basic and Bearer rules as pure functions: the engine
 * runs them with constant-time comparison, the MSW mock gateway with its own (browser-safe, no
 * node:crypto), so both answer the same code, message and challenge. Statuses are the catalogue's.
 */

/** Unconfirmed: the realm the real service sends; browsers show it in their login prompt. */
export const BASIC_CHALLENGE = 'Basic realm="Function Compute", charset="UTF-8"';
export const BASIC_MISSING_MESSAGE = 'Authorization header is expected but missing';
export const BASIC_INVALID_MESSAGE = 'access denied due to invalid username or password';
// The real service's messages ("Enable Bearer authentication for an HTTP trigger").
export const BEARER_MISSING_MESSAGE = 'Authorization header is expected but missing';
export const BEARER_INVALID_MESSAGE = 'access denied due to invalid bearer token';
export const BEARER_MISSING_CHALLENGE = 'Bearer';
export const BEARER_INVALID_CHALLENGE = 'Bearer error="invalid_token"';
/** The seed's exact words; the internal (-vpc) endpoint keeps working. */
export const INTERNET_URL_DISABLED_MESSAGE = 'access denied due to function internet URL is disable';

/** A trigger-URL host that names no trigger (the gateway's 404 TriggerNotFound). */
export function noTriggerMessage(host: string | undefined): string {
  return `No HTTP trigger answers ${host ?? 'this host'}.`;
}

export function methodNotAllowedMessage(method: string, allowed: readonly string[]): string {
  return `The method ${method} is not allowed by the trigger; allowed methods: ${allowed.join(', ')}.`;
}

/** A refused credential: always 401 Unauthorized, with the challenge for WWW-Authenticate. */
export type AuthRefusal = { code: 'Unauthorized'; message: string; challenge: string };

/** Compares a secret the caller sent with a configured one; the engine's takes constant time. */
export type SecretEquals = (given: string, expected: string) => boolean;

function utf8OfBase64(base64: string): string {
  const binary = atob(base64);
  return new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
}

function basicCredentialsOf(authorization: string): { username: string; password: string } | undefined {
  const match = /^Basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i.exec(authorization.trim());
  if (!match) return undefined;
  let decoded: string;
  try {
    decoded = utf8OfBase64(match[1]!);
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Undefined when the username and password match one configured user. */
export function basicRefusal(
  authorization: string | undefined,
  config: BasicAuthConfig,
  equals: SecretEquals,
): AuthRefusal | undefined {
  const refuse = (message: string): AuthRefusal => ({ code: 'Unauthorized', message, challenge: BASIC_CHALLENGE });
  if (authorization === undefined || authorization.trim() === '') return refuse(BASIC_MISSING_MESSAGE);
  const given = basicCredentialsOf(authorization);
  if (!given) return refuse(BASIC_INVALID_MESSAGE);
  let matched = false;
  for (const user of config.users) {
    // Both compared every time, for every user: no early exit to time.
    const nameOk = equals(given.username, user.username);
    const passwordOk = equals(given.password, user.password);
    matched = (nameOk && passwordOk) || matched;
  }
  return matched ? undefined : refuse(BASIC_INVALID_MESSAGE);
}

/**
 * Both failures are 401 Unauthorized: "access denied" reads like a 403, but the docs give no
 * status, the catalogue has one row for a failed credential, and RFC 6750 answers an invalid token
 * with 401 and a challenge. An Authorization header with another scheme counts as an invalid token.
 */
export function bearerRefusal(
  authorization: string | undefined,
  config: BearerAuthConfig,
  equals: SecretEquals,
): AuthRefusal | undefined {
  if (authorization === undefined || authorization.trim() === '')
    return { code: 'Unauthorized', message: BEARER_MISSING_MESSAGE, challenge: BEARER_MISSING_CHALLENGE };
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization.trim());
  let matched = false;
  // Every token compared (no early exit).
  for (const { token } of config.tokens) matched = (!!match && equals(match[1]!, token)) || matched;
  return matched
    ? undefined
    : { code: 'Unauthorized', message: BEARER_INVALID_MESSAGE, challenge: BEARER_INVALID_CHALLENGE };
}
