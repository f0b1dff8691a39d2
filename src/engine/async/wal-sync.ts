import type Database from 'better-sqlite3';
import fs from 'node:fs';

/**
 * Durability without blocking the event loop. A commit made with synchronous=NORMAL (WAL) is
 * written but not fsynced; `syncToDisk` then fdatasyncs the WAL file in libuv's thread pool, so the
 * commit is on disk when it completes, as with synchronous=FULL, while the loop keeps serving.
 * NORMAL still syncs around checkpoints, so the WAL is never reused before the database holds it.
 */
export function createWalSync(db: Database.Database) {
  const durable = db.pragma('synchronous', { simple: true }) as number;
  // Prepared once: switching the level costs two statement runs per commit, not two compilations.
  const normal = db.prepare('PRAGMA synchronous = NORMAL');
  const restore = db.prepare(`PRAGMA synchronous = ${durable}`);
  // Opened once (the thread pool is shared with the runtime's file work); SQLite keeps the WAL
  // file while the database is open.
  let wal: number | undefined;

  return {
    /** Runs `write` without an fsync of its own (inside a transaction, the level cannot change). */
    withoutFsync<T>(write: () => T): T {
      if (db.inTransaction || db.memory) return write();
      normal.run();
      try {
        return write();
      } finally {
        restore.run();
      }
    },
    /** Calls `done` once everything committed so far is on disk (with the error if the sync failed). */
    syncToDisk(done: (error: Error | null) => void): void {
      if (db.memory) return void setImmediate(done, null);
      wal ??= fs.openSync(`${db.name}-wal`, 'r');
      fs.fdatasync(wal, done);
    },
    close(): void {
      if (wal !== undefined) fs.closeSync(wal);
      wal = undefined;
    },
  };
}

export type WalSync = ReturnType<typeof createWalSync>;
