import { startLocalEngine } from '../local-engine';

/**
 * The kill -9 test's engine: a real engine process on a given data dir, port 0. It prints its
 * port once it listens, then serves until it is killed.
 */
const [dataDir] = process.argv.slice(2);
const engine = await startLocalEngine(
  {
    dataDir: dataDir as string,
    host: '127.0.0.1',
    port: 0,
    region: 'cn-hangzhou',
    credentialOverrides: {},
    sandbox: 'auto',
  },
  { asyncPollMs: 50 },
);
process.stdout.write(`${JSON.stringify({ port: engine.port })}\n`);
