import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { GatewayProcesses } from '../server';
import { channelOver, type GatewayChannel } from './gateway-channel';
import { CONNECTION_MESSAGE, type GatewayStart } from './gateway-serve';

const EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const ENTRY = new URL(`./gateway-process${EXTENSION}`, import.meta.url);

/** How long a gateway process may take to close before it is killed. */
const EXIT_GRACE_MS = 6000;

export type GatewayProcess = { pid: number; channel: GatewayChannel };

export type StartedGateways = GatewayProcesses & { readonly processes: readonly GatewayProcess[] };

export type GatewayProcessesOptions = {
  /** Gateway processes to fork (the primary serves a share too). */
  count: number;
  start: GatewayStart;
  /** Told of each gateway process once its channel is open, before it serves (the other slices' handlers). */
  onChannel?(gateway: GatewayProcess): void;
  /** Told once a gateway process exited: died while the engine ran (its share goes to the others), or closed. */
  onGone?(gateway: GatewayProcess): void;
  warn(line: string): void;
};

/** Under tsx (dev, tests, `npm start`) the child loads TypeScript through tsx's loader; a build runs the .js. */
function execArgv(): string[] {
  if (EXTENSION === '.js') return [];
  return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

/** The engine's environment without the AccessKey: a gateway process is told it over IPC only. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('FC_ENGINE_ACCESS_KEY')) delete env[name];
  return env;
}

/** How long a gateway process may take to be ready (a tsx start and the store open take a second or two). */
const START_MS = 30_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function forkOne(options: GatewayProcessesOptions): Promise<{ child: ChildProcess; gateway: GatewayProcess }> {
  const child = fork(ENTRY, [], { execArgv: execArgv(), env: childEnv(), serialization: 'json' });
  const died = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) =>
      reject(new Error(`A gateway process exited (${signal ?? code}) before it was ready`)),
    );
    child.once('error', reject);
  });
  // A message to a process that just died fails with an 'error' event: its exit is what counts.
  child.on('error', () => undefined);
  const channel = channelOver(child);
  const gateway = { pid: child.pid ?? 0, channel };
  options.onChannel?.(gateway);
  let timer: NodeJS.Timeout | undefined;
  const tooLong = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it was not ready within ${START_MS / 1000} s`)), START_MS);
  });
  try {
    await Promise.race([channel.request('core.start', options.start), died, tooLong]);
  } catch (error) {
    child.kill('SIGKILL');
    options.onGone?.(gateway);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  died.catch(() => undefined);
  return { child, gateway };
}

/** A gateway process that dies while the engine runs is replaced after this… */
const RESTART_AFTER_MS = 1000;
/** …unless this many were started again within the window: then the others keep its share. */
const RESTARTS_MAX = 3;
const RESTART_WINDOW_MS = 60_000;

type Entry = { child: ChildProcess; gateway: GatewayProcess };

/**
 * The primary's gateway processes (decision 044): forked with the loader this process runs under,
 * started over IPC, then dealt the public port's connections in turn with the primary. One that
 * dies is warned about, dealt no more, and replaced a second later (at most three times a minute,
 * so a process that cannot live does not loop); `close` asks each to close and waits for its exit
 * (then kills it).
 */
export async function startGatewayProcesses(options: GatewayProcessesOptions): Promise<StartedGateways> {
  const started = await Promise.allSettled(Array.from({ length: options.count }, () => forkOne(options)));
  const children = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const failure = started.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    // The engine still serves its port, alone: a machine where a gateway process cannot start (its
    // loader, its store) must not lose the console.
    for (const { child, gateway } of children) {
      child.kill('SIGKILL');
      options.onGone?.(gateway);
    }
    options.warn(
      `[engine] the gateway processes did not start (${reasonOf(failure.reason)}); the engine serves its port alone`,
    );
    return { processes: [], take: () => false, close: async () => {} };
  }
  let closing = false;
  let alive = children.slice();
  const restarts: number[] = [];
  const starting = new Set<Promise<void>>();

  const replace = () => {
    const now = Date.now();
    while (restarts.length && now - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length >= RESTARTS_MAX) return false;
    restarts.push(now);
    // Unref'd: a replacement still waiting does not keep a closed engine's process alive.
    setTimeout(() => {
      if (closing) return;
      const start = forkOne(options).then(
        (entry) => {
          children.push(entry);
          alive.push(entry);
          watch(entry);
        },
        (error: unknown) => {
          const again = replace();
          options.warn(
            `[engine] a new gateway process did not start (${reasonOf(error)})${again ? '; trying again' : ''}`,
          );
        },
      );
      starting.add(start);
      void start.finally(() => starting.delete(start));
    }, RESTART_AFTER_MS).unref();
    return true;
  };
  const watch = (entry: Entry) =>
    entry.child.once('exit', (code, signal) => {
      alive = alive.filter((other) => other !== entry);
      // Closing too: one killed after its grace leaves what it ran (unsandboxed groups) to be stopped.
      options.onGone?.(entry.gateway);
      // Exit code 0: told to close (SIGTERM or SIGHUP to the process group, the engine closing next).
      if (closing || code === 0) return;
      const replaced = replace();
      options.warn(
        `[engine] a gateway process (pid ${entry.gateway.pid}) exited (${signal ?? code}); ${
          replaced
            ? 'another is started in its place'
            : `the others serve its share (${RESTARTS_MAX} were started again this minute)`
        }`,
      );
    });
  children.forEach(watch);

  // Turn 0 is the primary's own; a failed hand-over (the process just died) is served by the primary.
  let turn = 0;
  const take: GatewayProcesses['take'] = (socket, serveHere) => {
    turn = (turn + 1) % (alive.length + 1);
    const entry = alive[turn - 1];
    if (!entry || !entry.child.connected) return false;
    entry.child.send({ t: CONNECTION_MESSAGE }, socket, (error) => {
      if (error && !socket.destroyed) serveHere(socket);
    });
    return true;
  };
  return {
    get processes() {
      return alive.map(({ gateway }) => gateway);
    },
    take,
    async close() {
      closing = true;
      // One being started in place of another is closed with the rest.
      await Promise.all(starting);
      await Promise.all(
        children.map(async ({ child, gateway }) => {
          const gone = exited(child);
          gateway.channel.request('core.close').catch(() => undefined);
          const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS);
          await gone;
          clearTimeout(timer);
        }),
      );
    },
  };
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
