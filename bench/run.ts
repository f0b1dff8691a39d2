// `npm run bench`: the DESIGN.md budgets, each measured beside its baseline in one run so that
// the load of a shared machine weighs on both sides alike. A benchmark, not a test: it asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESPONSE_BODY, startBenchEngine, type BenchEngine } from './bench-engine';
import { measureInitialJs } from './bundle-size';
import { measureColdStart } from './cold-start';
import { measureLighthouse } from './lighthouse';
import { startBareServer, timedRequest } from './http-probe';
import { startLoadClient, type LoadClient } from './load-client';
import type { LoadSpec } from './load-generator';
import { BUDGETS, formatReport, type BenchReport, type Outcome, type WarmRow } from './report';
import { round } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = 2;
const COLD_RUNS = 10;
const ASYNC_CONNECTIONS = 10;
/** `npm run bench -- --web-only`: the console's first download and Lighthouse, without the engine's load. */
const WEB_ONLY = process.argv.includes('--web-only');

async function attempt<T>(label: string, run: () => Promise<T>): Promise<Outcome<T>> {
  process.stderr.write(`bench: ${label}...\n`);
  try {
    return await run();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

type Target = { port: number; host?: string };

async function sideBySide(
  load: LoadClient,
  gateway: Target,
  baseline: Target,
  spec: Omit<LoadSpec, 'url' | 'headers' | 'durationSeconds'> & {
    headers?: Record<string, string>;
  },
) {
  const specFor = (t: Target, durationSeconds: number): LoadSpec => ({
    ...spec,
    url: `http://127.0.0.1:${t.port}/`,
    headers: { ...spec.headers, ...(t.host ? { host: t.host } : {}) },
    durationSeconds,
  });
  // The baseline first: async load leaves a backlog the queue runs on afterwards, which would
  // weigh on a baseline measured after it.
  await load.run(specFor(baseline, WARMUP));
  const baselineResult = await load.run(specFor(baseline, DURATION));
  await load.run(specFor(gateway, WARMUP));
  const gatewayResult = await load.run(specFor(gateway, DURATION));
  return { gateway: gatewayResult, baseline: baselineResult };
}

async function engineMeasures(bench: BenchEngine, load: LoadClient, bare: Target) {
  const host = await bench.deploy('bench_warm');
  const probe = await timedRequest(bench.engine.port, host);
  const notServing =
    (probe.status !== 200 || probe.body !== RESPONSE_BODY) && `the trigger answered ${probe.status} ${probe.body}`;

  const warm = await attempt('warm HTTP trigger vs bare http server', async () => {
    if (notServing) throw new Error(notServing);
    const rows: WarmRow[] = [];
    for (const connections of [1, 10]) {
      const pair = await sideBySide(load, { port: bench.engine.port, host }, bare, {
        method: 'GET',
        connections,
        expectStatus: 200,
      });
      rows.push({
        connections,
        ...pair,
        addedP50Ms: round(pair.gateway.p50Ms - pair.baseline.p50Ms, 3),
      });
    }
    return rows;
  });
  const coldStart = await attempt(`cold start x${COLD_RUNS}, sandboxed vs not vs node -e 0`, async () => {
    if (notServing) throw new Error(notServing);
    const unsandboxed = await startBenchEngine('off');
    try {
      return await measureColdStart(
        { bench, functionName: 'bench_cold', host: await bench.deploy('bench_cold') },
        { bench: unsandboxed, functionName: 'bench_cold', host: await unsandboxed.deploy('bench_cold') },
        COLD_RUNS,
      );
    } finally {
      await unsandboxed.close();
    }
  });
  const asyncResult = await attempt('async invocations accepted per second', async () => {
    if (notServing) throw new Error(notServing);
    const pair = await sideBySide(load, { port: bench.engine.port, host }, bare, {
      method: 'POST',
      headers: {
        'x-fc-invocation-type': 'Async',
        'content-type': 'application/json',
      },
      body: '{"from":"bench"}',
      connections: ASYNC_CONNECTIONS,
      expectStatus: 202,
    });
    return { connections: ASYNC_CONNECTIONS, ...pair };
  });
  return { warm, coldStart, async: asyncResult };
}

async function main() {
  const cpus = os.cpus();
  // First, alone: a build would weigh on the latency figures.
  const initialJs = await attempt('initial JavaScript of the console', async () => measureInitialJs(ROOT));
  // Also before the engine's load: Lighthouse's simulated phone is scored on this machine's CPU.
  const lighthouse = await attempt('Lighthouse, the Functions page, mobile and desktop', () => measureLighthouse(ROOT));

  let measures: Awaited<ReturnType<typeof engineMeasures>> | undefined;
  if (!WEB_ONLY) {
    const bench = await startBenchEngine();
    const bare = await startBareServer();
    const load = startLoadClient();
    try {
      measures = await engineMeasures(bench, load, { port: bare.port });
    } finally {
      load.close();
      await bare.close();
      await bench.close();
    }
  }

  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      loadAverage: os.loadavg().map((l) => round(l)),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    settings: {
      durationSeconds: DURATION,
      warmupSeconds: WARMUP,
      coldStartRuns: COLD_RUNS,
    },
    budgets: BUDGETS,
    ...measures,
    initialJs,
    lighthouse,
  };
  process.stdout.write(formatReport(report));
  // A partial run keeps the full run's figures on record.
  if (WEB_ONLY) return;
  const out = path.join(ROOT, 'bench/results/latest.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nFigures written to ${path.relative(process.cwd(), out)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
