import type { BearerAuthConfig } from '../../../contract/auth-config';
import { gatewayError } from '../errors';
import { NEXT, type GatewayContext, type GatewayResult } from '../gateway-context';
import { anySecretEquals } from './secret-compare';

// The real service's messages ("Enable Bearer authentication for an HTTP trigger").
export const BEARER_MISSING_MESSAGE = 'Authorization header is expected but missing';
export const BEARER_INVALID_MESSAGE = 'access denied due to invalid bearer token';

/**
 * Both failures are 401 Unauthorized: "access denied" reads like a 403, but the docs give no
 * status, the catalogue has one row for a failed credential, and RFC 6750 answers an invalid token
 * with 401 and a challenge. An Authorization header with another scheme counts as an invalid token,
 * not a missing header.
 */
export function checkBearer(ctx: GatewayContext, config: BearerAuthConfig): GatewayResult {
  const authorization = ctx.headers.authorization;
  if (authorization === undefined || authorization.trim() === '')
    return challenge(ctx, BEARER_MISSING_MESSAGE, 'Bearer');
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization.trim());
  const tokens = config.tokens.map((t) => t.token);
  if (match && anySecretEquals(match[1]!, tokens)) return NEXT;
  return challenge(ctx, BEARER_INVALID_MESSAGE, 'Bearer error="invalid_token"');
}

function challenge(ctx: GatewayContext, message: string, wwwAuthenticate: string): GatewayResult {
  const response = gatewayError('Unauthorized', message, ctx.requestId);
  return { respond: { ...response, headers: { ...response.headers, 'www-authenticate': wwwAuthenticate } } };
}
