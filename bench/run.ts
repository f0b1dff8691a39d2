// `npm run bench`: the DESIGN.md budgets, each measured beside its baseline in one run so that
// the load of a shared machine weighs on both sides alike. A benchmark, not a test: it asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESPONSE_BODY, startBenchEngine, type BenchEngine } from './bench-engine';
import { measureInitialJs } from './bundle-size';
import { measureColdStart } from './cold-start';
import { asyncMeasure, proxyMeasure, recordingMeasure } from './gateway-measures';
import { measureLighthouse } from './lighthouse';
import { startBareServer, timedRequest } from './http-probe';
import { startLoadClient, type LoadClient } from './load-client';
import { BUDGETS, formatReport, type BenchReport, type WarmRow } from './report';
import { parseSections, SECTIONS, type Section } from './run-options';
import { attempt, DURATION, sideBySide, WARMUP, type Target } from './side-by-side';
import { round } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COLD_RUNS = 10;

const skip = <T>(sections: Set<Section>, section: Section, run: () => Promise<T>) =>
  sections.has(section) ? run() : Promise.resolve(undefined);

async function engineMeasures(bench: BenchEngine, load: LoadClient, bare: Target, sections: Set<Section>) {
  const host = await bench.deploy('bench_warm');
  const probe = await timedRequest(bench.engine.port, host);
  const notServing =
    (probe.status !== 200 || probe.body !== RESPONSE_BODY) && `the trigger answered ${probe.status} ${probe.body}`;
  const serving = <T>(section: Section, label: string, run: () => Promise<T>) =>
    skip(sections, section, () =>
      attempt(label, () => {
        if (notServing) throw new Error(notServing);
        return run();
      }),
    );
  const engine = { port: bench.engine.port, host };

  const warm = await serving('warm', 'warm HTTP trigger vs bare http server', async () => {
    const rows: WarmRow[] = [];
    for (const connections of [1, 10]) {
      const pair = await sideBySide(load, engine, bare, { method: 'GET', connections, expectStatus: 200 });
      rows.push({ connections, ...pair, addedP50Ms: round(pair.gateway.p50Ms - pair.baseline.p50Ms, 3) });
    }
    return rows;
  });
  const proxy = await serving('proxy', 'warm HTTP trigger vs a node:http proxy to another process', () =>
    proxyMeasure(load, bench, engine),
  );
  const recording = await serving('recording', 'warm HTTP trigger, recording on vs off', () =>
    recordingMeasure(load, engine),
  );
  const coldStart = await serving('cold', `cold start x${COLD_RUNS}, sandboxed vs not vs node -e 0`, async () => {
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
  // Last: each async run leaves a backlog its engine's queue runs on.
  const asyncResult = await serving('async', 'durable async invocations accepted per second', () =>
    asyncMeasure(load, bare),
  );
  return { warm, proxy, recording, coldStart, async: asyncResult };
}

async function main() {
  const sections = parseSections(process.argv.slice(2));
  const cpus = os.cpus();
  // First, alone: a build would weigh on the latency figures.
  const initialJs = await skip(sections, 'web', () =>
    attempt('initial JavaScript of the console', async () => measureInitialJs(ROOT)),
  );
  // Also before the engine's load: Lighthouse's simulated phone is scored on this machine's CPU.
  const lighthouse = await skip(sections, 'web', () =>
    attempt('Lighthouse, the Functions page, mobile and desktop', () => measureLighthouse(ROOT)),
  );

  const bench = await startBenchEngine();
  const bare = await startBareServer();
  const load = startLoadClient();
  let measures: Awaited<ReturnType<typeof engineMeasures>>;
  // Counted while they serve: a closed engine has none left.
  const gateways = bench.engine.gatewayPids.length + 1;
  try {
    measures = await engineMeasures(bench, load, { port: bare.port }, sections);
  } finally {
    load.close();
    await bare.close();
    await bench.close();
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
      sections: [...sections],
      gateways,
    },
    budgets: BUDGETS,
    ...measures,
    initialJs,
    lighthouse,
  };
  process.stdout.write(formatReport(report));
  // A run of some sections (--only) leaves the last full run's figures alone.
  const out = path.join(ROOT, `bench/results/${sections.size === SECTIONS.length ? 'latest' : 'partial'}.json`);
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
