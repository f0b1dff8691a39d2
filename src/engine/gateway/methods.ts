import { methodNotAllowedMessage } from '../../contract/gateway-rules';
import { respondError } from './errors';
import { NEXT, type GatewayContext, type GatewayResult } from './gateway-context';

/**
 * 403 when the trigger does not list the method (seed 000's table). A CORS preflight never gets
 * here when the gateway answers it itself: the pipeline runs CORS first.
 */
export function checkMethod(ctx: GatewayContext): GatewayResult {
  const method = ctx.method.toUpperCase();
  const allowed: readonly string[] = ctx.trigger.methods;
  if (allowed.includes(method)) return NEXT;
  return respondError('MethodNotAllowed', methodNotAllowedMessage(method, allowed), ctx.requestId);
}
