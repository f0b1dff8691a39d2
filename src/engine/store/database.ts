import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrateStore } from './migrations';
import { makeDataDirPrivate, PRIVATE_FILE_MODE } from './private-data-dir';

export type Db = Database.Database;

export const DATABASE_FILE = 'engine.db';

/**
 * The engine's SQLite database in `<dataDir>/engine.db`, migrated. WAL with synchronous=FULL: a
 * commit is on disk when it returns, which the async queue's "durable once 202 is sent" needs
 * (NORMAL may lose the last commits on power loss). Opening makes the whole data dir private.
 */
export function openDatabase(dataDir: string): Db {
  makeDataDirPrivate(dataDir);
  const file = path.join(dataDir, DATABASE_FILE);
  // Created 0600 before SQLite opens it: SQLite gives the -wal and -shm files the database's mode.
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrateStore(db);
  return db;
}

/**
 * The same database for a gateway process that only reads it (decision 021's second gateway): the
 * primary created and migrated it before starting this process, and stays its only writer. Opened
 * read-only, so a write by mistake fails with SQLITE_READONLY instead of racing the primary's
 * migrations or transactions; WAL reads still see every commit (the primary keeps -wal and -shm).
 */
export function openFollowerDatabase(dataDir: string): Db {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * A gateway process's own writable connection, used only to insert the async invocations it accepts
 * (decision 048): the primary created and migrated the database and checkpoints it, so this one
 * never migrates and never checkpoints (a checkpoint on its loop would stall its 202s). A write that
 * meets the other process's transaction waits for it (each is one short group insert or status change).
 */
export function openAsyncIntakeDatabase(dataDir: string): Db {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  db.pragma('wal_autocheckpoint = 0');
  return db;
}
