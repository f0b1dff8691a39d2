import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrateStore } from './migrations';

export type Db = Database.Database;

export const DATABASE_FILE = 'engine.db';

/**
 * The engine's SQLite database in `<dataDir>/engine.db`, migrated. WAL with synchronous=FULL: a
 * commit is on disk when it returns, which the async queue's "durable once 202 is sent" needs
 * (NORMAL may lose the last commits on power loss).
 */
export function openDatabase(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrateStore(db);
  return db;
}
