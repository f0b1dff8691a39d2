import type { BearerAuthConfig } from '../../../contract/auth-config';
import { bearerRefusal } from '../../../contract/gateway-rules';
import { gatewayError } from '../errors';
import { NEXT, type GatewayContext, type GatewayResult } from '../gateway-context';
import { secretEquals } from './secret-compare';

/** 401 with a Bearer challenge unless the token is one of the trigger's (contract rule). */
export function checkBearer(ctx: GatewayContext, config: BearerAuthConfig): GatewayResult {
  const refusal = bearerRefusal(ctx.headers.authorization, config, secretEquals);
  if (!refusal) return NEXT;
  const response = gatewayError(refusal.code, refusal.message, ctx.requestId);
  return { respond: { ...response, headers: { ...response.headers, 'www-authenticate': refusal.challenge } } };
}
