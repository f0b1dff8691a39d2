import type { EngineConfig } from './config';
import { loadCredentials } from './credentials';
import { startEngine, type RunningEngine } from './server';

/**
 * The engine as `npm start` runs it: the OpenAPI, the trigger gateway, the runtime and the async
 * queue on one port, configured from the parsed environment.
 */
export async function startLocalEngine(config: EngineConfig): Promise<RunningEngine> {
  return startEngine({
    dataDir: config.dataDir,
    host: config.host,
    port: config.port,
    region: config.region,
    credentials: loadCredentials(config.dataDir, config.credentialOverrides),
  });
}
