import type { BasicAuthConfig } from '../../../contract/auth-config';
import { basicRefusal } from '../../../contract/gateway-rules';
import { gatewayError } from '../errors';
import { NEXT, type GatewayContext, type GatewayResult } from '../gateway-context';
import { secretEquals } from './secret-compare';

/** 401 with a Basic challenge unless the username and password match one configured user (contract rule). */
export function checkBasic(ctx: GatewayContext, config: BasicAuthConfig): GatewayResult {
  const refusal = basicRefusal(ctx.headers.authorization, config, secretEquals);
  if (!refusal) return NEXT;
  const response = gatewayError(refusal.code, refusal.message, ctx.requestId);
  return { respond: { ...response, headers: { ...response.headers, 'www-authenticate': refusal.challenge } } };
}
