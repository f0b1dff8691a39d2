import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { freePort } from '../src/contract/testing/free-port';
import { percentile } from './stats';

/** One form factor's figures, each the median over the runs (Lighthouse's simulated timings, in ms). */
export type LighthouseScores = {
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Every run's performance score, to show the spread on a loaded machine. */
  performanceRuns: number[];
};
export type LighthouseResult = {
  url: string;
  runs: number;
  desktop: LighthouseScores;
  mobile: LighthouseScores;
  /** The machine's 1-minute load average after each form factor's runs: above its core count, TBT is inflated. */
  loadAverage?: { mobile: number; desktop: number };
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
/** Where each run's full report (JSON) goes when set: what to read when a score drops. */
const REPORT_DIR = process.env.BENCH_LIGHTHOUSE_REPORTS;

/** `npm start` on free ports and a fresh data dir: the Functions page as a first visit meets it (built dist/web). */
async function startConsole(root: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fc-console-lighthouse-'));
  const [consolePort, enginePort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${consolePort}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli.ts')], {
    cwd: root,
    env: {
      ...process.env,
      FC_CONSOLE_DATA: dataDir,
      FC_CONSOLE_PORT: String(consolePort),
      FC_ENGINE_PORT: String(enginePort),
    },
    stdio: 'ignore',
  });
  const stop = async () => {
    if (child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${url}/api/settings`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error('the console did not start');
}

const score = (value: number | null | undefined) => Math.round((value ?? 0) * 100);
const median = (values: number[]) => percentile([...values], 50);

type Run = Omit<LighthouseScores, 'performanceRuns'>;

function medianOf(runs: Run[]): LighthouseScores {
  const of = (key: keyof Run) => median(runs.map((r) => r[key]));
  return {
    performance: of('performance'),
    accessibility: of('accessibility'),
    fcpMs: Math.round(of('fcpMs')),
    lcpMs: Math.round(of('lcpMs')),
    tbtMs: Math.round(of('tbtMs')),
    cls: Math.round(of('cls') * 1000) / 1000,
    performanceRuns: runs.map((r) => r.performance),
  };
}

/**
 * Lighthouse's performance and accessibility scores of the Functions page, mobile (its default:
 * a throttled phone) and desktop, in headless Chromium, each the median of several runs (a shared
 * machine's load moves single scores). Scores, never a time asserted anywhere.
 */
export async function measureLighthouse(root: string): Promise<LighthouseResult> {
  const console = await startConsole(root);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const url = `${console.url}/functions`;
    const run = async (name: string, config?: typeof desktopConfig): Promise<Run> => {
      const flags = { port: chrome.port, logLevel: 'error' as const, onlyCategories: ['performance', 'accessibility'] };
      const result = await lighthouse(url, flags, config);
      if (!result) throw new Error('lighthouse returned no result');
      if (REPORT_DIR) {
        mkdirSync(REPORT_DIR, { recursive: true });
        writeFileSync(path.join(REPORT_DIR, `${name}.json`), JSON.stringify(result.lhr));
      }
      const { categories, audits } = result.lhr;
      const metric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
      return {
        performance: score(categories.performance?.score),
        accessibility: score(categories.accessibility?.score),
        fcpMs: metric('first-contentful-paint'),
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
      };
    };
    const repeat = async (name: string, config?: typeof desktopConfig) => {
      const runs: Run[] = [];
      for (let i = 1; i <= RUNS; i++) runs.push(await run(`${name}-${i}`, config));
      return medianOf(runs);
    };
    const load = () => Math.round((loadavg()[0] ?? 0) * 10) / 10;
    const mobile = await repeat('mobile');
    const mobileLoad = load();
    const desktop = await repeat('desktop', desktopConfig);
    return { url: '/functions', runs: RUNS, mobile, desktop, loadAverage: { mobile: mobileLoad, desktop: load() } };
  } finally {
    chrome.kill();
    await console.stop();
  }
}
