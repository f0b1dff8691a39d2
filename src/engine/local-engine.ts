import path from 'node:path';
import { createAsyncQueue, type AsyncQueueOptions } from './async/async-queue';
import { RECORDING_LIMITS, type EngineConfig } from './config';
import { loadCredentials } from './credentials';
import { createGatewayHandler } from './gateway/gateway-handler';
import { asyncConfigsListRoute } from './openapi/async-configs-list-routes';
import { instancesRoutes } from './openapi/instances-routes';
import { asyncRoutes } from './invoke/async-routes';
import { createAsyncRunner } from './invoke/async-runner';
import { createInvocationLogs, withInvocationLogs } from './invoke/invocation-logs';
import { invocationLogsRoutes } from './invoke/invocation-logs-routes';
import { invokeFunctionRoutes } from './invoke/invoke-routes';
import { isCurrentIn } from './invoke/resolve-function';
import { createRecorder, type RecorderOptions } from './recording/recorder';
import { recordingRoutes } from './recording/recording-routes';
import { createInstancePool, type InstancePool } from './runtime/instance-pool';
import { defaultPython, pythonStatusOf } from './runtime/python-interpreter';
import { detectSandboxChoice, sandboxOf } from './runtime/sandbox/detect';
import { NOT_ISOLATED_WARNING, type SandboxStatus } from './runtime/sandbox/sandbox';
import { sandboxStatusRoutes } from './runtime/sandbox/sandbox-routes';
import { startEngine, type RunningEngine } from './server';
import { primarySide } from './gateways/primary-side';
import { openEngineStore } from './store/engine-store';
import { usePrivateUmask } from './store/private-data-dir';

export type LocalEngineOptions = {
  /** Instances one function may run at once; past it requests are throttled (429). */
  maxInstancesPerFunction?: number;
  /** How often the queue looks for due retries. */
  asyncPollMs?: number;
  /** How async runs yield to accepts (decision 029): tests force the loop saturated and the intake busy. */
  asyncYield?: Pick<AsyncQueueOptions, 'busyMs' | 'saturatedAbove'>;
  /** Where the gateway notes a client that hung up (499). */
  log?: (line: string) => void;
  /** Where start-up warnings go (functions not isolated); stderr unless told. */
  warn?: (line: string) => void;
  /** The recording queue's bounds and clock (tests); the limits come from the config. */
  recording?: Omit<RecorderOptions, 'dataDir' | 'limits' | 'logs'>;
};

export type LocalEngine = RunningEngine & {
  pool: InstancePool;
  sandbox: SandboxStatus;
  /** The gateway processes serving a share of the port (FC_ENGINE_GATEWAYS - 1 of them; decision 044). */
  gatewayPids: readonly number[];
};

/** How long a shutdown waits for async runs in flight; one cut short stays Running and is run again at the next start. */
const SHUTDOWN_GRACE_MS = 3000;

/**
 * The engine as `npm start` runs it: the OpenAPI, the trigger gateway, the runtime and the async
 * queue on one port, configured from the parsed environment.
 */
export async function startLocalEngine(config: EngineConfig, options: LocalEngineOptions = {}): Promise<LocalEngine> {
  usePrivateUmask();
  const credentials = loadCredentials(config.dataDir, config.credentialOverrides);
  const sandboxChoice = await detectSandboxChoice(config.sandbox);
  const sandbox = sandboxOf(sandboxChoice);
  const warn = options.warn ?? ((line: string) => console.warn(line));
  warnIfNotIsolated(sandbox.status, config, warn);
  const store = openEngineStore(config.dataDir);
  const logs = createInvocationLogs();
  const gateways = primarySide(config, { ...options, credentials, sandbox: sandboxChoice, warn });
  const pool = withInvocationLogs(
    createInstancePool({
      workDir: path.join(config.dataDir, 'runtime'),
      maxInstancesPerFunction: options.maxInstancesPerFunction,
      accountId: credentials.accountId,
      region: config.region,
      sandbox,
      cap: gateways.cap,
    }),
    logs,
  );
  const recorder = createRecorder({
    ...options.recording,
    dataDir: config.dataDir,
    limits: config.recording ?? RECORDING_LIMITS,
    logs,
  });
  const queue = createAsyncQueue({
    db: store.db,
    run: createAsyncRunner({ store, pool, accountId: credentials.accountId }),
    pollMs: options.asyncPollMs,
    ...options.asyncYield,
    functionArn: (functionName) => `acs:fc:${config.region}:${credentials.accountId}:functions/${functionName}`,
  });

  let engine: RunningEngine;
  try {
    engine = await startEngine({
      dataDir: config.dataDir,
      store,
      host: config.host,
      port: config.port,
      httpsPort: config.httpsPort,
      region: config.region,
      credentials,
      onTriggerRequest: createGatewayHandler({ pool, queue, log: options.log, recorder: recorder.gateway }),
      openApiExtensions: [
        invokeFunctionRoutes({ pool, queue }),
        asyncRoutes(queue),
        invocationLogsRoutes(logs),
        recordingRoutes(recorder),
        asyncConfigsListRoute(queue),
        instancesRoutes(gateways.instances(pool)),
        sandboxStatusRoutes(sandbox.status, () =>
          defaultPython({ sandboxed: sandbox.status.isolated }).then(pythonStatusOf),
        ),
      ],
      onFunctionDeleted: (functionName) => {
        queue.deleteFunction(functionName);
        recorder.deleteFunction(functionName);
      },
      startGateways: gateways.startGateways(pool, recorder, logs, queue),
      // Every process retires the instances of revisions no longer current, not only the one next serving them.
      afterConfigWrite: () => {
        pool.retireStale(isCurrentIn(store));
        return gateways.afterConfigWrite?.() ?? Promise.resolve();
      },
    });
  } catch (error) {
    await recorder.close();
    await pool.close();
    throw error;
  }
  queue.start();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await Promise.race([queue.stop(), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())]);
      await pool.close();
      await engine.close();
      await recorder.close();
    })());
  return {
    ...engine,
    pool,
    sandbox: sandbox.status,
    // The processes serving now: one that died is replaced by another.
    get gatewayPids() {
      return gateways.pids();
    },
    close,
  };
}

/** Said once, at start-up: what a function could reach on this machine. */
function warnIfNotIsolated(status: SandboxStatus, config: EngineConfig, warn: (line: string) => void): void {
  if (status.isolated) return;
  warn(`Warning: ${NOT_ISOLATED_WARNING} (${status.reason}).`);
  if (config.credentialOverrides.accessKeySecret !== undefined) {
    warn(
      "Warning: FC_ENGINE_ACCESS_KEY_SECRET is in the engine's environment, which a function can read when it is not isolated: keep the key in credentials.json instead.",
    );
  }
}
