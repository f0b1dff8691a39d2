import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the checkpointer copies what the WAL holds into the database. */
const CHECKPOINT_EVERY_MS = 100;
/**
 * The writer's own automatic checkpoint, kept as a backstop: under a steady stream of commits the
 * WAL can only restart once a checkpoint caught up, which the thread's may not; this one, on the
 * loop, then copies only the few frames the thread left.
 */
const BACKSTOP_PAGES = 4000;

// Plain JS run by `eval`: the worker needs no loader, whether the engine runs from TypeScript or a build.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const open = new Map();
const timer = setInterval(() => {
  for (const db of open.values()) {
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  }
}, workerData.everyMs);
parentPort.on('message', ({ watch, forget, last }) => {
  if (watch && !open.has(watch)) {
    try {
      const db = new Database(watch, { fileMustExist: true });
      db.pragma('busy_timeout = 0');
      // FULL: the WAL is synced before its frames are copied and the database after, as the writer's own would.
      db.pragma('synchronous = FULL');
      open.set(watch, db);
    } catch {}
  }
  if (forget) {
    open.get(forget)?.close();
    open.delete(forget);
  }
  if (last) {
    clearInterval(timer);
    parentPort.close();
  }
});
`;

let worker: Worker | undefined;
const watched = new Map<string, number>();

function checkpointThread(): Worker {
  if (worker) return worker;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, everyMs: CHECKPOINT_EVERY_MS } });
  // Never what keeps the process alive; a failed thread leaves the backstop checkpoint doing the work.
  worker.unref();
  worker.on('error', () => (worker = undefined));
  return worker;
}

/**
 * SQLite checkpoints a WAL database in the commit that passes 1,000 pages, on the event loop, with
 * two fsyncs and megabytes of writes: under a burst of async accepts a stall every few hundred
 * tasks. This moves it to one thread of the process (a connection of its own per database file),
 * which checkpoints every few milliseconds. Returns what stops it for this connection.
 */
export function checkpointOffTheLoop(db: Database.Database): () => void {
  if (db.memory) return () => undefined;
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const file = db.name;
  watched.set(file, (watched.get(file) ?? 0) + 1);
  checkpointThread().postMessage({ watch: file });
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    const left = (watched.get(file) ?? 1) - 1;
    if (left > 0) return void watched.set(file, left);
    watched.delete(file);
    // The thread closes its connection, and ends once it watches nothing.
    worker?.postMessage({ forget: file, last: !watched.size });
    if (!watched.size) worker = undefined;
  };
}
