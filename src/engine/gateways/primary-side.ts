import path from 'node:path';
import type { AsyncQueue } from '../async/async-queue';
import { RECORDING_LIMITS, type EngineConfig } from '../config';
import type { EngineCredentials } from '../credentials';
import type { KeptInvocationLogs } from '../invoke/invocation-logs';
import type { Recorder } from '../recording/recorder';
import type { InstancePool } from '../runtime/instance-pool';
import type { SandboxChoice } from '../runtime/sandbox/detect';
import { reapLeftovers } from '../runtime/sandbox/instance-registry';
import type { InstanceCap } from '../runtime/types';
import type { StartEngineOptions } from '../server';
import type { GatewayChannel } from './gateway-channel';
import { startGatewayProcesses, type GatewayProcess, type StartedGateways } from './gateway-processes';
import { instancesAcross, type InstanceSource } from './instances-across';
import { wakeOnAccepts } from './async-intake';
import { tellConfigChanged } from './config-changes';
import { acceptRelay } from './relay';
import { createCapOwner } from './shared-cap';

type PrimaryOptions = {
  credentials: EngineCredentials;
  /** The primary's sandbox, which gateway processes use as it is (they never test again). */
  sandbox: SandboxChoice;
  maxInstancesPerFunction?: number;
  /** Where the 499 lines of every process go. */
  log?: (line: string) => void;
  warn(line: string): void;
};

/** What the primary composes with its gateway processes; with one process, nothing changes. */
export type PrimarySide = {
  /** The primary pool's instance cap: counted across processes (undefined: the pool's own). */
  cap: InstanceCap | undefined;
  /** What ListInstances lists: the pool's instances and every gateway process's. */
  instances(pool: InstancePool): InstanceSource;
  /** For `startEngine`, once the pool, the recorder, the logs and the async queue exist. */
  startGateways(
    pool: InstancePool,
    recorder: Pick<Recorder, 'relayed'>,
    logs: KeptInvocationLogs,
    queue: Pick<AsyncQueue, 'wake'>,
  ): StartEngineOptions['startGateways'];
  pids(): readonly number[];
  /** After an OpenAPI call wrote config: every gateway process forgot its cached config (undefined: none to tell). */
  afterConfigWrite: (() => Promise<void>) | undefined;
};

/**
 * The primary's side of its gateway processes (FC_ENGINE_GATEWAYS, decision 044): it owns the
 * instance cap, runs the async invocations they commit (woken when they do), keeps the recordings
 * and invocation logs they relay, takes their 499 lines and asks them for ListInstances. One that is
 * gone frees its cap slots, is asked nothing more, and what it left running is stopped.
 */
export function primarySide(config: EngineConfig, options: PrimaryOptions): PrimarySide {
  const count = (config.gateways ?? 1) - 1;
  if (count < 1)
    return {
      cap: undefined,
      instances: (pool) => pool,
      startGateways: () => undefined,
      pids: () => [],
      afterConfigWrite: undefined,
    };
  let primaryPool: InstancePool | undefined;
  const capOwner = createCapOwner({ pool: () => primaryPool });
  const channels: GatewayChannel[] = [];
  const stops = new Map<GatewayChannel, () => void>();
  let started: StartedGateways | undefined;
  const workDir = path.join(config.dataDir, 'runtime');

  return {
    cap: capOwner.cap,
    instances: (pool) => instancesAcross(pool, () => channels),
    afterConfigWrite: () => tellConfigChanged(channels),
    startGateways: (pool, recorder, logs, queue) => {
      primaryPool = pool;
      const onChannel = ({ channel }: GatewayProcess) => {
        channels.push(channel);
        capOwner.addGateway(channel);
        stops.set(channel, acceptRelay(channel, recorder, logs));
        wakeOnAccepts(channel, queue);
        channel.handle('core.log', (line) => (options.log ?? console.info)(String(line)));
      };
      const onGone = ({ channel }: GatewayProcess) => {
        const index = channels.indexOf(channel);
        if (index >= 0) channels.splice(index, 1);
        capOwner.gatewayGone(channel);
        stops.get(channel)?.();
        stops.delete(channel);
        reapLeftovers(path.join(workDir, 'instances'));
      };
      return async (port, forwardTo) =>
        (started = await startGatewayProcesses({
          count,
          start: {
            dataDir: config.dataDir,
            region: config.region,
            credentials: options.credentials,
            port,
            forwardTo,
            sandbox: options.sandbox,
            recording: config.recording ?? RECORDING_LIMITS,
            maxInstancesPerFunction: options.maxInstancesPerFunction,
          },
          onChannel,
          onGone,
          warn: options.warn,
        }));
    },
    pids: () => started?.processes.map((gateway) => gateway.pid) ?? [],
  };
}
