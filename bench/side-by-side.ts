import type { LoadClient } from './load-client';
import type { LoadResult, LoadSpec } from './load-generator';
import { cpuPerRequest, processCpu, type CpuSplit } from './process-cpu';
import type { Outcome } from './report';

export const DURATION = Number(process.env.BENCH_DURATION ?? 5);
export const WARMUP = 2;
/**
 * Before a throughput measured with its CPU (the proxy ratio, recording on and off): long enough for
 * V8 to have optimized the request path in every process of either side. After 2 s an engine with a
 * gateway process (decision 044) was still warming up, each process having seen half the requests:
 * 4 s runs in a row gave 2,911 then 4,914 per second, one process 3,960 then 4,369.
 */
export const THROUGHPUT_WARMUP = Number(process.env.BENCH_THROUGHPUT_WARMUP ?? 6);

/** Runs one measure; a failure is reported in its row rather than ending the bench. */
export async function attempt<T>(label: string, run: () => Promise<T>): Promise<Outcome<T>> {
  process.stderr.write(`bench: ${label}...\n`);
  try {
    return await run();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export type Target = { port: number; host?: string };
export type LoadShape = Omit<LoadSpec, 'url' | 'headers' | 'durationSeconds'> & { headers?: Record<string, string> };

const specOf = (target: Target, shape: LoadShape, durationSeconds: number): LoadSpec => ({
  ...shape,
  url: `http://127.0.0.1:${target.port}/`,
  headers: { ...shape.headers, ...(target.host ? { host: target.host } : {}) },
  durationSeconds,
});

/** A warm-up then a measured run of one target. */
export async function measure(load: LoadClient, target: Target, shape: LoadShape) {
  await load.run(specOf(target, shape, WARMUP));
  return load.run(specOf(target, shape, DURATION));
}

/**
 * measure(), and the CPU time per request the measured run cost this process and the ones it
 * started (not the load generator): on a shared machine, what each side costs, whatever share of
 * the cores the other processes left it.
 */
export async function measureWithCpu(
  load: LoadClient,
  target: Target,
  shape: LoadShape,
): Promise<LoadResult & { cpuMs?: CpuSplit }> {
  await load.run(specOf(target, shape, THROUGHPUT_WARMUP));
  const before = processCpu();
  const result = await load.run(specOf(target, shape, DURATION));
  return { ...result, cpuMs: cpuPerRequest(before, processCpu(), result.requests) };
}

/**
 * The baseline first: async load leaves a backlog the queue runs on afterwards, which would weigh
 * on a baseline measured after it.
 */
export async function sideBySide(load: LoadClient, gateway: Target, baseline: Target, shape: LoadShape) {
  const baselineResult = await measure(load, baseline, shape);
  const gatewayResult = await measure(load, gateway, shape);
  return { gateway: gatewayResult, baseline: baselineResult };
}
