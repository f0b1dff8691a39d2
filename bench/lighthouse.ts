import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { freePort } from '../src/contract/testing/free-port';

export type LighthouseScores = { performance: number; accessibility: number };
export type LighthouseResult = { url: string; desktop: LighthouseScores; mobile: LighthouseScores };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

/**
 * Lighthouse's performance and accessibility scores of the Functions page, mobile (its default:
 * a throttled phone) and desktop, in headless Chromium. Scores, never a time asserted anywhere.
 */
export async function measureLighthouse(root: string): Promise<LighthouseResult> {
  const console = await startConsole(root);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const url = `${console.url}/functions`;
    const run = async (config?: typeof desktopConfig): Promise<LighthouseScores> => {
      const flags = { port: chrome.port, logLevel: 'error' as const, onlyCategories: ['performance', 'accessibility'] };
      const result = await lighthouse(url, flags, config);
      if (!result) throw new Error('lighthouse returned no result');
      const { categories } = result.lhr;
      return {
        performance: score(categories.performance?.score),
        accessibility: score(categories.accessibility?.score),
      };
    };
    return { url: '/functions', mobile: await run(), desktop: await run(desktopConfig) };
  } finally {
    chrome.kill();
    await console.stop();
  }
}
