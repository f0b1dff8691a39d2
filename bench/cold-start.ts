import { spawn } from 'node:child_process';
import type { BenchEngine } from './bench-engine';
import { timedRequest } from './http-probe';
import { round, spread, type Spread } from './stats';

export type ColdStartResult = {
  runs: number;
  gatewayMs: Spread;
  samplesMs: number[];
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

/** Deploys new code `runs` times; each time, the first request's latency through the trigger. */
export async function measureColdStart(
  bench: BenchEngine,
  functionName: string,
  host: string,
  runs: number,
): Promise<ColdStartResult> {
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let i = 1; i <= runs; i++) {
    await bench.updateCode(functionName, `cold-${i}-${Date.now()}`);
    const answer = await timedRequest(bench.engine.port, host);
    if (answer.status !== 200) throw new Error(`cold start ${i}: the trigger answered ${answer.status} ${answer.body}`);
    samples.push(round(answer.ms, 1));
    // Interleaved, so both sides see the same machine load.
    baseline.push(round(await nodeStartMs(), 1));
  }
  return {
    runs,
    gatewayMs: spread(samples),
    samplesMs: samples,
    nodeStartMs: spread(baseline),
  };
}
