import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from '../store/private-data-dir';

export const RECORDINGS_FILE = 'recordings.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS recorded_requests (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  function_name TEXT NOT NULL,
  request_id TEXT NOT NULL,
  time_ms INTEGER NOT NULL,
  trigger_name TEXT,
  status INTEGER NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  summary TEXT NOT NULL,
  detail TEXT NOT NULL
);
-- Appended to in seq order, never at random places; a lookup by request id reads only this index,
-- newest first, over the function's at most perFunction entries (decision 036). It replaces an index
-- on (function_name, seq) and one on (function_name, request_id), whose random keys dirtied another
-- page per row: a recordings.db made before is given it, once, when opened.
CREATE INDEX IF NOT EXISTS recorded_requests_newest ON recorded_requests (function_name, seq, request_id);
DROP INDEX IF EXISTS recorded_requests_by_function;
DROP INDEX IF EXISTS recorded_requests_by_id;
CREATE TABLE IF NOT EXISTS request_metrics (
  function_name TEXT NOT NULL,
  trigger_name TEXT NOT NULL,
  domain_name TEXT NOT NULL,
  qualifier TEXT NOT NULL,
  minute INTEGER NOT NULL,
  invocations INTEGER NOT NULL,
  errors4xx INTEGER NOT NULL,
  errors5xx INTEGER NOT NULL,
  throttles INTEGER NOT NULL,
  durations TEXT NOT NULL,
  PRIMARY KEY (function_name, trigger_name, domain_name, qualifier, minute)
);
CREATE INDEX IF NOT EXISTS request_metrics_by_minute ON request_metrics (minute);
`;

/**
 * The recordings live in their own file, `<dataDir>/recordings.db`, apart from engine.db: their
 * writes never wait on (or add to) the async queue's fsyncs, and synchronous=NORMAL is enough, as a
 * recording lost to a power cut (never to a kill -9: WAL) costs nobody an invocation.
 */
export function openRecordingsDatabase(dataDir: string): Database.Database {
  const file = path.join(dataDir, RECORDINGS_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}

/**
 * The engine thread's connection: read-only, as every write is the recording thread's. The file and
 * its schema are made first (a connection that then closes), so the reader never meets an empty file.
 */
export function openRecordingsReader(dataDir: string): Database.Database {
  const setup = openRecordingsDatabase(dataDir);
  const reader = new Database(setup.name, { readonly: true });
  setup.close();
  return reader;
}
