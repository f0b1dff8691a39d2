import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A database file as the engine opens it (WAL, synchronous=FULL), for tests and their child processes. */
export function openTestDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

export function tempDatabaseFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fc-async-')), 'engine.db');
}

export function removeDatabaseFile(file: string): void {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
