import { describe, expect, it } from 'vitest';
import { checkInternetUrl } from './internet-url';
import { answered, makeContext } from './testing/gateway-context';

const closed = makeContext().trigger;
closed.disableURLInternet = true;

describe('checkInternetUrl', () => {
  it('answers the public endpoint of a trigger with the internet URL disabled with 403 and the seed message', () => {
    const response = answered(checkInternetUrl(makeContext({ trigger: closed, endpoint: 'internet' })));
    expect(response.status).toBe(403);
    expect(response.json).toEqual({
      Code: 'InternetURLDisabled',
      Message: 'access denied due to function internet URL is disable',
      RequestId: 'req-1',
    });
  });

  it('keeps the internal endpoint open', () => {
    expect(checkInternetUrl(makeContext({ trigger: closed, endpoint: 'intranet' }))).toEqual({ next: true });
  });

  it('lets the public endpoint through when the switch is off', () => {
    expect(checkInternetUrl(makeContext({ endpoint: 'internet' }))).toEqual({ next: true });
  });
});
