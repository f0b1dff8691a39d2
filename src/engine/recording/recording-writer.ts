import type { Worker } from 'node:worker_threads';
import type { RecordingLimits } from '../config';
import { startEngineThread } from '../start-thread';
import type { PostedBatch } from './recording-message';
import type { FromRecordingThread, RecordingThreadData, ToRecordingThread } from './recording-thread';

/** How long closing waits for the thread to write what it was sent and end, before ending it. */
const CLOSE_WAIT_MS = 10_000;

export type RecordingWriter = {
  /** Posts one packed batch of `count` requests (one message, its bodies in one transferred buffer); never throws. */
  writePacked(packed: PostedBatch, count: number): void;
  deleteFunction(functionName: string): void;
  /** Requests posted and not yet stored: the back-pressure counts them with the queue's. */
  readonly inFlight: number;
  /** Resolves once everything posted so far is stored (or failed). */
  settled(): Promise<void>;
  /** The recording thread's id, once it answered (a debug stat: never the engine's own thread). */
  readonly threadId: number | undefined;
  /** Writes what was posted, closes the thread's connection and ends the thread. */
  close(): Promise<void>;
};

function startThread(workerData: RecordingThreadData): Worker {
  return startEngineThread(new URL('./recording-thread', import.meta.url), 'recording', workerData);
}

/** Starts the recorder's batch writer in a worker thread of its own, one per engine. */
export function startRecordingWriter(
  dataDir: string,
  limits: RecordingLimits,
  warn: (line: string) => void = (line) => console.warn(line),
): RecordingWriter {
  const worker = startThread({ dataDir, limits });
  // Never what keeps the process alive, except while it writes the last batch at close.
  worker.unref();
  let nextId = 0;
  let doneId = 0;
  let inFlight = 0;
  let threadId: number | undefined;
  let ended = false;
  let closing = false;
  const sizes = new Map<number, number>();
  const waiters: Array<{ id: number; resolve: () => void }> = [];
  const said = new Set<string>();
  const sayOnce = (line: string) => {
    if (said.has(line)) return;
    said.add(line);
    warn(line);
  };

  const settle = (upTo: number) => {
    doneId = Math.max(doneId, upTo);
    for (const [id, size] of sizes) {
      if (id > doneId) break;
      inFlight -= size;
      sizes.delete(id);
    }
    for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i]!.id <= doneId) waiters.splice(i, 1)[0]!.resolve();
    if (!waiters.length && !closing) worker.unref();
  };
  worker.on('message', (message: FromRecordingThread) => {
    threadId = message.threadId;
    if (message.error) sayOnce(`[recording] could not store recorded requests: ${message.error}`);
    settle(message.done);
  });
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      ended = true;
      settle(nextId);
      resolve();
    }),
  );
  worker.on('error', (error) => sayOnce(`[recording] the recording thread stopped: ${String(error)}`));

  const post = (message: ToRecordingThread, size: number, transfer: ArrayBuffer[] = []) => {
    if (ended) return;
    sizes.set(message.id, size);
    inFlight += size;
    worker.postMessage(message, transfer);
  };

  return {
    writePacked(packed, count) {
      post({ id: ++nextId, batch: packed }, count, [packed.bodies]);
    },
    deleteFunction(functionName) {
      post({ id: ++nextId, deleteFunction: functionName }, 0);
    },
    get inFlight() {
      return inFlight;
    },
    settled() {
      if (ended || doneId >= nextId) return Promise.resolve();
      // A reader waiting keeps the process up until its answer is stored.
      worker.ref();
      return new Promise((resolve) => waiters.push({ id: nextId, resolve }));
    },
    get threadId() {
      return threadId;
    },
    async close() {
      if (ended) return;
      closing = true;
      worker.ref();
      post({ id: ++nextId, close: true }, 0);
      const timer = setTimeout(() => void worker.terminate(), CLOSE_WAIT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
