import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { CONSOLE_REQUEST_HEADER } from '../../contract/recorded-request';
import type { StoredCustomDomain } from '../store/custom-domains-store';
import { servesHttps } from '../tls-listener';
import { respondError } from './errors';
import type { GatewayRespond } from './gateway-context';

/**
 * A custom domain answers only over the protocols it names: an HTTP-only domain never over TLS (the
 * TLS listener has no certificate for it; a Host other than the name the client asked for lands here),
 * an HTTPS-only one never over plain HTTP. The console's own requests (Test Function, Replay) reach the
 * engine over plain HTTP whatever the domain: they are served, so testing an HTTPS-only domain works.
 */
export function refuseOtherProtocol(
  domain: StoredCustomDomain,
  req: IncomingMessage,
  requestId: string,
): GatewayRespond | undefined {
  const overTls = (req.socket as Partial<TLSSocket>).encrypted === true;
  const protocols = domain.protocol.split(',');
  if (overTls) {
    if (servesHttps(domain.protocol)) return undefined;
    const message = `The custom domain ${domain.domainName} serves HTTP only; call it with http://.`;
    return respondError('DomainProtocolNotAllowed', message, requestId);
  }
  if (protocols.includes('HTTP') || req.headers[CONSOLE_REQUEST_HEADER] !== undefined) return undefined;
  const message = `The custom domain ${domain.domainName} serves HTTPS only; call it with https:// on the engine's HTTPS port (FC_ENGINE_HTTPS_PORT).`;
  return respondError('DomainProtocolNotAllowed', message, requestId);
}
