import type { Worker } from 'node:worker_threads';
import type { RewriteConfig } from '../../contract/custom-domain';
import { rememberConfig, type FromRewriteThread, type ToRewriteThread } from './rewrite-message';
import { startRewriteThread } from './rewrite-thread-start';

/** Why a path was not rewritten: its rules ran past the deadline, or too many paths were waiting. */
export type LateRewrite = { late: 'deadline' | 'busy' };

export type RewriterLimits = {
  /** How long one path's rules may run in the thread before it is ended and replaced. */
  deadlineMs: number;
  /** Paths waiting for the thread, beyond which a path is answered at once. */
  queueMax: number;
};

export type OffLoopRewriter = {
  rewrite(config: RewriteConfig, path: string): Promise<string | LateRewrite>;
  /** Ends the thread; paths waiting are answered late. */
  close(): Promise<void>;
};

/** How long a new thread may take to load (tsx compiles it under `npm start`) before it is given up. */
const START_WAIT_MS = 30_000;

type Job = { id: number; config: RewriteConfig; path: string; resolve: (result: string | LateRewrite) => void };

/**
 * Runs rewrite rules in one thread, one path at a time, each within `deadlineMs` of being handed
 * over: a path whose rules overrun it is answered late, and the thread is ended (V8 stops a running
 * regular expression, either engine, when its isolate is terminated) and a new one started once the
 * old one has exited, so at most one thread runs rules. Starting a thread is not counted.
 */
export function createOffLoopRewriter(limits: RewriterLimits): OffLoopRewriter {
  const configIds = new WeakMap<RewriteConfig, number>();
  let lastConfigId = 0;
  let lastJobId = 0;
  let thread: { worker: Worker; ready: boolean; sent: Map<number, true>; ending: boolean } | undefined;
  let running: { job: Job; timer: NodeJS.Timeout } | undefined;
  const queue: Job[] = [];
  let closed = false;

  const start = () => {
    const worker = startRewriteThread();
    worker.unref();
    const started = { worker, ready: false, sent: new Map<number, true>(), ending: false };
    thread = started;
    const startTimer = setTimeout(() => void worker.terminate(), START_WAIT_MS).unref();
    worker.on('message', (message: FromRewriteThread) => {
      if ('ready' in message) {
        started.ready = true;
        clearTimeout(startTimer);
      } else if (running?.job.id === message.id) finish('lost' in message ? { late: 'deadline' } : message.path);
      next();
    });
    worker.on('error', (error) => console.error('[rewrite] the rewrite thread failed:', error));
    worker.once('exit', () => {
      clearTimeout(startTimer);
      if (thread === started) thread = undefined;
      if (running && !started.ending) finish({ late: 'deadline' });
      // A thread that cannot start is not started again and again for the paths waiting.
      if (!started.ready) queue.splice(0).forEach((job) => job.resolve({ late: 'busy' }));
      next();
    });
  };

  const finish = (result: string | LateRewrite) => {
    const done = running!;
    running = undefined;
    clearTimeout(done.timer);
    done.job.resolve(result);
  };

  const next = () => {
    if (running || queue.length === 0 || closed) return;
    if (!thread) return start();
    if (!thread.ready || thread.ending) return;
    const job = queue.shift()!;
    const configId = idOf(job.config);
    const message: ToRewriteThread = { id: job.id, configId, path: job.path };
    if (!thread.sent.has(configId)) {
      message.config = job.config;
      rememberConfig(thread.sent, configId, true);
    }
    const current = thread;
    running = { job, timer: setTimeout(() => overrun(current), limits.deadlineMs) };
    current.worker.postMessage(message);
  };

  const overrun = (current: NonNullable<typeof thread>) => {
    current.ending = true;
    finish({ late: 'deadline' });
    void current.worker.terminate();
  };

  const idOf = (config: RewriteConfig) => {
    let id = configIds.get(config);
    if (id === undefined) configIds.set(config, (id = ++lastConfigId));
    return id;
  };

  return {
    rewrite(config, path) {
      if (closed || queue.length >= limits.queueMax) return Promise.resolve({ late: 'busy' });
      return new Promise((resolve) => {
        queue.push({ id: ++lastJobId, config, path, resolve });
        next();
      });
    },
    async close() {
      closed = true;
      queue.splice(0).forEach((job) => job.resolve({ late: 'busy' }));
      if (running) finish({ late: 'busy' });
      await thread?.worker.terminate();
    },
  };
}
