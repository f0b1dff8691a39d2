import { NEXT, type GatewayContext, type GatewayResult } from '../gateway-context';
import { checkBasic } from './basic';
import { checkBearer } from './bearer';
import { checkJwt } from './jwt';
import { checkSignature, type LocalCredentials } from './signature';

export type AuthDeps = { credentials: LocalCredentials };

/** The trigger's authentication method, one per authType. */
export function authenticate(ctx: GatewayContext, deps: AuthDeps): GatewayResult | Promise<GatewayResult> {
  const trigger = ctx.trigger;
  switch (trigger.authType) {
    case 'anonymous':
      return NEXT;
    case 'function':
      return checkSignature(ctx, deps.credentials);
    case 'jwt':
      return checkJwt(ctx, trigger.authConfig);
    case 'basic':
      return checkBasic(ctx, trigger.authConfig);
    case 'bearer':
      return checkBearer(ctx, trigger.authConfig);
  }
}
