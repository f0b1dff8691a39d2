// Not part of `npm run bench`: the async intake alone, to profile it:
//   node --cpu-prof --import tsx bench/profile-async.ts [connections]
// Prints the load's figures and the engine's event loop (delay, utilization) during it.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startBenchEngine } from './bench-engine';
import { startLoadClient } from './load-client';
import { round } from './stats';

const connections = Number(process.argv[2] ?? 50);
const bench = await startBenchEngine();
const load = startLoadClient();
const delay = monitorEventLoopDelay({ resolution: 5 });
try {
  const host = await bench.deploy('bench_async');
  const before = performance.eventLoopUtilization();
  delay.enable();
  const result = await load.run({
    url: `http://127.0.0.1:${bench.engine.port}/`,
    method: 'POST',
    headers: { host, 'x-fc-invocation-type': 'Async', 'content-type': 'application/json' },
    body: '{"from":"bench"}',
    connections,
    durationSeconds: Number(process.env.BENCH_DURATION ?? 8),
    expectStatus: 202,
  });
  delay.disable();
  const loop = {
    delayP50Ms: round(delay.percentile(50) / 1e6),
    delayP99Ms: round(delay.percentile(99) / 1e6),
    delayMaxMs: round(delay.max / 1e6),
    utilization: round(performance.eventLoopUtilization(before).utilization),
  };
  process.stdout.write(`${JSON.stringify({ connections, ...result, loop })}\n`);
} finally {
  load.close();
  await bench.close();
}
process.exit(0);
