// Not part of `npm run bench`: one load on the engine alone, to profile the gateway (sync) or the
// durable async intake (async):
//   [CPU_PROFILE=out.cpuprofile] node --import tsx bench/profile-engine.ts sync|web|async [connections]
// (web: the like-for-like row's web function, one instance serving all connections, as the proxy baseline's upstream)
// (CPU_PROFILE: the engine's main thread profiled during the measured load only, not start-up or drain)
// Prints the load's figures, the engine's event loop (delay, utilization) and CPU per request
// during it (engine loop, whole process, instances); for async, the tasks run during the load and
// how long the backlog then took to drain. The recording's variables (FC_ENGINE_RECORDED_REQUESTS=0:
// recording off) are passed to the engine.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { RECORDING_ENV } from '../src/contract/recorded-request';
import { DATABASE_FILE } from '../src/engine/store/database';
import { startBenchEngine } from './bench-engine';
import { startLoadClient } from './load-client';
import { cpuPerRequest, processCpu } from './process-cpu';
import { round } from './stats';

const MODES = ['sync', 'web', 'async'] as const;
const mode = MODES.find((name) => name === process.argv[2]) ?? 'sync';
const connections = Number(process.argv[3] ?? 10);
const asAsync = { 'x-fc-invocation-type': 'Async', 'content-type': 'application/json' };
const DRAIN_LIMIT_MS = 120_000;
const recordingEnv = Object.fromEntries(
  Object.values(RECORDING_ENV).flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]!]])),
);
const bench = await startBenchEngine('auto', recordingEnv);
const load = startLoadClient();
const delay = monitorEventLoopDelay({ resolution: 5 });
const tasks = new Database(path.join(bench.dataDir, DATABASE_FILE), { readonly: true });
const unfinished = tasks
  .prepare(`SELECT count(*) FROM async_tasks WHERE status IN ('Enqueued', 'Retrying', 'Dequeued', 'Running')`)
  .pluck();
const finished = tasks.prepare(`SELECT count(*) FROM async_tasks WHERE status = 'Succeeded'`).pluck();
try {
  const host = await bench.deploy(
    'bench_profile',
    mode === 'web' ? { kind: 'web', instanceConcurrency: connections } : undefined,
  );
  const spec = (durationSeconds: number) => ({
    url: `http://127.0.0.1:${bench.engine.port}/`,
    method: mode === 'async' ? ('POST' as const) : ('GET' as const),
    headers: { host, ...(mode === 'async' ? asAsync : {}) },
    body: mode === 'async' ? '{"from":"bench"}' : undefined,
    connections,
    durationSeconds,
    expectStatus: mode === 'async' ? 202 : 200,
  });
  // The instances' cold starts are not what is profiled, and a descendant's CPU is counted only if it
  // is up before: the measured load meets them warm.
  await load.run(spec(2));
  process.stderr.write(`profile: measuring (pid ${process.pid})\n`);
  const before = performance.eventLoopUtilization();
  const cpuBefore = processCpu();
  const doneBefore = finished.get() as number;
  const profiler = process.env.CPU_PROFILE ? new Session() : undefined;
  profiler?.connect();
  await profiler?.post('Profiler.enable');
  await profiler?.post('Profiler.start');
  delay.enable();
  const result = await load.run(spec(Number(process.env.BENCH_DURATION ?? 8)));
  delay.disable();
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    fs.writeFileSync(process.env.CPU_PROFILE!, JSON.stringify(profile));
    profiler.disconnect();
  }
  const cpuMs = cpuPerRequest(cpuBefore, processCpu(), result.requests);
  const loop = {
    delayP50Ms: round(delay.percentile(50) / 1e6),
    delayP99Ms: round(delay.percentile(99) / 1e6),
    delayMaxMs: round(delay.max / 1e6),
    utilization: round(performance.eventLoopUtilization(before).utilization),
  };
  // CPU ms per answered request: less swayed by a loaded machine than rates.
  const cpu = cpuMs && {
    loop: round(cpuMs.loop ?? NaN, 3),
    self: round(cpuMs.self, 3),
    children: round(cpuMs.children, 3),
  };
  let queue;
  if (mode === 'async') {
    const ranDuringLoad = (finished.get() as number) - doneBefore;
    const backlog = unfinished.get() as number;
    const start = performance.now();
    while ((unfinished.get() as number) > 0 && performance.now() - start < DRAIN_LIMIT_MS)
      await new Promise((resolve) => setTimeout(resolve, 50));
    queue = { ranDuringLoad, backlogAfterLoad: backlog, drainMs: round(performance.now() - start, 0) };
  }
  process.stdout.write(`${JSON.stringify({ mode, connections, ...result, loop, cpu, queue })}\n`);
} finally {
  tasks.close();
  load.close();
  await bench.close();
}
process.exit(0);
