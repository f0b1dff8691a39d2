// Not part of `npm run bench`: how many socket writes (each one a write or writev system call) the
// engine's main thread makes per request to the like-for-like row's web function, a count that a
// loaded machine does not sway as it does CPU time:
//   node --import tsx bench/web-path-writes.ts [connections]
// Both sides of the hop are counted: the client's answer and the request to the function's server.
import net from 'node:net';
import { startBenchEngine } from './bench-engine';
import { startLoadClient } from './load-client';
import { round } from './stats';

type WriteGeneric = (this: net.Socket, ...args: unknown[]) => unknown;

const connections = Number(process.argv[2] ?? 10);
const socket = net.Socket.prototype as unknown as { _writeGeneric: WriteGeneric };
const original = socket._writeGeneric;
let writes = 0;
socket._writeGeneric = function (this: net.Socket, ...args: unknown[]) {
  writes++;
  return original.apply(this, args);
};

const bench = await startBenchEngine('auto');
const load = startLoadClient();
try {
  const host = await bench.deploy('bench_writes', { kind: 'web', instanceConcurrency: connections });
  const spec = (durationSeconds: number) => ({
    url: `http://127.0.0.1:${bench.engine.port}/`,
    method: 'GET' as const,
    headers: { host },
    connections,
    durationSeconds,
    expectStatus: 200,
  });
  await load.run(spec(1));
  writes = 0;
  const result = await load.run(spec(Number(process.env.BENCH_DURATION ?? 3)));
  const perRequest = round(writes / result.requests, 2);
  process.stdout.write(`${JSON.stringify({ connections, requests: result.requests, writes, perRequest })}\n`);
} finally {
  load.close();
  await bench.close();
}
process.exit(0);
