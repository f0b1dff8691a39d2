import type { BasicAuthConfig } from '../../../contract/auth-config';
import { gatewayError } from '../errors';
import { NEXT, type GatewayContext, type GatewayResult } from '../gateway-context';
import { secretEquals } from './secret-compare';

/** Unconfirmed: the realm the real service sends; browsers show it in their login prompt. */
export const BASIC_CHALLENGE = 'Basic realm="Function Compute", charset="UTF-8"';
export const BASIC_MISSING_MESSAGE = 'Authorization header is expected but missing';
export const BASIC_INVALID_MESSAGE = 'access denied due to invalid username or password';

function credentialsOf(authorization: string): { username: string; password: string } | undefined {
  const match = /^Basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i.exec(authorization.trim());
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** 401 with a Basic challenge unless the username and password match one configured user. */
export function checkBasic(ctx: GatewayContext, config: BasicAuthConfig): GatewayResult {
  const authorization = ctx.headers.authorization;
  if (authorization === undefined || authorization.trim() === '') return challenge(ctx, BASIC_MISSING_MESSAGE);
  const given = credentialsOf(authorization);
  if (!given) return challenge(ctx, BASIC_INVALID_MESSAGE);
  let matched = false;
  for (const user of config.users) {
    // Both compared every time, for every user: no early exit to time.
    const nameOk = secretEquals(given.username, user.username);
    const passwordOk = secretEquals(given.password, user.password);
    matched = (nameOk && passwordOk) || matched;
  }
  return matched ? NEXT : challenge(ctx, BASIC_INVALID_MESSAGE);
}

function challenge(ctx: GatewayContext, message: string): GatewayResult {
  const response = gatewayError('Unauthorized', message, ctx.requestId);
  return { respond: { ...response, headers: { ...response.headers, 'www-authenticate': BASIC_CHALLENGE } } };
}
