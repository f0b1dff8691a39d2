import { respondError } from './errors';
import { NEXT, type GatewayContext, type GatewayResult } from './gateway-context';

/** The seed's exact words; the internal (-vpc) endpoint keeps working. */
export const INTERNET_URL_DISABLED_MESSAGE = 'access denied due to function internet URL is disable';

export function checkInternetUrl(ctx: GatewayContext): GatewayResult {
  if (ctx.trigger.disableURLInternet && ctx.endpoint === 'internet')
    return respondError('InternetURLDisabled', INTERNET_URL_DISABLED_MESSAGE, ctx.requestId);
  return NEXT;
}
