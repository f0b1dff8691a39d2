import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { StoredCustomDomain } from '../store/custom-domains-store';
import { servesHttps } from '../tls-listener';
import { respondError } from './errors';
import type { GatewayRespond } from './gateway-context';

/**
 * An HTTP-only custom domain never answers over TLS (the TLS listener has no certificate for it; a
 * Host other than the name the client asked for lands here). An HTTPS-only domain still answers plain
 * HTTP: that is the URL the console shows and reaches it by (decision 042).
 */
export function refuseOtherProtocol(
  domain: StoredCustomDomain,
  req: IncomingMessage,
  requestId: string,
): GatewayRespond | undefined {
  const overTls = (req.socket as Partial<TLSSocket>).encrypted === true;
  if (!overTls || servesHttps(domain.protocol)) return undefined;
  const message = `The custom domain ${domain.domainName} serves HTTP only; call it with http://.`;
  return respondError('DomainProtocolNotAllowed', message, requestId);
}
