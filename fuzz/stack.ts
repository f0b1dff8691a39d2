import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCAL_DEFAULTS } from '../src/contract/local-defaults';
import { freePort } from '../src/contract/testing/free-port';

/**
 * The engine and the console as two `fc-console` processes (`--engine-only`, `--console-only`),
 * so that each one's crash and memory are seen apart. Free loopback ports, a fresh data dir.
 */
export type StackProcess = {
  name: 'engine' | 'console';
  pid: number;
  /** Set once the process has exited: its code or signal. */
  exit?: string;
  /** The last lines it printed. */
  tail(): string[];
  /** Lines that report an unexpected error (`failed`, `unexpected error`, a stack trace). */
  errorLines(): string[];
};

export type FuzzStack = {
  dataDir: string;
  enginePort: number;
  consolePort: number;
  region: string;
  engine: StackProcess;
  console: StackProcess;
  /** Start a process again after it exited (same ports, same data dir). */
  restart(name: StackProcess['name']): Promise<void>;
  stop(): Promise<void>;
};

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REGION = LOCAL_DEFAULTS.region;
const KEPT_LINES = 200;
const ERROR_LINE = /failed|unexpected error|Error:|\bat .+:\d+:\d+\)?$/;

type Started = StackProcess & { child: ChildProcess };

function launch(name: StackProcess['name'], args: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const errors: string[] = [];
  const started: Started = {
    name,
    pid: child.pid ?? 0,
    child,
    tail: () => lines.slice(),
    errorLines: () => errors.slice(),
  };
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      lines.push(line);
      if (lines.length > KEPT_LINES) lines.shift();
      if (ERROR_LINE.test(line) && errors.length < KEPT_LINES) errors.push(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  child.on('exit', (code, signal) => (started.exit = signal ? `signal ${signal}` : `exit code ${code}`));
  return started;
}

async function waitUntil(proc: Started, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (proc.exit) throw new Error(`the ${proc.name} exited at start (${proc.exit}):\n${proc.tail().join('\n')}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`the ${proc.name} did not answer at ${url}:\n${proc.tail().join('\n')}`);
}

function stopProcess(proc: Started): Promise<void> {
  if (proc.exit) return Promise.resolve();
  return new Promise((resolve) => {
    proc.child.once('exit', () => resolve());
    proc.child.kill('SIGTERM');
    setTimeout(() => proc.child.kill('SIGKILL'), 5_000).unref();
  });
}

export async function startFuzzStack(): Promise<FuzzStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fc-console-fuzz-'));
  const [enginePort, consolePort] = [await freePort(), await freePort()];
  // The user's own FC_* settings (a cloud region, other keys) must not reach the stack under test.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('FC_')));
  Object.assign(env, {
    FC_CONSOLE_DATA: dataDir,
    FC_CONSOLE_HOST: '127.0.0.1',
    FC_CONSOLE_PORT: String(consolePort),
    FC_ENGINE_HOST: '127.0.0.1',
    FC_ENGINE_PORT: String(enginePort),
    FC_ENGINE_REGION: REGION,
  });
  const specs = {
    engine: { args: ['--engine-only'], url: `http://127.0.0.1:${enginePort}/` },
    console: { args: ['--console-only'], url: `http://127.0.0.1:${consolePort}/api/settings` },
  };
  const running: Partial<Record<StackProcess['name'], Started>> = {};
  const start = async (name: StackProcess['name']) => {
    running[name] = launch(name, specs[name].args, env);
    await waitUntil(running[name], specs[name].url);
  };
  const stop = async () => {
    await Promise.all(Object.values(running).map(stopProcess));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await start('engine');
    await start('console');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    dataDir,
    enginePort,
    consolePort,
    region: REGION,
    get engine() {
      return running.engine!;
    },
    get console() {
      return running.console!;
    },
    restart: start,
    stop,
  };
}

/** Resident and peak memory of a process, from /proc (Linux); undefined elsewhere or once it exited. */
export function memoryOf(pid: number): { rssKb: number; peakKb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const rssKb = field('VmRSS');
    return Number.isNaN(rssKb) ? undefined : { rssKb, peakKb: field('VmHWM') };
  } catch {
    return undefined;
  }
}
