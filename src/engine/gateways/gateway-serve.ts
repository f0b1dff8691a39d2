import path from 'node:path';
import type net from 'node:net';
import type { RecordingLimits } from '../config';
import type { EngineCredentials } from '../credentials';
import { createGatewayHandler } from '../gateway/gateway-handler';
import { withInvocationLogs } from '../invoke/invocation-logs';
import { isCurrentIn } from '../invoke/resolve-function';
import { createInstancePool } from '../runtime/instance-pool';
import { sandboxOf, type SandboxChoice } from '../runtime/sandbox/detect';
import {
  createEngineHttpServer,
  gatewayHostCheck,
  triggerDispatch,
  type EngineContext,
  type ForwardTarget,
} from '../server';
import { openEngineStore } from '../store/engine-store';
import { commitOnGateway } from './async-intake';
import { followConfigChanges } from './config-changes';
import { forwardTo } from './forward-to-primary';
import type { GatewayChannel } from './gateway-channel';
import { serveInstances } from './instances-across';
import { closeServer, serveConnection, servesHandedConnections } from './listeners';
import { relayToPrimary } from './relay';
import { capClient, serveCapReleases } from './shared-cap';

/** What the primary tells a gateway process it forked (over IPC: the AccessKey is never in argv or env). */
export type GatewayStart = {
  dataDir: string;
  region: string;
  credentials: EngineCredentials;
  /** The public port (trigger URLs name it). */
  port: number;
  forwardTo: ForwardTarget;
  /** The primary's sandbox as it detected it: used as it is, never tested again here. */
  sandbox: SandboxChoice;
  recording: RecordingLimits;
  maxInstancesPerFunction?: number;
};

/** The message a connection dealt to a gateway process comes with (its socket is the handle sent along). */
export const CONNECTION_MESSAGE = 'core.connection';

export type ServedGateway = { serve(socket: net.Socket): void; close(): Promise<void> };

/**
 * A gateway process's engine (decision 044): it serves trigger requests itself, with its own
 * instance pool, and forwards to the primary every OpenAPI request. Its store is a follower (it
 * never writes config); the async invocations it accepts it commits with a connection of its own
 * that only inserts tasks (async-intake.ts, decision 048). Its instances are counted by the
 * primary's cap, its recordings and invocation logs are relayed to the primary, and it answers
 * ListInstances with its own.
 */
export async function serveGateway(start: GatewayStart, channel: GatewayChannel): Promise<ServedGateway> {
  const sandbox = sandboxOf(start.sandbox);
  const store = openEngineStore(start.dataDir, { follower: true });
  const relay = relayToPrimary(channel, { limits: start.recording });
  const pool = withInvocationLogs(
    createInstancePool({
      workDir: path.join(start.dataDir, 'runtime'),
      maxInstancesPerFunction: start.maxInstancesPerFunction,
      accountId: start.credentials.accountId,
      region: start.region,
      sandbox,
      cap: capClient(channel),
    }),
    relay.logs,
  );
  serveCapReleases(channel, pool);
  serveInstances(channel, pool);
  followConfigChanges(channel, store.db, () => pool.retireStale(isCurrentIn(store)));
  const intake = commitOnGateway(start.dataDir, channel);
  const onTrigger = createGatewayHandler({
    pool,
    queue: intake,
    log: (line) => channel.notify('core.log', line),
    recorder: relay.recorder.gateway,
  });
  const context: EngineContext = { store, credentials: start.credentials, region: start.region, port: start.port };
  const forwarder = forwardTo(start.forwardTo);
  const server = servesHandedConnections(
    createEngineHttpServer({
      isGatewayHost: gatewayHostCheck(store),
      onGateway: triggerDispatch(onTrigger, context),
      onOpenApi: forwarder.forward,
    }),
  );

  let closing: Promise<void> | undefined;
  return {
    serve: (socket) => serveConnection(server, socket),
    close: () =>
      (closing ??= (async () => {
        await closeServer(server);
        await intake.close();
        forwarder.close();
        await relay.close();
        await pool.close();
        store.close();
      })()),
  };
}
