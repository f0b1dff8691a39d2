import type http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import type { GatewayProcesses, StartEngineOptions } from '../server';
import { admitForwarded, newForwardSecret } from './forwarded-listener';
import { closeServer, listen, serveConnection, servesHandedConnections } from './listeners';

type StartGateways = NonNullable<StartEngineOptions['startGateways']>;

/**
 * The public port when gateway processes share it (decision 044): accepted connections stay paused
 * until dealt, so none of their bytes is read by a process that does not serve them. Until the
 * gateway processes are ready, `server` (this process's) serves every connection. What they
 * forward comes in on an internal listener on 127.0.0.1, made by `internalServer` with `admit`.
 */
export function dealingListener(
  server: http.Server,
  internalServer: (admit: ReturnType<typeof admitForwarded>) => http.Server,
) {
  servesHandedConnections(server);
  let gateways: GatewayProcesses | undefined;
  let internal: http.Server | undefined;
  const serveHere = (socket: net.Socket) => serveConnection(server, socket);
  const dealer = net.createServer({ pauseOnConnect: true }, (socket) => {
    if (!gateways?.take(socket, serveHere)) serveHere(socket);
  });
  return {
    dealer,
    async start(publicPort: number, startGateways: StartGateways) {
      const secret = newForwardSecret();
      internal = internalServer(admitForwarded(secret));
      // Its only clients are the gateway processes' keep-alive agents: an idle connection is kept.
      internal.keepAliveTimeout = 0;
      await listen(internal, 0, '127.0.0.1');
      gateways = await startGateways(publicPort, { port: (internal.address() as AddressInfo).port, secret });
    },
    async close() {
      dealer.close();
      await gateways?.close();
      if (internal) await closeServer(internal);
    },
  };
}
