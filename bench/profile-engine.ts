// Not part of `npm run bench`: one load on the engine alone, to profile the gateway (sync) or the
// durable async intake (async):
//   node --cpu-prof --import tsx bench/profile-engine.ts sync|async [connections]
// Prints the load's figures and the engine's event loop (delay, utilization) during it.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startBenchEngine } from './bench-engine';
import { startLoadClient } from './load-client';
import { round } from './stats';

const mode = process.argv[2] === 'async' ? 'async' : 'sync';
const connections = Number(process.argv[3] ?? 10);
const asAsync = { 'x-fc-invocation-type': 'Async', 'content-type': 'application/json' };
const bench = await startBenchEngine();
const load = startLoadClient();
const delay = monitorEventLoopDelay({ resolution: 5 });
try {
  const host = await bench.deploy('bench_profile');
  const spec = {
    url: `http://127.0.0.1:${bench.engine.port}/`,
    method: mode === 'async' ? ('POST' as const) : ('GET' as const),
    headers: { host, ...(mode === 'async' ? asAsync : {}) },
    body: mode === 'async' ? '{"from":"bench"}' : undefined,
    connections,
    expectStatus: mode === 'async' ? 202 : 200,
  };
  // The instances' cold starts are not what is profiled: the measured load meets them warm.
  await load.run({ ...spec, durationSeconds: 2 });
  process.stderr.write(`profile: measuring (pid ${process.pid})\n`);
  const before = performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  delay.enable();
  const result = await load.run({ ...spec, durationSeconds: Number(process.env.BENCH_DURATION ?? 8) });
  delay.disable();
  const cpu = process.cpuUsage(cpuBefore);
  const loop = {
    // The engine process's CPU (all its threads) per answered request: less swayed by a loaded machine than rates.
    cpuMsPerRequest: round((cpu.user + cpu.system) / 1000 / Math.max(1, result.requests), 3),
    delayP50Ms: round(delay.percentile(50) / 1e6),
    delayP99Ms: round(delay.percentile(99) / 1e6),
    delayMaxMs: round(delay.max / 1e6),
    utilization: round(performance.eventLoopUtilization(before).utilization),
  };
  process.stdout.write(`${JSON.stringify({ mode, connections, ...result, loop })}\n`);
} finally {
  load.close();
  await bench.close();
}
process.exit(0);
