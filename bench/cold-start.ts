import { spawn } from 'node:child_process';
import type { BenchEngine } from './bench-engine';
import { timedRequest } from './http-probe';
import { round, spread, type Spread } from './stats';

export type ColdStartResult = {
  runs: number;
  /** How the measured engine isolates functions: `bubblewrap`, or `none` where it cannot. */
  sandbox: string;
  gatewayMs: Spread;
  samplesMs: number[];
  /** The same cold start on an engine with FC_ENGINE_SANDBOX=off. */
  unsandboxedMs: Spread;
  /** Median sandboxed over median unsandboxed, in percent (the budget is 20). */
  sandboxAddedPercent: number;
  nodeStartMs: Spread;
};

/** `node -e 0`, spawn to exit: the floor any new Node.js process pays on this machine. */
function nodeStartMs(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
  });
}

type ColdTarget = { bench: BenchEngine; functionName: string; host: string };

async function coldStartMs(target: ColdTarget, revision: string): Promise<number> {
  await target.bench.updateCode(target.functionName, revision);
  const answer = await timedRequest(target.bench.engine.port, target.host);
  if (answer.status !== 200)
    throw new Error(`cold start ${revision}: the trigger answered ${answer.status} ${answer.body}`);
  return round(answer.ms, 1);
}

/**
 * Deploys new code `runs` times on each engine; each time, the first request's latency through the
 * trigger: the sandboxed engine, the unsandboxed one and `node -e 0`, interleaved so all three see
 * the same machine load.
 */
export async function measureColdStart(
  sandboxed: ColdTarget,
  unsandboxed: ColdTarget,
  runs: number,
): Promise<ColdStartResult> {
  const samples: number[] = [];
  const bare: number[] = [];
  const baseline: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const revision = `cold-${i}-${Date.now()}`;
    samples.push(await coldStartMs(sandboxed, revision));
    bare.push(await coldStartMs(unsandboxed, revision));
    baseline.push(round(await nodeStartMs(), 1));
  }
  const gatewayMs = spread(samples);
  const unsandboxedMs = spread(bare);
  const status = sandboxed.bench.engine.sandbox;
  return {
    runs,
    sandbox: status.isolated ? status.tool : 'none',
    gatewayMs,
    samplesMs: samples,
    unsandboxedMs,
    sandboxAddedPercent: round((gatewayMs.median / unsandboxedMs.median - 1) * 100, 1),
    nodeStartMs: spread(baseline),
  };
}
