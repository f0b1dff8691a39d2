import { INTERNET_URL_DISABLED_MESSAGE } from '../../contract/gateway-rules';
import { respondError } from './errors';
import { NEXT, type GatewayContext, type GatewayResult } from './gateway-context';

/** 403 on the public URL of a trigger with disableURLInternet; the internal (-vpc) endpoint keeps working. */
export function checkInternetUrl(ctx: GatewayContext): GatewayResult {
  if (ctx.trigger.disableURLInternet && ctx.endpoint === 'internet')
    return respondError('InternetURLDisabled', INTERNET_URL_DISABLED_MESSAGE, ctx.requestId);
  return NEXT;
}
