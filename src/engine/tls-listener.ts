import https from 'node:https';
import type net from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import tls from 'node:tls';
import { DOMAIN_NAME_PATTERN } from '../contract/custom-domain';
import { hostnameOf } from '../contract/trigger-url';
import type { StoredCustomDomain } from './store/custom-domains-store';

/** Whether a custom domain's protocol (`HTTP`, `HTTPS` or `HTTP,HTTPS`) includes HTTPS. */
export const servesHttps = (protocol: string) => protocol.split(',').includes('HTTPS');

/** FC's names of TLS versions, oldest first (Node names TLS 1.0 `TLSv1`). */
const TLS_VERSIONS = ['TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const versionRank = (name: string) => TLS_VERSIONS.indexOf(name === 'TLSv1' ? 'TLSv1.0' : name);

/**
 * Whether a finished handshake is one the domain's tlsConfig allows: its version within
 * min/maxVersion and, below TLS 1.3, its cipher suite among cipherSuites (IANA names, as FC lists
 * them; TLS 1.3's own suites are not configurable). Nothing set allows anything.
 */
export function allowedByTlsConfig(
  tlsConfig: StoredCustomDomain['tlsConfig'],
  version: string | null,
  cipherSuite: string | undefined,
): boolean {
  if (!tlsConfig) return true;
  const rank = versionRank(version ?? '');
  if (tlsConfig.minVersion && rank < versionRank(tlsConfig.minVersion)) return false;
  if (tlsConfig.maxVersion && rank > versionRank(tlsConfig.maxVersion)) return false;
  const suites = tlsConfig.cipherSuites ?? [];
  return version === 'TLSv1.3' || suites.length === 0 || suites.includes(cipherSuite ?? '');
}

/** Certificates kept ready; past this many (domains created and deleted over time) the cache starts over. */
const CONTEXTS_MAX = 1000;

/** A TLS client that has not finished its handshake by then is cut (Node's default is 120 s). */
const HANDSHAKE_TIMEOUT_MS = 10_000;

type TlsListenerOptions = {
  /** The custom domain that serves a hostname, as the gateway picks it (exact, then the longest wildcard). */
  findDomain(hostname: string): StoredCustomDomain | undefined;
  maxHeaderSize: number;
  /** Told when a domain's certificate or key cannot be used (OpenSSL's reason; never the key). */
  warn(line: string): void;
};

/**
 * The engine's HTTPS listener for custom domains: the certificate is picked by the name the client
 * asks for (SNI), from the custom domain that serves it when its protocol includes HTTPS. Any other
 * name (an HTTP-only domain, a trigger URL, an address, none) gets no certificate: the handshake
 * fails, as no certificate for it exists. Secure contexts are built once per domain and certificate, so an
 * updated certificate is used from the next handshake on.
 */
export function createTlsListener(
  options: TlsListenerOptions,
  onRequest: (req: IncomingMessage, res: ServerResponse) => void,
): https.Server {
  // Keyed by the PEMs themselves (a modification time has whole seconds, and two updates can share
  // one); a refusal is kept too, so a client repeating handshakes neither re-parses nor re-logs it.
  type Prepared = { certificate: string; privateKey: string; context: tls.SecureContext | Error };
  const contexts = new Map<string, Prepared>();

  const contextFor = (servername: string): tls.SecureContext | Error => {
    const domain = DOMAIN_NAME_PATTERN.test(servername) ? options.findDomain(servername) : undefined;
    if (!domain?.certConfig || !servesHttps(domain.protocol))
      return new Error(`No custom domain serves ${servername} over HTTPS`);
    const { certificate, privateKey } = domain.certConfig;
    const cached = contexts.get(domain.domainName);
    if (cached?.certificate === certificate && cached.privateKey === privateKey) return cached.context;
    let context: tls.SecureContext | Error;
    try {
      context = tls.createSecureContext({ cert: certificate, key: privateKey });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      options.warn(`[engine] custom domain ${domain.domainName}: its certificate cannot be used (${reason})`);
      context = new Error(`The certificate of ${domain.domainName} cannot be used`);
    }
    if (contexts.size >= CONTEXTS_MAX) contexts.clear();
    contexts.set(domain.domainName, { certificate, privateKey, context });
    return context;
  };

  const server = https.createServer(
    {
      maxHeaderSize: options.maxHeaderSize,
      handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
      SNICallback: (servername, callback) => {
        const found = contextFor(servername.toLowerCase());
        if (found instanceof Error) callback(found, undefined);
        else callback(null, found);
      },
    },
    (req, res) => {
      // The domain the Host names is the one served: its tlsConfig holds too, whatever name SNI asked for.
      const socket = req.socket as tls.TLSSocket;
      const hostname = hostnameOf(req.headers.host);
      const domain = DOMAIN_NAME_PATTERN.test(hostname) ? options.findDomain(hostname) : undefined;
      if (allowedByTlsConfig(domain?.tlsConfig, socket.getProtocol(), socket.getCipher()?.standardName))
        onRequest(req, res);
      else socket.destroy();
    },
  );
  // OpenSSL picks the version and cipher before SNI can swap the context, so a domain's tlsConfig is
  // held to once the handshake is done: a connection outside it is closed before any request is read.
  server.on('secureConnection', (socket: tls.TLSSocket) => {
    const servername = typeof socket.servername === 'string' ? socket.servername.toLowerCase() : '';
    const domain = options.findDomain(servername);
    if (!allowedByTlsConfig(domain?.tlsConfig, socket.getProtocol(), socket.getCipher()?.standardName))
      socket.destroy();
  });
  // https.Server counts a connection only once its handshake is done: closing the engine must also
  // end the ones still shaking hands, or close() waits for them.
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const closeHandshaken = server.closeAllConnections.bind(server);
  server.closeAllConnections = () => {
    closeHandshaken();
    for (const socket of sockets) socket.destroy();
  };
  return server;
}
