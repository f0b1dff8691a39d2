import { RECORDING_ENV } from '../src/contract/recorded-request';
import { startBenchEngine, type BenchEngine } from './bench-engine';
import type { LoadClient } from './load-client';
import { startProxyBaseline } from './proxy-baseline';
import { DURATION, measure, measureWithCpu, WARMUP, type LoadShape, type Target } from './side-by-side';
import { round } from './stats';

const GET: Omit<LoadShape, 'connections'> = { method: 'GET', expectStatus: 200 };
export const ASYNC_CONNECTIONS = [10, 50];
export const PROXY_CONNECTIONS = 10;

/**
 * The engine against a node:http reverse proxy in front of a bare server in another process, with
 * each side's CPU time per request. The target's row is the event function as FC runs it, one
 * request per instance: ten connections keep ten instance processes busy where the proxy has one
 * upstream. The like-for-like row is a web function whose one instance serves all ten
 * (instanceConcurrency 10), as the proxy's upstream does.
 */
export async function proxyMeasure(load: LoadClient, bench: BenchEngine, engine: Target) {
  const web = {
    port: bench.engine.port,
    host: await bench.deploy('bench_web', { kind: 'web', instanceConcurrency: 10 }),
  };
  const proxy = await startProxyBaseline();
  try {
    const shape = { ...GET, connections: PROXY_CONNECTIONS };
    const baseline = await measureWithCpu(load, { port: proxy.port }, shape);
    const event = await measureWithCpu(load, engine, shape);
    const oneInstance = await measureWithCpu(load, web, shape);
    return {
      connections: PROXY_CONNECTIONS,
      engine: event,
      proxy: baseline,
      ratio: round(event.perSecond / baseline.perSecond, 2),
      oneInstance: { engine: oneInstance, ratio: round(oneInstance.perSecond / baseline.perSecond, 2) },
    };
  } finally {
    await proxy.close();
  }
}

/** Rounds of the one-connection comparison; the median round's difference is the figure. */
const RECORDING_ROUNDS = 5;

/**
 * On and off in alternating short rounds, after a warm-up of each: a change of the machine's load
 * (other processes) then weighs on both sides alike instead of on whichever ran second.
 */
async function alternate(load: LoadClient, on: Target, off: Target, shape: LoadShape) {
  const spec = (target: Target, durationSeconds: number) => ({
    ...shape,
    url: `http://127.0.0.1:${target.port}/`,
    headers: { ...shape.headers, ...(target.host ? { host: target.host } : {}) },
    durationSeconds,
  });
  const seconds = Math.max(1, Math.round(DURATION / 2));
  await load.run(spec(on, WARMUP));
  await load.run(spec(off, WARMUP));
  const rounds = [];
  for (let i = 0; i < RECORDING_ROUNDS; i++)
    rounds.push({ on: await load.run(spec(on, seconds)), off: await load.run(spec(off, seconds)) });
  rounds.sort((a, b) => a.on.p50Ms - a.off.p50Ms - (b.on.p50Ms - b.off.p50Ms));
  return {
    median: rounds[Math.floor(rounds.length / 2)]!,
    differences: rounds.map((r) => round(r.on.p50Ms - r.off.p50Ms, 3)),
  };
}

/**
 * The same warm trigger on an engine recording every request and on one started with recording
 * off: latency at one connection (alternating rounds, the median difference), throughput at ten.
 */
export async function recordingMeasure(load: LoadClient, on: Target) {
  const unrecorded = await startBenchEngine('auto', { [RECORDING_ENV.perFunction]: '0' });
  try {
    const off = { port: unrecorded.engine.port, host: await unrecorded.deploy('bench_warm') };
    const one = await alternate(load, on, off, { ...GET, connections: 1 });
    // With CPU: the process's (its recording thread included) and its event loop's alone.
    const ten = {
      baseline: await measureWithCpu(load, off, { ...GET, connections: 10 }),
      gateway: await measureWithCpu(load, on, { ...GET, connections: 10 }),
    };
    return {
      oneConnection: one.median,
      tenConnections: { on: ten.gateway, off: ten.baseline },
      p50DifferenceMs: round(one.median.on.p50Ms - one.median.off.p50Ms, 3),
      roundDifferencesMs: one.differences,
    };
  } finally {
    await unrecorded.close();
  }
}

/**
 * Durable async accepts (each 202 after its group is committed) on an engine of their own, closed
 * after: the backlog its queue then runs would weigh on whatever is measured next.
 */
export async function asyncMeasure(load: LoadClient, bare: Target) {
  const rows = [];
  for (const connections of ASYNC_CONNECTIONS) {
    const bench: BenchEngine = await startBenchEngine();
    try {
      const engine = { port: bench.engine.port, host: await bench.deploy('bench_async') };
      const shape: LoadShape = {
        method: 'POST',
        headers: { 'x-fc-invocation-type': 'Async', 'content-type': 'application/json' },
        body: '{"from":"bench"}',
        connections,
        expectStatus: 202,
      };
      const baseline = await measure(load, bare, shape);
      rows.push({ connections, gateway: await measure(load, engine, shape), baseline });
    } finally {
      await bench.close();
    }
  }
  return rows;
}
