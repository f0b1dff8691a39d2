import type Database from 'better-sqlite3';
import fs from 'node:fs';
import { promisify } from 'node:util';

const fdatasync = promisify(fs.fdatasync);

/**
 * Durability without blocking the event loop. A commit made with synchronous=NORMAL (WAL) is
 * written but not fsynced; `syncToDisk` then fdatasyncs the WAL file in libuv's thread pool, so the
 * commit is on disk when it resolves, as with synchronous=FULL, while the loop keeps serving.
 * NORMAL still syncs around checkpoints, so the WAL is never reused before the database holds it.
 */
export function createWalSync(db: Database.Database) {
  const durable = db.pragma('synchronous', { simple: true }) as number;
  // Opened once (the thread pool is shared with the runtime's file work); SQLite keeps the WAL
  // file while the database is open.
  let wal: number | undefined;

  return {
    /** Runs `write` without an fsync of its own (inside a transaction, the level cannot change). */
    withoutFsync<T>(write: () => T): T {
      if (db.inTransaction || db.memory) return write();
      db.pragma('synchronous = NORMAL');
      try {
        return write();
      } finally {
        db.pragma(`synchronous = ${durable}`);
      }
    },
    /** Everything committed so far is on disk when this resolves. */
    async syncToDisk(): Promise<void> {
      if (db.memory) return;
      wal ??= fs.openSync(`${db.name}-wal`, 'r');
      await fdatasync(wal);
    },
    close(): void {
      if (wal !== undefined) fs.closeSync(wal);
      wal = undefined;
    },
  };
}
