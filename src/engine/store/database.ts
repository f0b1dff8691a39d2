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
