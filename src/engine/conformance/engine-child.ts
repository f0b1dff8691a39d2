import { loadEngineConfig } from '../config';
import { startLocalEngine } from '../local-engine';

/**
 * A real engine process on a given data dir, port 0, configured from its environment like
 * `npm start` (so a test may hand it FC_ENGINE_ACCESS_KEY_SECRET). It prints its port once it
 * listens, then serves until it is killed.
 */
const [dataDir] = process.argv.slice(2);
const config = loadEngineConfig({ ...process.env, FC_CONSOLE_DATA: dataDir, FC_ENGINE_PORT: '0' });
const engine = await startLocalEngine({ ...config, host: '127.0.0.1' }, { asyncPollMs: 50, warn: () => {} });
process.stdout.write(`${JSON.stringify({ port: engine.port })}\n`);
