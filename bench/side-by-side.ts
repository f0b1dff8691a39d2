import type { LoadClient } from './load-client';
import type { LoadSpec } from './load-generator';
import type { Outcome } from './report';

export const DURATION = Number(process.env.BENCH_DURATION ?? 5);
export const WARMUP = 2;

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

/** A warm-up then a measured run of one target. */
export async function measure(load: LoadClient, target: Target, shape: LoadShape) {
  const spec = (durationSeconds: number): LoadSpec => ({
    ...shape,
    url: `http://127.0.0.1:${target.port}/`,
    headers: { ...shape.headers, ...(target.host ? { host: target.host } : {}) },
    durationSeconds,
  });
  await load.run(spec(WARMUP));
  return load.run(spec(DURATION));
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
