import type net from 'node:net';
import { channelOver, type ChannelEndpoint } from './gateway-channel';
import { CONNECTION_MESSAGE, serveGateway, type GatewayStart, type ServedGateway } from './gateway-serve';

/** How long closing may take before the process exits anyway. */
const CLOSE_GRACE_MS = 5000;

/**
 * A gateway process, forked by the primary (gateway-processes.ts): it is told its start over IPC
 * (`core.start`), then serves the connections dealt to it until told to close (`core.close`) or
 * until the primary is gone (the channel disconnects: it was killed), and always stops its
 * instances before it exits.
 */
function main(): void {
  if (!process.send) throw new Error('A gateway process is started by the engine (it needs its IPC channel)');
  const channel = channelOver(process as unknown as ChannelEndpoint);
  let served: ServedGateway | undefined;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), CLOSE_GRACE_MS).unref();
    void (served?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  };
  channel.handle('core.start', async (payload) => {
    served = await serveGateway(payload as GatewayStart, channel);
    return { pid: process.pid };
  });
  channel.handle('core.close', () => {
    stop();
    return true;
  });
  process.on('message', (message: unknown, socket?: net.Socket) => {
    if ((message as { t?: unknown } | null)?.t !== CONNECTION_MESSAGE || !socket) return;
    if (served && !stopping) served.serve(socket);
    else socket.destroy();
  });
  process.on('disconnect', stop);
  // Ctrl-C reaches the whole terminal's group: the primary closes this process in order (its
  // connections drained, relays flushed, instances stopped), or its disconnect does when it dies.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
}

main();
